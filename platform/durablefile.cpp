#include "durablefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fieldnotes::platform {

namespace {
bool syncPath(const QString &path, int flags, QString *errorMessage)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot sync %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}
} // namespace

bool syncDirectory(const QString &directory, QString *errorMessage)
{
    return syncPath(directory, O_DIRECTORY, errorMessage);
}

bool syncFileAndDirectory(const QString &path, QString *errorMessage)
{
    return syncPath(path, 0, errorMessage) && syncDirectory(QFileInfo(path).absolutePath(), errorMessage);
}

bool writeFileDurably(const QString &path, const QByteArray &data, QString *errorMessage)
{
    // QSaveFile writes a temporary file, fsyncs it and renames it over the target.
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    // Owner-only from the first byte: the temporary file is what gets renamed into place.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(data) != data.size() || !file.commit()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return syncDirectory(QFileInfo(path).absolutePath(), errorMessage);
}

bool removeFileDurably(const QString &path, QString *errorMessage)
{
    if (QFile::exists(path) && !QFile::remove(path)) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot remove %1").arg(path);
        return false;
    }
    return syncDirectory(QFileInfo(path).absolutePath(), errorMessage);
}

} // namespace fieldnotes::platform
