#include "recoverykit.h"

#include "signednote.h"
#include "syncencoding.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {

constexpr int formatVersion = 1;
const QString formatName = QStringLiteral("fieldnotes-recovery-kit");
const QString kdfName = QStringLiteral("argon2id13");
const QString cipherName = QStringLiteral("xchacha20poly1305-ietf");
constexpr std::size_t secretsSize = crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES;
constexpr int minimumPassphraseLength = 12;

Error damaged(const QString &what)
{
    return Error{ErrorCode::VaultDamaged, QStringLiteral("this recovery kit is damaged or not a Fieldnotes recovery kit (%1); "
                                                         "use another copy, such as the printed page")
                                              .arg(what)};
}

struct ClearPart {
    QString reviewId;
    QByteArray reviewKey;
    QString madeAt;
    quint64 opsLimit = 0;
    std::size_t memLimit = 0;
    QByteArray salt;
    QByteArray nonce;
};

/// The clear fields, bound to the sealed secrets as associated data.
QByteArray associatedData(const ClearPart &clear)
{
    return "fieldnotes-recovery-kit-v1\n" + clear.reviewId.toUtf8() + '\n' + toHex(clear.reviewKey).toLatin1() + '\n' +
           clear.madeAt.toLatin1() + '\n' + kdfName.toLatin1() + ' ' + QByteArray::number(clear.opsLimit) + ' ' +
           QByteArray::number(quint64(clear.memLimit)) + ' ' + toHex(clear.salt).toLatin1() + '\n' + toHex(clear.nonce).toLatin1() + '\n';
}

QByteArray checksumOf(const QByteArray &associated, const QByteArray &sealed)
{
    QByteArray digest(32, Qt::Uninitialized);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(associated.constData()), quint64(associated.size()));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(sealed.constData()), quint64(sealed.size()));
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(digest.data()), 32);
    return digest;
}

Result<SecureBytes> deriveKey(const SecureBytes &passphrase, const QByteArray &salt, quint64 opsLimit, std::size_t memLimit)
{
    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (key.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for the recovery key")};
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(passphrase.data()), passphrase.size(),
                      reinterpret_cast<const unsigned char *>(salt.constData()), opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{ErrorCode::OutOfMemory, QStringLiteral("not enough memory to derive the recovery key (Argon2id needs %1 MiB)")
                                                 .arg(memLimit / (1024 * 1024))};
    return key;
}

Result<ClearPart> readClearPart(const QJsonObject &object)
{
    if (object.value(QStringLiteral("format")).toString() != formatName)
        return damaged(QStringLiteral("it does not say it is one"));
    if (object.value(QStringLiteral("version")).toInt() != formatVersion)
        return Error{ErrorCode::VaultTooNew, QStringLiteral("this recovery kit is version %1; this Fieldnotes reads version %2")
                                                 .arg(object.value(QStringLiteral("version")).toInt())
                                                 .arg(formatVersion)};
    ClearPart clear;
    clear.reviewId = object.value(QStringLiteral("review_id")).toString();
    clear.madeAt = object.value(QStringLiteral("made_at")).toString();
    const auto reviewKey = fromHex(object.value(QStringLiteral("review_key")).toString(), crypto_sign_PUBLICKEYBYTES);
    const QJsonObject kdf = object.value(QStringLiteral("kdf")).toObject();
    const auto salt = fromHex(kdf.value(QStringLiteral("salt")).toString(), crypto_pwhash_SALTBYTES);
    const auto nonce = fromHex(object.value(QStringLiteral("nonce")).toString(), crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    if (clear.reviewId.isEmpty() || !reviewKey || !QDateTime::fromString(clear.madeAt, Qt::ISODate).isValid())
        return damaged(QStringLiteral("its review, key or date is unreadable"));
    if (kdf.value(QStringLiteral("algorithm")).toString() != kdfName || !salt ||
        object.value(QStringLiteral("cipher")).toString() != cipherName || !nonce)
        return damaged(QStringLiteral("its key derivation or cipher is unreadable"));
    clear.reviewKey = *reviewKey;
    clear.salt = *salt;
    clear.nonce = *nonce;
    clear.opsLimit = quint64(kdf.value(QStringLiteral("opslimit")).toInteger(0));
    clear.memLimit = std::size_t(kdf.value(QStringLiteral("memlimit")).toInteger(0));
    // Never weaker than Fieldnotes makes them, and never so costly that opening one is a denial of service.
    if (clear.opsLimit < crypto_pwhash_OPSLIMIT_MODERATE || clear.opsLimit > 16 || clear.memLimit < crypto_pwhash_MEMLIMIT_MODERATE ||
        clear.memLimit > std::size_t(1) << 30)
        return damaged(QStringLiteral("its key derivation limits are not ones Fieldnotes uses"));
    return clear;
}

} // namespace

Result<void> checkRecoveryPassphrase(const SecureBytes &recoveryPassphrase)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(recoveryPassphrase.data()), qsizetype(recoveryPassphrase.size()));
    if (text.size() < minimumPassphraseLength)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a recovery passphrase needs at least %1 characters: it guards the "
                                                                "review's keys on paper and in a file, where anyone may try it")
                                                     .arg(minimumPassphraseLength)};
    return {};
}

Result<QByteArray> sealRecoveryKit(const RecoveryKit &kit, const SecureBytes &recoveryPassphrase)
{
    if (auto accepted = checkRecoveryPassphrase(recoveryPassphrase); !accepted)
        return accepted.error();
    if (kit.keys.signingSecret.size() != crypto_sign_SECRETKEYBYTES || kit.keys.boxSecret.size() != crypto_box_SECRETKEYBYTES)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the review's keys are incomplete")};
    ClearPart clear;
    clear.reviewId = kit.keys.reviewId;
    clear.reviewKey = kit.keys.signingPublic;
    clear.madeAt = canonicalTimestamp(kit.madeAt);
    clear.opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
    clear.memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
    clear.salt = QByteArray(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    clear.nonce = QByteArray(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Qt::Uninitialized);
    randombytes_buf(clear.salt.data(), std::size_t(clear.salt.size()));
    randombytes_buf(clear.nonce.data(), std::size_t(clear.nonce.size()));

    const QByteArray where = QJsonDocument(QJsonObject{{QStringLiteral("archive_url"), kit.keys.archiveUrl},
                                                       {QStringLiteral("fingerprint"), kit.keys.fingerprint},
                                                       {QStringLiteral("archive_key"), toHex(kit.keys.archiveKey)},
                                                       {QStringLiteral("roster_sequence"), kit.rosterSequence},
                                                       {QStringLiteral("roster_hash"), toHex(kit.rosterHash)}})
                                 .toJson(QJsonDocument::Compact);
    SecureBytes plain(secretsSize + std::size_t(where.size()));
    if (plain.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for the recovery kit")};
    std::memcpy(plain.data(), kit.keys.signingSecret.data(), crypto_sign_SECRETKEYBYTES);
    std::memcpy(plain.data() + crypto_sign_SECRETKEYBYTES, kit.keys.boxSecret.data(), crypto_box_SECRETKEYBYTES);
    std::memcpy(plain.data() + secretsSize, where.constData(), std::size_t(where.size()));

    auto key = deriveKey(recoveryPassphrase, clear.salt, clear.opsLimit, clear.memLimit);
    if (!key)
        return key.error();
    const QByteArray associated = associatedData(clear);
    QByteArray sealed(qsizetype(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    unsigned long long sealedLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(sealed.data()), &sealedLength, plain.data(), plain.size(),
                                               reinterpret_cast<const unsigned char *>(associated.constData()), quint64(associated.size()),
                                               nullptr, reinterpret_cast<const unsigned char *>(clear.nonce.constData()), key->data());
    sealed.resize(qsizetype(sealedLength));

    const QJsonObject file{{QStringLiteral("format"), formatName},
                           {QStringLiteral("version"), formatVersion},
                           {QStringLiteral("review_id"), clear.reviewId},
                           {QStringLiteral("review_key"), toHex(clear.reviewKey)},
                           {QStringLiteral("made_at"), clear.madeAt},
                           {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("algorithm"), kdfName},
                                                               {QStringLiteral("opslimit"), qint64(clear.opsLimit)},
                                                               {QStringLiteral("memlimit"), qint64(clear.memLimit)},
                                                               {QStringLiteral("salt"), toHex(clear.salt)}}},
                           {QStringLiteral("cipher"), cipherName},
                           {QStringLiteral("nonce"), toHex(clear.nonce)},
                           {QStringLiteral("sealed"), QString::fromLatin1(sealed.toBase64())},
                           {QStringLiteral("checksum"), toHex(checksumOf(associated, sealed))}};
    return QByteArray(QJsonDocument(file).toJson(QJsonDocument::Compact) + '\n');
}

Result<RecoveryKitLabel> readRecoveryKitLabel(const QByteArray &file)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.trimmed(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(QStringLiteral("it is not readable JSON"));
    auto clear = readClearPart(document.object());
    if (!clear)
        return clear.error();
    return RecoveryKitLabel{clear->reviewId, clear->reviewKey, QDateTime::fromString(clear->madeAt, Qt::ISODate)};
}

Result<RecoveryKit> openRecoveryKit(const QByteArray &file, const SecureBytes &recoveryPassphrase)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.trimmed(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(QStringLiteral("it is not readable JSON"));
    const QJsonObject object = document.object();
    auto clear = readClearPart(object);
    if (!clear)
        return clear.error();
    const QByteArray sealed =
        QByteArray::fromBase64(object.value(QStringLiteral("sealed")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto checksum = fromHex(object.value(QStringLiteral("checksum")).toString(), 32);
    const QByteArray associated = associatedData(*clear);
    if (std::size_t(sealed.size()) < secretsSize + crypto_aead_xchacha20poly1305_ietf_ABYTES || !checksum ||
        *checksum != checksumOf(associated, sealed))
        return damaged(QStringLiteral("its checksum does not match"));

    auto key = deriveKey(recoveryPassphrase, clear->salt, clear->opsLimit, clear->memLimit);
    if (!key)
        return key.error();
    SecureBytes plain(std::size_t(sealed.size()) - crypto_aead_xchacha20poly1305_ietf_ABYTES);
    if (plain.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for the recovery kit")};
    unsigned long long plainLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &plainLength, nullptr, reinterpret_cast<const unsigned char *>(sealed.constData()),
                                                   quint64(sealed.size()), reinterpret_cast<const unsigned char *>(associated.constData()),
                                                   quint64(associated.size()), reinterpret_cast<const unsigned char *>(clear->nonce.constData()),
                                                   key->data()) != 0)
        return Error{ErrorCode::WrongPassphrase, QStringLiteral("wrong recovery passphrase: this kit does not open with it")};

    RecoveryKit kit;
    kit.madeAt = QDateTime::fromString(clear->madeAt, Qt::ISODate);
    kit.keys.reviewId = clear->reviewId;
    kit.keys.signingSecret = SecureBytes::copyOf(plain.data(), crypto_sign_SECRETKEYBYTES);
    kit.keys.boxSecret = SecureBytes::copyOf(plain.data() + crypto_sign_SECRETKEYBYTES, crypto_box_SECRETKEYBYTES);
    kit.keys.signingPublic = QByteArray(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    kit.keys.boxPublic = QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(kit.keys.signingPublic.data()), kit.keys.signingSecret.data());
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(kit.keys.boxPublic.data()), kit.keys.boxSecret.data());
    if (kit.keys.signingPublic != clear->reviewKey)
        return damaged(QStringLiteral("its secret key is not the review key it names"));
    const QJsonObject where = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(plain.data()) + secretsSize,
                                                                 qsizetype(plainLength - secretsSize)))
                                  .object();
    kit.keys.archiveUrl = where.value(QStringLiteral("archive_url")).toString();
    kit.keys.fingerprint = where.value(QStringLiteral("fingerprint")).toString();
    kit.keys.archiveKey = fromHex(where.value(QStringLiteral("archive_key")).toString(), crypto_sign_PUBLICKEYBYTES).value_or(QByteArray());
    kit.rosterSequence = where.value(QStringLiteral("roster_sequence")).toInteger(-1);
    kit.rosterHash = fromHex(where.value(QStringLiteral("roster_hash")).toString(), 32).value_or(QByteArray());
    if (kit.keys.archiveUrl.isEmpty() || kit.keys.archiveKey.isEmpty() || kit.rosterSequence < 0 || kit.rosterHash.isEmpty())
        return damaged(QStringLiteral("where its archive is cannot be read"));
    return kit;
}

} // namespace fieldnotes::sync
