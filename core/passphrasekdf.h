#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QString>

namespace fieldnotes {

/// Argon2id settings stored beside a wrapped key, so they can be read back and raised later.
struct KdfParameters {
    QString algorithm; // "argon2id13" is the only one this version accepts
    quint64 opsLimit = 0;
    quint64 memLimitBytes = 0;
    QByteArray salt;

    /// The default for a new vault: MODERATE's 256 MiB with a fourth pass, about 0.5 s here.
    static KdfParameters standard();
    /// libsodium's MODERATE (3 passes, 256 MiB).
    static KdfParameters moderate();
    /// libsodium's INTERACTIVE (2 passes, 64 MiB): for tests and slow hardware.
    static KdfParameters interactive();
    /// libsodium's SENSITIVE (4 passes, 1 GiB).
    static KdfParameters sensitive();
    /// A fresh random salt, other settings kept.
    KdfParameters withNewSalt() const;
};

/// Derives a 32-byte key-encryption key from a passphrase.
Result<SecureBytes> deriveKeyFromPassphrase(const SecureBytes &passphrase, const KdfParameters &parameters);

} // namespace fieldnotes
