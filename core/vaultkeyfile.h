#pragma once

#include "error.h"
#include "passphrasekdf.h"
#include "securebytes.h"

#include <QByteArray>
#include <QString>

namespace fieldnotes {

/// The secrets a vault keeps wrapped under its passphrase.
struct VaultSecrets {
    SecureBytes databaseKey;       // 32 random bytes, SQLCipher's raw key
    SecureBytes signingSecretKey;  // Ed25519 secret key (64 bytes, libsodium layout)

    static Result<VaultSecrets> generate(QByteArray *signingPublicKey);
};

/// The file `vault.key`: Argon2id settings, the device's public key, and the secrets wrapped
/// with XChaCha20-Poly1305 under the passphrase-derived key (format: docs/vault-format.md).
struct VaultKeyFile {
    static constexpr int currentVersion = 1;

    int version = currentVersion;
    KdfParameters kdf;
    QByteArray devicePublicKey;
    QByteArray nonce;
    QByteArray wrappedSecrets;

    static Result<VaultKeyFile> wrap(const VaultSecrets &secrets, const QByteArray &devicePublicKey,
                                     const SecureBytes &passphrase, const KdfParameters &kdf);
    Result<VaultSecrets> unwrap(const SecureBytes &passphrase) const;

    QByteArray toJson() const;
    static Result<VaultKeyFile> fromJson(const QByteArray &json);

    static Result<VaultKeyFile> read(const QString &path);
    Result<void> writeDurably(const QString &path) const;

private:
    /// Everything stored in clear, bound into the AEAD tag so none of it can be swapped.
    QByteArray associatedData() const;
};

} // namespace fieldnotes
