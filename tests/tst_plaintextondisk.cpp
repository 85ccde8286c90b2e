#include "notestore.h"
#include "testvault.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <dlfcn.h>

using namespace fieldnotes;
using namespace fieldnotes::test;

namespace {
const QString canary = QStringLiteral("CANARY-Zebra-7781-wellbeing-süßes");

QByteArray utf16(const QString &text, bool bigEndian)
{
    QByteArray bytes;
    for (QChar c : text) {
        const char high = char(c.unicode() >> 8);
        const char low = char(c.unicode() & 0xff);
        bytes.append(bigEndian ? high : low).append(bigEndian ? low : high);
    }
    return bytes;
}

// Every file under the directory that contains any encoding of the canary.
QStringList filesContainingCanary(const QString &directory)
{
    const QList<QByteArray> needles{canary.toUtf8(), utf16(canary, false), utf16(canary, true),
                                    canary.left(12).toUtf8(), canary.toLatin1()};
    QStringList hits;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles)
            if (content.contains(needle))
                hits << file.fileName();
    }
    return hits;
}
} // namespace

class TestPlaintextOnDisk : public QObject
{
    Q_OBJECT

private slots:
    void noPlaintextInAnyFile()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        QVERIFY(store.addReview(Review{{}, canary, QDate(2026, 1, 5), QDate(2026, 1, 9)}).ok());
        for (int i = 0; i < 50; ++i)
            scratch.addSignedNote(QStringLiteral("Signed %1 ").arg(i) + canary);
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.text = QStringLiteral("Draft ") + canary;
        auto created = store.createDraft(draft);
        QVERIFY(created.ok());
        Note edited = *created;
        edited.text += QStringLiteral(" edited");
        QVERIFY(store.updateDraft(edited).ok());
        QVERIFY(store.search(canary.left(12))->size() > 0);

        // While open (WAL and shared memory present) and after closing.
        QVERIFY(QFile::exists(Vault::databasePath(scratch.path()) + QStringLiteral("-wal")));
        QCOMPARE(filesContainingCanary(scratch.path()), QStringList());
        scratch.vault.reset();
        QCOMPARE(filesContainingCanary(scratch.path()), QStringList());

        QFile database(Vault::databasePath(scratch.path()));
        QVERIFY(database.open(QIODevice::ReadOnly));
        QVERIFY(!database.read(16).startsWith("SQLite format 3"));
    }

    void theCanaryCheckFindsPlaintextWhenThereIsSome()
    {
        // The check above would be worthless if it could not see a plain file.
        QTemporaryDir directory;
        QFile plain(directory.filePath(QStringLiteral("plain.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write(utf16(canary, false));
        plain.close();
        QCOMPARE(filesContainingCanary(directory.path()).size(), 1);
    }

    void theSystemSqliteToolCannotReadTheVault()
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (tool.isEmpty())
            QSKIP("the sqlite3 command is not installed");
        ScratchVault scratch;
        scratch.addSignedNote(canary);
        scratch.vault.reset();
        QProcess sqlite;
        sqlite.start(tool, {Vault::databasePath(scratch.path()), QStringLiteral("SELECT text FROM notes;")});
        QVERIFY(sqlite.waitForFinished(30000));
        QVERIFY(sqlite.exitCode() != 0);
        QVERIFY(sqlite.readAllStandardError().contains("not a database"));
        QVERIFY(!sqlite.readAllStandardOutput().contains(canary.toUtf8()));
    }

    // Our SQLCipher copy and a system libsqlite3 in one process: neither binds to the other.
    void aSystemSqliteLoadedBesideOursStaysSeparate()
    {
        void *system = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_GLOBAL);
        if (!system)
            QSKIP("libsqlite3.so.0 is not installed");
        QVERIFY2(dlsym(RTLD_DEFAULT, "sqlite3_key_v2") == nullptr, "SQLCipher symbols are globally visible");
        using VersionFunction = const char *(*)();
        auto systemVersion = reinterpret_cast<VersionFunction>(dlsym(system, "sqlite3_libversion"));
        QVERIFY(systemVersion);
        ScratchVault scratch;
        const QString id = scratch.addSignedNote(canary);
        QCOMPARE(scratch.vault->store().note(id)->text, canary);
        qInfo("system SQLite %s loaded beside our SQLCipher", systemVersion());
        dlclose(system);
    }
};

QTEST_GUILESS_MAIN(TestPlaintextOnDisk)
#include "tst_plaintextondisk.moc"
