#pragma once

#include "securebytes.h"

#include <QByteArray>

#include <sodium.h>

namespace fieldnotes::test {

/// A fresh key pair from libsodium, for tests that sign or seal outside any vault.
struct KeyPair {
    QByteArray publicKey;
    SecureBytes secretKey;
};

inline KeyPair signingKeys()
{
    KeyPair keys{QByteArray(crypto_sign_PUBLICKEYBYTES, '\0'), SecureBytes(crypto_sign_SECRETKEYBYTES)};
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(keys.publicKey.data()), keys.secretKey.data());
    return keys;
}

inline KeyPair boxKeys()
{
    KeyPair keys{QByteArray(crypto_box_PUBLICKEYBYTES, '\0'), SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_keypair(reinterpret_cast<unsigned char *>(keys.publicKey.data()), keys.secretKey.data());
    return keys;
}

} // namespace fieldnotes::test
