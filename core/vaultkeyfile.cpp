#include "vaultkeyfile.h"

#include "durablefile.h"
#include "sodiumruntime.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <cstring>

namespace fieldnotes {

namespace {
constexpr auto formatName = "fieldnotes-vault-key";
constexpr auto aeadName = "xchacha20poly1305-ietf";
constexpr std::size_t databaseKeyBytes = 32;

Error malformed(const QString &why)
{
    return Error{ErrorCode::VaultDamaged, QStringLiteral("the vault key file is damaged: %1").arg(why)};
}

QByteArray fromBase64(const QJsonValue &value, bool *ok)
{
    const auto result = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    *ok = *ok && value.isString() && result.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
    return result.decoded;
}
} // namespace

Result<VaultSecrets> VaultSecrets::generate(QByteArray *signingPublicKey)
{
    ensureSodiumInitialised();
    VaultSecrets secrets{SecureBytes(databaseKeyBytes), SecureBytes(crypto_sign_SECRETKEYBYTES)};
    if (secrets.databaseKey.isNull() || secrets.signingSecretKey.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for keys")};
    randombytes_buf(secrets.databaseKey.data(), secrets.databaseKey.size());
    signingPublicKey->resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(signingPublicKey->data()), secrets.signingSecretKey.data());
    return secrets;
}

QByteArray VaultKeyFile::associatedData() const
{
    return QByteArray(formatName) + '|' + QByteArray::number(version) + '|' + aeadName + '|' + kdf.algorithm.toLatin1() + '|'
        + QByteArray::number(kdf.opsLimit) + '|' + QByteArray::number(kdf.memLimitBytes) + '|' + kdf.salt.toBase64() + '|'
        + devicePublicKey.toBase64();
}

Result<VaultKeyFile> VaultKeyFile::wrap(const VaultSecrets &secrets, const QByteArray &devicePublicKey,
                                        const SecureBytes &passphrase, const KdfParameters &kdf)
{
    auto keyEncryptionKey = deriveKeyFromPassphrase(passphrase, kdf);
    if (!keyEncryptionKey)
        return keyEncryptionKey.error();

    VaultKeyFile file;
    file.kdf = kdf;
    file.devicePublicKey = devicePublicKey;
    file.nonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(file.nonce.data(), static_cast<size_t>(file.nonce.size()));

    SecureBytes plain(secrets.databaseKey.size() + secrets.signingSecretKey.size());
    if (plain.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for keys")};
    std::memcpy(plain.data(), secrets.databaseKey.data(), secrets.databaseKey.size());
    std::memcpy(plain.data() + secrets.databaseKey.size(), secrets.signingSecretKey.data(), secrets.signingSecretKey.size());

    const QByteArray ad = file.associatedData();
    file.wrappedSecrets.resize(static_cast<qsizetype>(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES));
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(file.wrappedSecrets.data()), &written, plain.data(), plain.size(),
        reinterpret_cast<const unsigned char *>(ad.constData()), static_cast<unsigned long long>(ad.size()), nullptr,
        reinterpret_cast<const unsigned char *>(file.nonce.constData()), keyEncryptionKey->data());
    file.wrappedSecrets.resize(static_cast<qsizetype>(written));
    return file;
}

Result<VaultSecrets> VaultKeyFile::unwrap(const SecureBytes &passphrase) const
{
    auto keyEncryptionKey = deriveKeyFromPassphrase(passphrase, kdf);
    if (!keyEncryptionKey)
        return keyEncryptionKey.error();

    const std::size_t plainSize = databaseKeyBytes + crypto_sign_SECRETKEYBYTES;
    if (static_cast<std::size_t>(wrappedSecrets.size()) != plainSize + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return malformed(QStringLiteral("wrapped key has the wrong length"));
    SecureBytes plain(plainSize);
    if (plain.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for keys")};

    const QByteArray ad = associatedData();
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &written, nullptr, reinterpret_cast<const unsigned char *>(wrappedSecrets.constData()),
            static_cast<unsigned long long>(wrappedSecrets.size()), reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()), reinterpret_cast<const unsigned char *>(nonce.constData()),
            keyEncryptionKey->data())
        != 0)
        return Error{ErrorCode::WrongPassphrase, QStringLiteral("wrong passphrase")};

    VaultSecrets secrets{SecureBytes::copyOf(plain.data(), databaseKeyBytes),
                         SecureBytes::copyOf(plain.data() + databaseKeyBytes, crypto_sign_SECRETKEYBYTES)};
    if (secrets.databaseKey.isNull() || secrets.signingSecretKey.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for keys")};
    // The public key in the file must belong to the secret key inside the box.
    unsigned char derivedPublic[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(derivedPublic, secrets.signingSecretKey.data());
    if (devicePublicKey.size() != crypto_sign_PUBLICKEYBYTES
        || sodium_memcmp(derivedPublic, devicePublicKey.constData(), crypto_sign_PUBLICKEYBYTES) != 0)
        return malformed(QStringLiteral("device key does not match"));
    return secrets;
}

QByteArray VaultKeyFile::toJson() const
{
    const QJsonObject kdfObject{
        {QStringLiteral("algorithm"), kdf.algorithm},
        {QStringLiteral("opslimit"), QString::number(kdf.opsLimit)},
        {QStringLiteral("memlimit"), QString::number(kdf.memLimitBytes)},
        {QStringLiteral("salt"), QString::fromLatin1(kdf.salt.toBase64())},
    };
    const QJsonObject object{
        {QStringLiteral("format"), QLatin1String(formatName)},
        {QStringLiteral("version"), version},
        {QStringLiteral("kdf"), kdfObject},
        {QStringLiteral("aead"), QLatin1String(aeadName)},
        {QStringLiteral("device_public_key"), QString::fromLatin1(devicePublicKey.toBase64())},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
        {QStringLiteral("wrapped_secrets"), QString::fromLatin1(wrappedSecrets.toBase64())},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<VaultKeyFile> VaultKeyFile::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(formatName))
        return malformed(QStringLiteral("unknown format"));
    VaultKeyFile file;
    file.version = object.value(QStringLiteral("version")).toInt(-1);
    if (file.version > currentVersion)
        return Error{ErrorCode::VaultTooNew, QStringLiteral("the vault key file was written by a newer Fieldnotes (format %1)").arg(file.version)};
    if (file.version != currentVersion || object.value(QStringLiteral("aead")).toString() != QLatin1String(aeadName))
        return malformed(QStringLiteral("unsupported version or cipher"));

    const QJsonObject kdfObject = object.value(QStringLiteral("kdf")).toObject();
    bool ok = true;
    bool numbersOk = true;
    bool memOk = true;
    file.kdf.algorithm = kdfObject.value(QStringLiteral("algorithm")).toString();
    file.kdf.opsLimit = kdfObject.value(QStringLiteral("opslimit")).toString().toULongLong(&numbersOk);
    file.kdf.memLimitBytes = kdfObject.value(QStringLiteral("memlimit")).toString().toULongLong(&memOk);
    file.kdf.salt = fromBase64(kdfObject.value(QStringLiteral("salt")), &ok);
    file.devicePublicKey = fromBase64(object.value(QStringLiteral("device_public_key")), &ok);
    file.nonce = fromBase64(object.value(QStringLiteral("nonce")), &ok);
    file.wrappedSecrets = fromBase64(object.value(QStringLiteral("wrapped_secrets")), &ok);
    if (!ok || !numbersOk || !memOk || file.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || file.devicePublicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return malformed(QStringLiteral("missing or invalid fields"));
    return file;
}

Result<VaultKeyFile> VaultKeyFile::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error{ErrorCode::VaultNotFound, QStringLiteral("no vault at %1").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return fromJson(file.read(64 * 1024));
}

Result<void> VaultKeyFile::writeDurably(const QString &path) const
{
    QString message;
    if (!platform::writeFileDurably(path, toJson(), &message))
        return Error{ErrorCode::Io, message};
    return {};
}

} // namespace fieldnotes
