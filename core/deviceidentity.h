#pragma once

#include "securebytes.h"

#include <QByteArray>

namespace fieldnotes {

/// This device's Ed25519 signing key pair; the secret half only ever in locked memory.
struct DeviceIdentity {
    QByteArray publicKey;
    SecureBytes secretKey;
};

} // namespace fieldnotes
