#include "passphrasekdf.h"

#include "sodiumruntime.h"

#include <sodium.h>

namespace fieldnotes {

namespace {
KdfParameters argon2id(quint64 ops, quint64 mem)
{
    return KdfParameters{QStringLiteral("argon2id13"), ops, mem, {}}.withNewSalt();
}
} // namespace

KdfParameters KdfParameters::standard()
{
    return argon2id(crypto_pwhash_OPSLIMIT_MODERATE + 1, crypto_pwhash_MEMLIMIT_MODERATE);
}

KdfParameters KdfParameters::moderate()
{
    return argon2id(crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
}

KdfParameters KdfParameters::interactive()
{
    return argon2id(crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

KdfParameters KdfParameters::sensitive()
{
    return argon2id(crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE);
}

KdfParameters KdfParameters::withNewSalt() const
{
    ensureSodiumInitialised();
    KdfParameters copy = *this;
    copy.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(copy.salt.data(), static_cast<size_t>(copy.salt.size()));
    return copy;
}

Result<SecureBytes> deriveKeyFromPassphrase(const SecureBytes &passphrase, const KdfParameters &parameters)
{
    ensureSodiumInitialised();
    if (parameters.algorithm != QLatin1String("argon2id13"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("unsupported key derivation '%1'").arg(parameters.algorithm)};
    if (parameters.salt.size() != crypto_pwhash_SALTBYTES
        || parameters.opsLimit < crypto_pwhash_OPSLIMIT_MIN || parameters.opsLimit > crypto_pwhash_OPSLIMIT_MAX
        || parameters.memLimitBytes < crypto_pwhash_MEMLIMIT_MIN || parameters.memLimitBytes > crypto_pwhash_MEMLIMIT_MAX)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("key derivation settings out of range")};

    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (key.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for a key")};
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(passphrase.data()), passphrase.size(),
                      reinterpret_cast<const unsigned char *>(parameters.salt.constData()), parameters.opsLimit,
                      static_cast<size_t>(parameters.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error{ErrorCode::OutOfMemory, QStringLiteral("not enough memory to derive the key from the passphrase")};
    return key;
}

} // namespace fieldnotes
