#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace fieldnotes {
class SqliteDatabase;
}

namespace fieldnotes::sync {

/// Which store a backup holds, and the names of its two files.
struct StoreFiles {
    QString kind;         // "archive" or "vault"
    QString keyFileName;  // the key file, wrapped under the store's passphrase
    QString databaseName; // the SQLCipher database
};
StoreFiles archiveStoreFiles();
StoreFiles vaultStoreFiles();

/// What a backup says of itself, readable without a passphrase.
struct BackupLabel {
    QString kind;
    QDateTime madeAt;
    qint64 databaseBytes = 0;
};

/// Writes a store's backup to output (a new file): a ZIP whose entries are stored, not compressed,
/// because each is already encrypted. It holds the key file as it is, a consistent copy of the
/// database taken in one read transaction while the store goes on working (with keptFiles inside
/// it), backup.json and SHA256SUMS (docs/backups.md). The file appears only once complete and on disk.
Result<BackupLabel> writeStoreBackup(const QString &output, const StoreFiles &files, const QString &keyFilePath, SqliteDatabase &database,
                                     const QMap<QString, QByteArray> &keptFiles = {});

/// Checks a backup (its kind, and every entry against its SHA-256) and unpacks the key file and
/// the database into directory, which must not exist yet. On any failure nothing is left there.
/// Opening what was unpacked is the caller's: that needs the passphrase.
Result<BackupLabel> unpackStoreBackup(const QString &backup, const StoreFiles &files, const QString &directory);

} // namespace fieldnotes::sync
