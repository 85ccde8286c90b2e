#pragma once

#include <QByteArray>
#include <QString>

namespace fieldnotes::platform {

/// Replaces the file at path with data so that a crash at any moment leaves either the old
/// or the new content, never a mix, and the new content is on disk when this returns true.
bool writeFileDurably(const QString &path, const QByteArray &data, QString *errorMessage);

/// Removes a file and makes the removal durable. Missing files count as removed.
bool removeFileDurably(const QString &path, QString *errorMessage);

/// fsync on a file already written (by SQLite, say), then on its directory.
bool syncFileAndDirectory(const QString &path, QString *errorMessage);

/// fsync on a directory, so that a rename or a new file in it survives power loss.
bool syncDirectory(const QString &directory, QString *errorMessage);

} // namespace fieldnotes::platform
