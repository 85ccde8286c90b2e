#pragma once

#include "securebytes.h"

#include <QString>

namespace fieldnotes::cli {

/// Reads passphrases one line at a time, from a given file descriptor or else from the terminal
/// with echo off; never from arguments or the environment. Lines go straight into locked memory.
class PassphraseReader
{
public:
    /// fd < 0: use the terminal.
    explicit PassphraseReader(int fd) : m_fd(fd) {}

    /// Empty SecureBytes with an error message when there is no input.
    SecureBytes read(const QString &prompt, QString *error) const;
    /// On a terminal asks twice and insists they match; from a descriptor reads one line.
    SecureBytes readNew(const QString &prompt, QString *error) const;

private:
    int m_fd;
};

} // namespace fieldnotes::cli
