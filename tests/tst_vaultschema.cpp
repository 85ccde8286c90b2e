#include "notestore.h"
#include "sqlitedatabase.h"
#include "testvault.h"
#include "vaultschema.h"

#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::test;

class TestVaultSchema : public QObject
{
    Q_OBJECT

private slots:
    void eachStepMigratesInOrder()
    {
        QTemporaryDir directory;
        SecureBytes key(32);
        randombytes_buf(key.data(), key.size());
        const QString path = directory.filePath(QStringLiteral("notes.db"));
        auto database = SqliteDatabase::openEncrypted(path, key, SqliteDatabase::OpenMode::CreateNew);
        QVERIFY(database.ok());
        QVERIFY(migrateSchema(**database, 1).ok());
        QCOMPARE(*(*database)->queryInteger("PRAGMA user_version"), 1);
        QCOMPARE(*(*database)->queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'checklist_marks'"), 0);
        QVERIFY((*database)->exec("INSERT INTO reviews VALUES ('r', 'Kept', '2026-01-05', '2026-01-09', '2026-01-01T00:00:00.000Z')").ok());

        QVERIFY(migrateSchema(**database).ok());
        QCOMPARE(*(*database)->queryInteger("PRAGMA user_version"), currentSchemaVersion);
        QCOMPARE(*(*database)->queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'checklist_marks'"), 1);
        QCOMPARE(*(*database)->queryInteger("SELECT count(*) FROM reviews"), 1);
        // Running again changes nothing.
        QVERIFY(migrateSchema(**database).ok());
        QCOMPARE(*(*database)->queryInteger("PRAGMA user_version"), currentSchemaVersion);
    }

    void aFailingStepLeavesThePreviousVersion()
    {
        QTemporaryDir directory;
        SecureBytes key(32);
        randombytes_buf(key.data(), key.size());
        auto database = SqliteDatabase::openEncrypted(directory.filePath(QStringLiteral("notes.db")), key, SqliteDatabase::OpenMode::CreateNew);
        QVERIFY(migrateSchema(**database, 1).ok());
        // A table in the way makes step 2 fail half-way: its transaction must roll back whole.
        QVERIFY((*database)->exec("CREATE TABLE watched_names (x)").ok());
        QVERIFY(!migrateSchema(**database).ok());
        QCOMPARE(*(*database)->queryInteger("PRAGMA user_version"), 1);
        QCOMPARE(*(*database)->queryInteger("SELECT count(*) FROM sqlite_schema WHERE name IN ('checklist_marks', 'settings')"), 0);
    }
};

QTEST_GUILESS_MAIN(TestVaultSchema)
#include "tst_vaultschema.moc"
