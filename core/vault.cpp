#include "vault.h"

#include "checkliststore.h"
#include "coredumpsuppression.h"
#include "draftwriter.h"
#include "notesearcher.h"
#include "notestore.h"
#include "settingsstore.h"
#include "sqlitedatabase.h"
#include "unlockthrottle.h"
#include "vaultkeyfile.h"
#include "vaultschema.h"

#include <QDir>
#include <QLockFile>
#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVault, "fieldnotes.vault")

namespace fieldnotes {

QString Vault::keyFilePath(const QString &directory) { return directory + QStringLiteral("/vault.key"); }
QString Vault::databasePath(const QString &directory) { return directory + QStringLiteral("/notes.db"); }
QString Vault::unlockFailuresPath(const QString &directory) { return directory + QStringLiteral("/unlock-failures"); }

Vault::Vault(QString directory, Options options)
    : m_directory(std::move(directory)), m_options(std::move(options)),
      m_coreDumps(std::make_unique<platform::CoreDumpSuppression>())
{
}

Vault::~Vault()
{
    m_searcher.reset();
    m_drafts.reset(); // writes what is still pending first
    m_store.reset();
    m_checklists.reset();
    m_settings.reset();
    m_database.reset();
    m_databaseKey.wipe();
    m_identity.secretKey.wipe();
}

void Vault::makeStores()
{
    m_store = std::make_unique<NoteStore>(*m_database, m_identity, m_options.clock);
    m_checklists = std::make_unique<ChecklistStore>(*m_database, m_options.clock);
    m_settings = std::make_unique<SettingsStore>(*m_database);
}

DraftWriter &Vault::drafts()
{
    if (!m_drafts) {
        auto connection = openConnection();
        // The file and key just opened the main connection; failing now means the disk failed,
        // and the writer reports that on every write.
        m_drafts = std::make_unique<DraftWriter>(connection ? std::move(*connection) : nullptr, m_identity, m_options.clock);
    }
    return *m_drafts;
}

NoteSearcher &Vault::searcher()
{
    if (!m_searcher) {
        auto connection = openConnection();
        m_searcher = std::make_unique<NoteSearcher>(connection ? std::move(*connection) : nullptr, m_identity, m_options.clock);
    }
    return *m_searcher;
}

Result<std::unique_ptr<SqliteDatabase>> Vault::openConnection()
{
    return SqliteDatabase::openEncrypted(databasePath(m_directory), m_databaseKey, SqliteDatabase::OpenMode::OpenExisting);
}

Result<std::unique_ptr<Vault>> Vault::openSibling()
{
    auto connection = openConnection();
    if (!connection)
        return connection.error();
    std::unique_ptr<Vault> sibling(new Vault(m_directory, m_options));
    sibling->m_database = std::move(*connection);
    sibling->m_databaseKey = SecureBytes::copyOf(m_databaseKey.data(), m_databaseKey.size());
    sibling->m_identity.publicKey = m_identity.publicKey;
    sibling->m_identity.secretKey = SecureBytes::copyOf(m_identity.secretKey.data(), m_identity.secretKey.size());
    sibling->makeStores();
    return sibling;
}

bool Vault::exists(const QString &directory)
{
    return QFile::exists(keyFilePath(directory));
}

qint64 Vault::secondsUntilUnlockAllowed(const QString &directory, const Clock &clock)
{
    return UnlockThrottle(unlockFailuresPath(directory), clock).secondsUntilNextAttempt();
}

Result<std::unique_ptr<Vault>> Vault::create(const QString &directory, const SecureBytes &passphrase, Options options)
{
    if (passphrase.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the passphrase must not be empty")};
    if (QFile::exists(keyFilePath(directory)))
        return Error{ErrorCode::VaultExists, QStringLiteral("a vault already exists in %1").arg(directory)};
    if (QFile::exists(databasePath(directory)))
        return Error{ErrorCode::VaultExists,
                     QStringLiteral("%1 holds a database without a key file (an interrupted creation?); move it away first")
                         .arg(directory)};
    if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error{ErrorCode::Io, QStringLiteral("cannot create the vault directory %1").arg(directory)};

    std::unique_ptr<Vault> vault(new Vault(directory, options));
    auto secrets = VaultSecrets::generate(&vault->m_identity.publicKey);
    if (!secrets)
        return secrets.error();
    auto database = SqliteDatabase::openEncrypted(databasePath(directory), secrets->databaseKey, SqliteDatabase::OpenMode::CreateNew);
    const auto abandon = [&directory](const Error &error) -> Error {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(databasePath(directory) + QLatin1String(suffix));
        return error;
    };
    if (!database)
        return abandon(database.error());
    vault->m_database = std::move(*database);
    if (auto migrated = migrateSchema(*vault->m_database); !migrated)
        return abandon(migrated.error());

    // The key file is written last: its presence is what makes the directory a vault.
    auto keyFile = VaultKeyFile::wrap(*secrets, vault->m_identity.publicKey, passphrase, options.kdf);
    if (!keyFile)
        return abandon(keyFile.error());
    if (auto written = keyFile->writeDurably(keyFilePath(directory)); !written)
        return abandon(written.error());

    vault->m_databaseKey = std::move(secrets->databaseKey);
    vault->m_identity.secretKey = std::move(secrets->signingSecretKey);
    vault->makeStores();
    qCInfo(lcVault) << "created a vault";
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::open(const QString &directory, const SecureBytes &passphrase, Options options)
{
    auto keyFile = VaultKeyFile::read(keyFilePath(directory));
    if (!keyFile)
        return keyFile.error();

    // Checking a passphrase and recording the outcome is one critical section across processes:
    // attempts made in parallel queue here, and each sees the failures before it.
    QLockFile attemptLock(directory + QStringLiteral("/unlock.lock"));
    attemptLock.setStaleLockTime(0); // held only while one attempt runs; a killed holder's PID frees it
    // Where no lock file can be made (a full or read-only disk) no failure could be recorded
    // either: the attempt goes ahead unlocked rather than locking the owner out of their notes.
    if (!attemptLock.lock())
        qCWarning(lcVault) << "unlocking without the attempt lock: the vault directory cannot take a lock file";
    UnlockThrottle throttle(unlockFailuresPath(directory), options.clock);
    if (const qint64 wait = throttle.secondsUntilNextAttempt(); wait > 0)
        return Error{ErrorCode::RetryLater,
                     QStringLiteral("too many wrong passphrases: try again in %1 s").arg(wait), wait};

    std::unique_ptr<Vault> vault(new Vault(directory, options));
    auto secrets = keyFile->unwrap(passphrase);
    if (!secrets) {
        Error error = secrets.error();
        if (error.code == ErrorCode::WrongPassphrase) {
            if (auto recorded = throttle.recordFailure(); !recorded)
                qCWarning(lcVault) << "cannot record a failed unlock:" << recorded.error().message;
            error.retryAfterSeconds = UnlockThrottle::delayAfterFailures(throttle.failures());
            error.message = QStringLiteral("wrong passphrase (%1 failed attempt%2; next try in %3 s)")
                                .arg(throttle.failures())
                                .arg(throttle.failures() == 1 ? QString() : QStringLiteral("s"))
                                .arg(error.retryAfterSeconds);
        }
        return error;
    }
    if (auto cleared = throttle.recordSuccess(); !cleared)
        qCWarning(lcVault) << "cannot clear failed unlocks:" << cleared.error().message;
    attemptLock.unlock();

    auto database = SqliteDatabase::openEncrypted(databasePath(directory), secrets->databaseKey, SqliteDatabase::OpenMode::OpenExisting);
    if (!database)
        return database.error();
    auto version = (*database)->queryInteger("PRAGMA user_version");
    if (!version)
        return version.error();
    if (*version > currentSchemaVersion) {
        (*database)->closeWithoutCheckpoint();
        return Error{ErrorCode::VaultTooNew,
                     QStringLiteral("this vault was written by a newer Fieldnotes (schema %1, this version reads up to %2); it was left untouched")
                         .arg(*version)
                         .arg(currentSchemaVersion)};
    }
    auto problems = (*database)->integrityProblems();
    if (!problems || !problems->isEmpty()) {
        (*database)->closeWithoutCheckpoint();
        const QStringList found = problems ? *problems : QStringList{problems.error().message};
        return Error{ErrorCode::VaultDamaged,
                     QStringLiteral("the vault database is damaged and was left untouched: %1")
                         .arg(found.mid(0, 3).join(QStringLiteral("; ")))};
    }
    if (auto migrated = migrateSchema(**database); !migrated)
        return migrated.error();

    vault->m_database = std::move(*database);
    vault->m_databaseKey = std::move(secrets->databaseKey);
    vault->m_identity.publicKey = keyFile->devicePublicKey;
    vault->m_identity.secretKey = std::move(secrets->signingSecretKey);
    vault->makeStores();
    return vault;
}

Result<void> Vault::changePassphrase(const SecureBytes &current, const SecureBytes &next, const std::optional<KdfParameters> &newKdf)
{
    if (next.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the new passphrase must not be empty")};
    auto keyFile = VaultKeyFile::read(keyFilePath(m_directory));
    if (!keyFile)
        return keyFile.error();
    auto secrets = keyFile->unwrap(current);
    if (!secrets)
        return secrets.error();
    auto rewrapped = VaultKeyFile::wrap(*secrets, keyFile->devicePublicKey, next, newKdf.value_or(keyFile->kdf).withNewSalt());
    if (!rewrapped)
        return rewrapped.error();
    // One rename replaces the file: old or new, never neither.
    return rewrapped->writeDurably(keyFilePath(m_directory));
}

Result<QStringList> Vault::integrityProblems()
{
    return m_database->integrityProblems();
}

} // namespace fieldnotes
