#include "storebackup.h"

#include "durablefile.h"
#include "signednote.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <sodium.h>
#include <zip.h>

namespace fieldnotes::sync {

namespace {
constexpr auto backupFormat = "fieldnotes-store-backup";
constexpr int backupVersion = 1;
const char *const labelName = "backup.json";
const char *const sumsName = "SHA256SUMS";

Result<QByteArray> sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(chunk.data(), chunk.size());
        if (read < 0)
            return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
        if (read == 0)
            break;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(chunk.constData()), quint64(read));
    }
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(&state, reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

Error damaged(const QString &backup, const QString &what)
{
    return Error{ErrorCode::VaultDamaged, QStringLiteral("the backup %1 is damaged: %2").arg(backup, what)};
}

/// One whole entry of an open ZIP, into memory (only the small ones).
Result<QByteArray> readEntry(zip_t *archive, const char *name, const QString &backup)
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive, name, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) || stat.size > 1024 * 1024)
        return damaged(backup, QStringLiteral("%1 is missing").arg(QString::fromLatin1(name)));
    zip_file_t *entry = zip_fopen(archive, name, 0);
    if (!entry)
        return damaged(backup, QStringLiteral("%1 cannot be read").arg(QString::fromLatin1(name)));
    QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_fread(entry, bytes.data(), stat.size);
    zip_fclose(entry);
    if (read != zip_int64_t(stat.size))
        return damaged(backup, QStringLiteral("%1 cannot be read").arg(QString::fromLatin1(name)));
    return bytes;
}

/// Streams one entry to a file, returning its SHA-256; libzip checks the entry's CRC at the end.
Result<QByteArray> extractEntry(zip_t *archive, const QString &name, const QString &target, const QString &backup)
{
    zip_file_t *entry = zip_fopen(archive, name.toUtf8().constData(), 0);
    if (!entry)
        return damaged(backup, QStringLiteral("%1 is missing").arg(name));
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        zip_fclose(entry);
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(target, out.errorString())};
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (;;) {
        const zip_int64_t read = zip_fread(entry, chunk.data(), zip_uint64_t(chunk.size()));
        if (read < 0) {
            const QString reason = QString::fromUtf8(zip_file_strerror(entry));
            zip_fclose(entry);
            return damaged(backup, QStringLiteral("%1 cannot be read (%2)").arg(name, reason));
        }
        if (read == 0)
            break;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(chunk.constData()), quint64(read));
        if (out.write(chunk.constData(), read) != read) {
            zip_fclose(entry);
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(target, out.errorString())};
        }
    }
    zip_fclose(entry);
    out.close();
    QString message;
    if (!platform::syncFileAndDirectory(target, &message))
        return Error{ErrorCode::Io, message};
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(&state, reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

bool addStored(zip_t *archive, const QString &name, zip_source_t *source)
{
    if (!source)
        return false;
    const zip_int64_t index = zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        return false;
    }
    return zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0) == 0;
}
} // namespace

StoreFiles archiveStoreFiles()
{
    return {QStringLiteral("archive"), QStringLiteral("archive.key"), QStringLiteral("archive.db")};
}

StoreFiles vaultStoreFiles()
{
    return {QStringLiteral("vault"), QStringLiteral("vault.key"), QStringLiteral("notes.db")};
}

Result<BackupLabel> writeStoreBackup(const QString &output, const StoreFiles &files, const QString &keyFilePath, SqliteDatabase &database,
                                     const QMap<QString, QByteArray> &keptFiles)
{
    if (QFileInfo::exists(output))
        return Error{ErrorCode::VaultExists, QStringLiteral("%1 already exists; a backup is written only to a new file").arg(output)};
    QFile keyFile(keyFilePath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(keyFilePath, keyFile.errorString())};
    const QByteArray keyBytes = keyFile.readAll();

    // Everything is made beside the output (the same file system), and renamed into place last.
    const QString directory = QFileInfo(output).absolutePath();
    QTemporaryDir work(directory + QStringLiteral("/.fieldnotes-backup-XXXXXX"));
    if (!work.isValid())
        return Error{ErrorCode::Io, QStringLiteral("cannot write in %1: %2").arg(directory, work.errorString())};
    const QString copy = work.filePath(files.databaseName);
    if (auto copied = database.copyInto(copy, keptFiles); !copied)
        return copied.error();
    auto databaseDigest = sha256OfFile(copy);
    if (!databaseDigest)
        return databaseDigest.error();

    BackupLabel label{files.kind, QDateTime::currentDateTimeUtc(), QFileInfo(copy).size()};
    const QByteArray keyDigest = sha256(keyBytes);
    const QJsonObject json{
        {QStringLiteral("format"), QString::fromLatin1(backupFormat)},
        {QStringLiteral("version"), backupVersion},
        {QStringLiteral("kind"), files.kind},
        {QStringLiteral("made_at"), canonicalTimestamp(label.madeAt)},
        {QStringLiteral("files"),
         QJsonObject{{files.keyFileName, QString::fromLatin1(keyDigest.toHex())}, {files.databaseName, QString::fromLatin1(databaseDigest->toHex())}}},
    };
    const QByteArray labelBytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    // For `unzip` and `sha256sum -c`, with no Fieldnotes at hand.
    const QByteArray sums = keyDigest.toHex() + "  " + files.keyFileName.toUtf8() + "\n" + databaseDigest->toHex() + "  "
                            + files.databaseName.toUtf8() + "\n";

    const QString partial = work.filePath(QStringLiteral("backup.zip"));
    int failure = 0;
    zip_t *archive = zip_open(QFile::encodeName(partial).constData(), ZIP_CREATE | ZIP_EXCL, &failure);
    if (!archive)
        return Error{ErrorCode::Io, QStringLiteral("cannot start the backup file in %1").arg(directory)};
    const bool added = addStored(archive, QString::fromLatin1(labelName), zip_source_buffer(archive, labelBytes.constData(), zip_uint64_t(labelBytes.size()), 0))
                       && addStored(archive, QString::fromLatin1(sumsName), zip_source_buffer(archive, sums.constData(), zip_uint64_t(sums.size()), 0))
                       && addStored(archive, files.keyFileName, zip_source_buffer(archive, keyBytes.constData(), zip_uint64_t(keyBytes.size()), 0))
                       && addStored(archive, files.databaseName, zip_source_file(archive, QFile::encodeName(copy).constData(), 0, -1));
    if (!added || zip_close(archive) != 0) {
        const QString reason = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return Error{ErrorCode::Io, QStringLiteral("cannot write the backup file: %1").arg(reason)};
    }
    QString message;
    if (!QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !platform::syncFileAndDirectory(partial, &message))
        return Error{ErrorCode::Io, message.isEmpty() ? QStringLiteral("cannot protect the backup file") : message};
    if (QFileInfo::exists(output) || !QFile::rename(partial, output))
        return Error{ErrorCode::Io, QStringLiteral("cannot move the finished backup to %1").arg(output)};
    if (!platform::syncDirectory(directory, &message))
        return Error{ErrorCode::Io, message};
    return label;
}

Result<BackupLabel> unpackStoreBackup(const QString &backup, const StoreFiles &files, const QString &directory)
{
    if (QFileInfo::exists(directory))
        return Error{ErrorCode::VaultExists, QStringLiteral("%1 already exists; a backup is restored only into a new directory").arg(directory)};
    if (!QFileInfo::exists(backup))
        return Error{ErrorCode::VaultNotFound, QStringLiteral("there is no backup file %1").arg(backup)};
    int failure = 0;
    zip_t *archive = zip_open(QFile::encodeName(backup).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &failure);
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, failure);
        const QString reason = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return damaged(backup, QStringLiteral("it is not a readable ZIP file (%1)").arg(reason));
    }
    const auto closeArchive = qScopeGuard([archive] { zip_discard(archive); });

    auto labelBytes = readEntry(archive, labelName, backup);
    if (!labelBytes)
        return labelBytes.error();
    const QJsonObject json = QJsonDocument::fromJson(*labelBytes).object();
    if (json.value(QStringLiteral("format")).toString() != QLatin1String(backupFormat))
        return damaged(backup, QStringLiteral("it is not a Fieldnotes backup"));
    if (json.value(QStringLiteral("version")).toInt() != backupVersion)
        return Error{ErrorCode::VaultTooNew, QStringLiteral("the backup %1 was written by a newer Fieldnotes (version %2)")
                                                 .arg(backup).arg(json.value(QStringLiteral("version")).toInt())};
    BackupLabel label{json.value(QStringLiteral("kind")).toString(), parseCanonicalTimestamp(json.value(QStringLiteral("made_at")).toString()), 0};
    if (label.kind != files.kind)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 is the backup of %2 %3, not of %4 %5")
                                                     .arg(backup, label.kind == QLatin1String("archive") ? QStringLiteral("an") : QStringLiteral("a"),
                                                          label.kind, files.kind == QLatin1String("archive") ? QStringLiteral("an") : QStringLiteral("a"),
                                                          files.kind)};
    const QJsonObject digests = json.value(QStringLiteral("files")).toObject();

    if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(directory)};
    auto removeDirectory = qScopeGuard([directory] { QDir(directory).removeRecursively(); });
    for (const QString &name : {files.keyFileName, files.databaseName}) {
        const QString target = directory + QLatin1Char('/') + name;
        auto digest = extractEntry(archive, name, target, backup);
        if (!digest)
            return digest.error();
        if (digest->toHex() != digests.value(name).toString().toLatin1())
            return damaged(backup, QStringLiteral("%1 does not match its SHA-256 in backup.json").arg(name));
        if (name == files.databaseName)
            label.databaseBytes = QFileInfo(target).size();
    }
    removeDirectory.dismiss();
    return label;
}

} // namespace fieldnotes::sync
