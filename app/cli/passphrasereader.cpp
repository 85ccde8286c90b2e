#include "passphrasereader.h"

#include "terminalinput.h"

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace fieldnotes::cli {

namespace {
constexpr std::size_t maximumLength = 1024;

SecureBytes readFrom(int fd, bool hideEcho, QString *error)
{
    SecureBytes buffer(maximumLength + 1);
    if (buffer.isNull()) {
        *error = QStringLiteral("cannot allocate locked memory for the passphrase");
        return {};
    }
    const long length = platform::readLine(fd, reinterpret_cast<char *>(buffer.data()), buffer.size(), hideEcho);
    if (length == -2) {
        *error = QStringLiteral("the passphrase is longer than %1 bytes; refused (a shorter one is used whole, never cut)").arg(maximumLength);
        return {};
    }
    if (length <= 0) {
        *error = length < 0 ? QStringLiteral("no passphrase given (end of input)") : QStringLiteral("the passphrase is empty");
        return {};
    }
    return SecureBytes::copyOf(buffer.data(), static_cast<std::size_t>(length));
}
} // namespace

SecureBytes PassphraseReader::read(const QString &prompt, QString *error) const
{
    if (m_fd >= 0)
        return readFrom(m_fd, false, error);
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0) {
        *error = QStringLiteral("no terminal to ask for the passphrase: use --passphrase-fd N");
        return {};
    }
    const QByteArray text = prompt.toLocal8Bit() + ": ";
    (void)!::write(tty, text.constData(), static_cast<size_t>(text.size()));
    SecureBytes passphrase = readFrom(tty, true, error);
    ::close(tty);
    return passphrase;
}

SecureBytes PassphraseReader::readNew(const QString &prompt, QString *error) const
{
    SecureBytes first = read(prompt, error);
    if (first.isNull() || m_fd >= 0)
        return first;
    SecureBytes again = read(QStringLiteral("Repeat it"), error);
    if (again.isNull())
        return {};
    if (!(first == again)) {
        *error = QStringLiteral("the two passphrases differ");
        return {};
    }
    return first;
}

} // namespace fieldnotes::cli
