#pragma once

#include "clock.h"
#include "deviceidentity.h"
#include "error.h"
#include "passphrasekdf.h"
#include "securebytes.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace fieldnotes {

class ChecklistStore;
class DraftWriter;
class NoteSearcher;
class NoteStore;
class SettingsStore;
class SqliteDatabase;
namespace platform {
class CoreDumpSuppression;
}

/// How a vault is made and unlocked; tests move the clock and lower the Argon2id cost.
struct VaultOptions {
    Clock clock = systemClock();
    KdfParameters kdf = KdfParameters::standard(); // for create()
};

/// An unlocked vault: a directory holding `vault.key` (the wrapped keys), `notes.db` (SQLCipher)
/// and, after failed unlocks, `unlock-failures`. Destroying the object locks it: the database is
/// closed and every key is wiped. Layout and formats: docs/vault-format.md.
class Vault
{
public:
    using Options = VaultOptions;

    static Result<std::unique_ptr<Vault>> create(const QString &directory, const SecureBytes &passphrase, Options options = {});
    static Result<std::unique_ptr<Vault>> open(const QString &directory, const SecureBytes &passphrase, Options options = {});
    /// Whether a vault exists in the directory (without unlocking it).
    static bool exists(const QString &directory);
    /// Seconds before the next unlock attempt will be checked, after failed ones.
    static qint64 secondsUntilUnlockAllowed(const QString &directory, const Clock &clock = systemClock());

    ~Vault();
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;

    /// Re-wraps the keys under a new passphrase, with the file's own Argon2id settings (fresh
    /// salt) unless newKdf asks for others; a crash at any moment leaves a vault that opens with
    /// exactly one of the two.
    Result<void> changePassphrase(const SecureBytes &current, const SecureBytes &next,
                                  const std::optional<KdfParameters> &newKdf = std::nullopt);
    /// Every problem SQLCipher's page check and SQLite's quick_check find; empty when healthy.
    Result<QStringList> integrityProblems();

    NoteStore &store() { return *m_store; }
    ChecklistStore &checklists() { return *m_checklists; }
    SettingsStore &settings() { return *m_settings; }
    /// Writes drafts on a thread of its own (made on first use); the vault writes what it holds
    /// before it closes.
    DraftWriter &drafts();
    /// Searches on a thread of its own (made on first use).
    NoteSearcher &searcher();
    /// Another connection to the vault's database, for work off the GUI thread (one thread at a
    /// time per connection). It must be closed before the vault is.
    Result<std::unique_ptr<SqliteDatabase>> openConnection();
    /// The same vault unlocked again, with a connection and stores of its own and its own copy of
    /// the keys (wiped when it is destroyed): for a whole task on another thread, such as writing
    /// a report or an evidence bundle, while this one stays with its thread.
    Result<std::unique_ptr<Vault>> openSibling();
    const QByteArray &devicePublicKey() const { return m_identity.publicKey; }
    const DeviceIdentity &identity() const { return m_identity; }
    const Clock &clock() const { return m_options.clock; }
    /// The open SQLCipher database, for stores that live beside the core's (sync).
    SqliteDatabase &database() { return *m_database; }
    const QString &directory() const { return m_directory; }

    static QString keyFilePath(const QString &directory);
    static QString databasePath(const QString &directory);
    static QString unlockFailuresPath(const QString &directory);

private:
    Vault(QString directory, Options options);

    QString m_directory;
    Options m_options;
    std::unique_ptr<platform::CoreDumpSuppression> m_coreDumps;
    DeviceIdentity m_identity;
    SecureBytes m_databaseKey;
    std::unique_ptr<SqliteDatabase> m_database;
    std::unique_ptr<NoteStore> m_store;
    std::unique_ptr<ChecklistStore> m_checklists;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<DraftWriter> m_drafts;
    std::unique_ptr<NoteSearcher> m_searcher;

    void makeStores();
};

} // namespace fieldnotes
