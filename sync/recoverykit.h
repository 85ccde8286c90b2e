#pragma once

#include "error.h"
#include "securebytes.h"
#include "syncstore.h"

#include <QByteArray>
#include <QDateTime>

namespace fieldnotes::sync {

/// What a new leader vault needs to carry on a review when the leader's tablet is lost: the
/// review's secret keys, where its archive is and how it is pinned, and the roster as it stood
/// when the kit was made (a restore refuses an archive whose roster does not continue it).
struct RecoveryKit {
    ReviewKeys keys;
    qint64 rosterSequence = 0;
    QByteArray rosterHash;
    QDateTime madeAt;
};

/// The kit file (docs/recovery-kit.md): one line of JSON, the secrets sealed with
/// XChaCha20-Poly1305 under a key derived from the recovery passphrase with Argon2id at
/// libsodium's MODERATE limits; the clear fields are bound as associated data, and a BLAKE2b
/// checksum over the line tells a damaged kit from a wrong passphrase.
Result<QByteArray> sealRecoveryKit(const RecoveryKit &kit, const SecureBytes &recoveryPassphrase);
/// WrongPassphrase for a passphrase that does not open it; VaultDamaged, naming what is wrong,
/// for a file that is not a whole kit.
Result<RecoveryKit> openRecoveryKit(const QByteArray &file, const SecureBytes &recoveryPassphrase);

/// The clear part of a kit, readable without the passphrase: which review, whose key, when.
struct RecoveryKitLabel {
    QString reviewId;
    QByteArray reviewKey;
    QDateTime madeAt;
};
Result<RecoveryKitLabel> readRecoveryKitLabel(const QByteArray &file);

/// A recovery passphrase Fieldnotes accepts: long enough to stand up to an offline guess.
Result<void> checkRecoveryPassphrase(const SecureBytes &recoveryPassphrase);

} // namespace fieldnotes::sync
