#include "durablefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fieldnotes::platform {

bool syncDirectory(const QString &directory, QString *errorMessage)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot sync %1: %2").arg(directory, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

bool syncFileAndDirectory(const QString &path, QString *errorMessage)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot sync %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return syncDirectory(QFileInfo(path).absolutePath(), errorMessage);
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
