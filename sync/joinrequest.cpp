#include "joinrequest.h"

#include "securebytes.h"
#include "syncencoding.h"

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
/// A MAC key no hash of the token reveals: BLAKE2b keyed by the token over a fixed label.
SecureBytes macKeyOf(const QByteArray &token)
{
    static const QByteArray label = QByteArrayLiteral("fieldnotes-join-mac-key-v1");
    SecureBytes key(crypto_auth_KEYBYTES);
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char *>(label.constData()), std::size_t(label.size()),
                       reinterpret_cast<const unsigned char *>(token.constData()), std::size_t(token.size()));
    return key;
}

QByteArray macInput(const QString &reviewId, const QByteArray &deviceKey, const QString &role, const QString &label, const QByteArray &boxKey)
{
    QByteArray input = "fieldnotes-join-v1\n" + reviewId.toUtf8() + '\n' + deviceKey.toHex() + '\n' + role.toUtf8() + '\n' + label.toUtf8();
    if (!boxKey.isEmpty())
        input += '\n' + boxKey.toHex();
    return input;
}
} // namespace

const QStringList &JoinRequest::joinableRoles()
{
    static const QStringList roles{QStringLiteral("reviewer"), QStringLiteral("young-inspector"), QStringLiteral("deputy-leader")};
    return roles;
}

QByteArray JoinRequest::tokenIdOf(const QByteArray &token)
{
    return blake2b256(token);
}

QByteArray JoinRequest::macOf(const QByteArray &token, const QString &reviewId, const QByteArray &deviceKey, const QString &role,
                              const QString &label, const QByteArray &boxKey)
{
    if (token.size() < crypto_generichash_KEYBYTES_MIN || token.size() > crypto_generichash_KEYBYTES_MAX)
        return {};
    const SecureBytes key = macKeyOf(token);
    const QByteArray input = macInput(reviewId, deviceKey, role, label, boxKey);
    QByteArray mac(crypto_auth_BYTES, '\0');
    crypto_auth(reinterpret_cast<unsigned char *>(mac.data()), reinterpret_cast<const unsigned char *>(input.constData()),
                static_cast<unsigned long long>(input.size()), key.data());
    return mac;
}

bool JoinRequest::macHolds(const QByteArray &token, const QString &reviewId) const
{
    if (mac.size() != crypto_auth_BYTES || token.size() < crypto_generichash_KEYBYTES_MIN || token.size() > crypto_generichash_KEYBYTES_MAX)
        return false;
    const SecureBytes key = macKeyOf(token);
    const QByteArray input = macInput(reviewId, deviceKey, role, label, boxKey);
    return crypto_auth_verify(reinterpret_cast<const unsigned char *>(mac.constData()), reinterpret_cast<const unsigned char *>(input.constData()),
                              static_cast<unsigned long long>(input.size()), key.data())
           == 0;
}

} // namespace fieldnotes::sync
