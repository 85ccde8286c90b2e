#pragma once

#include "error.h"

namespace fieldnotes::cli {

/// fieldnotes-cli's documented exit codes (README, "Exit codes").
enum ExitCode : int {
    Success = 0,
    VerificationFailed = 1,
    UsageError = 2,
    PassphraseRefused = 3,
    VaultMissingOrExists = 4,
    VaultUnreadable = 5,
    NotFound = 6,
    Refused = 7,
    IoError = 8,
};

inline ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassphrase:
    case ErrorCode::RetryLater:
        return PassphraseRefused;
    case ErrorCode::VaultNotFound:
    case ErrorCode::VaultExists:
        return VaultMissingOrExists;
    case ErrorCode::VaultDamaged:
    case ErrorCode::VaultTooNew:
        return VaultUnreadable;
    case ErrorCode::NotFound:
        return NotFound;
    case ErrorCode::InvalidArgument:
    case ErrorCode::Immutable:
        return Refused;
    case ErrorCode::StorageFull:
    case ErrorCode::Io:
    case ErrorCode::OutOfMemory:
    case ErrorCode::Crypto:
        return IoError;
    }
    return IoError;
}

} // namespace fieldnotes::cli
