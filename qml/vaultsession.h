#pragma once

#include "vault.h"

#include <QObject>
#include <QUrl>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <memory>

namespace fieldnotes::ui {

/// The app's one open (or locked) vault: creating, unlocking, locking on idle or when the app
/// leaves the foreground, this user's role, and the review being worked on. Errors reach the
/// window through errorOccurred, once, in words.
class VaultSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the session")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString vaultDirectory READ vaultDirectory CONSTANT)
    Q_PROPERTY(bool demo READ isDemo CONSTANT)
    /// Reviewer, team leader or Young Inspector: chosen once at set-up, then the team leader's roster
    /// decides (a tablet enrolled in a review, or the one that holds its keys). Changed only
    /// deliberately, with the passphrase (changeRole), never with one tap.
    Q_PROPERTY(QString role READ role NOTIFY roleChanged)
    /// Why the role cannot be changed on this tablet, in words; empty when it can.
    Q_PROPERTY(QString roleFixedReason READ roleFixedReason NOTIFY roleChanged)
    Q_PROPERTY(QString memberName READ memberName WRITE setMemberName NOTIFY memberNameChanged)
    /// The engagement whose page is open, kept in the vault: after a lock or a restart the app
    /// opens it again. Empty on the programme.
    /// How to reach the team leader (a phone number, where they are), shown with every concern.
    Q_PROPERTY(QString leaderContact READ leaderContact WRITE setLeaderContact NOTIFY leaderContactChanged)
    Q_PROPERTY(QString openEngagementId READ openEngagementId WRITE setOpenEngagementId NOTIFY openEngagementIdChanged)
    Q_PROPERTY(QString reviewId READ reviewId NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewTitle READ reviewTitle NOTIFY reviewChanged)
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY idleMinutesChanged)
    Q_PROPERTY(int unlockWaitSeconds READ unlockWaitSeconds NOTIFY unlockWaitSecondsChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(QStringList watchedNames READ watchedNames WRITE setWatchedNames NOTIFY watchedNamesChanged)

public:
    enum State { NoVault, Locked, Unlocked };
    Q_ENUM(State)

    VaultSession(QString vaultDirectory, VaultOptions options, bool demo, QObject *parent = nullptr);
    ~VaultSession() override;

    State state() const { return m_state; }
    QString vaultDirectory() const { return m_directory; }
    bool isDemo() const { return m_demo; }
    QString role() const { return m_role; }
    /// Sets the role without asking (set-up and tests); the UI changes it with changeRole.
    void setRole(const QString &role);
    QString roleFixedReason() const { return m_roleFixedReason; }
    /// The role changed deliberately: the passphrase is confirmed, and the roster's role holds.
    Q_INVOKABLE bool changeRole(const QString &role, const QString &passphrase);
    /// "a reviewer", "the team leader", "a Young Inspector".
    Q_INVOKABLE QString roleLabel(const QString &role) const;
    QString memberName() const { return m_memberName; }
    void setMemberName(const QString &name);
    QString leaderContact() const { return m_leaderContact; }
    void setLeaderContact(const QString &contact);
    QString openEngagementId() const { return m_openEngagementId; }
    void setOpenEngagementId(const QString &id);
    QString reviewId() const { return m_reviewId; }
    QString reviewTitle() const { return m_reviewTitle; }
    int idleMinutes() const { return m_idleMinutes; }
    void setIdleMinutes(int minutes);
    int unlockWaitSeconds() const;
    /// Grows by one on every change to the vault's content.
    int revision() const { return m_revision; }
    /// "system", "light" or "dark".
    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    /// The current review's names for the non-attribution guard to look for.
    QStringList watchedNames() const;
    /// The words of a text the non-attribution guard takes for names (the review's watched names
    /// included), each once, for a warning beside whatever a person types.
    Q_INVOKABLE QStringList suspectedNames(const QString &text) const;
    void setWatchedNames(const QStringList &names);

    /// Idle time before auto-lock; idleMinutes sets it in whole minutes, tests in milliseconds.
    void setIdleTimeout(std::chrono::milliseconds timeout);

    /// The open vault, or nullptr while locked.
    Vault *vault() const { return m_vault.get(); }

    Q_INVOKABLE bool createVault(const QString &passphrase, const QString &confirmation,
                                 const QString &role = QStringLiteral("reviewer"));
    Q_INVOKABLE bool unlock(const QString &passphrase);
    Q_INVOKABLE void lock();
    /// The text of a recovery kit: a kit file as written, or a photo of its printed page (its QR
    /// code); empty, with the reason in errorOccurred, when it holds none.
    Q_INVOKABLE QString recoveryKitFrom(const QUrl &file);
    /// On a new tablet's first run: takes over a lost team leader's review from its recovery kit.
    /// Makes this tablet's notebook, checks the archive's roster against the kit, enters this
    /// tablet as team leader and revokes the lost one, collects every note again, and opens.
    /// Nothing is left behind when the kit, its passphrase or the archive says no.
    Q_INVOKABLE bool restoreFromKit(const QString &kitText, const QString &recoveryPassphrase, const QString &passphrase,
                                    const QString &confirmation);
    /// Keeps the vault open while a sync is using it; a lock asked for meanwhile happens as soon
    /// as the last hold is released.
    void holdOpen() { ++m_holds; }
    void releaseHold();
    /// Checks the passphrase without changing the session (for signing).
    Q_INVOKABLE bool confirmPassphrase(const QString &passphrase);
    /// 0 (very weak) to 4 (strong): length and variety, for feedback while typing.
    Q_INVOKABLE int passphraseStrength(const QString &passphrase) const { return strengthOf(passphrase); }
    static int strengthOf(const QString &passphrase);
    Q_INVOKABLE bool createReview(const QString &title, const QDate &start, const QDate &end);
    /// Adds a priority to the current review; lines and questions one per line.
    Q_INVOKABLE bool addPriority(const QString &title, const QString &linesOfEnquiry, const QString &suggestedQuestions);
    Q_INVOKABLE bool addDemoReview();
    /// Any user input: restarts the idle countdown to auto-lock.
    Q_INVOKABLE void noteActivity();

    /// Reports a failure in words (for the controllers that share this session).
    void reportError(const Error &error);
    /// Whether a new notebook's passphrase was typed the same twice and is long enough; says why not.
    bool acceptableNewPassphrase(const QString &passphrase, const QString &confirmation);
    /// Tells views which notes were written, deleted or changed, so they change only those rows.
    void markNotesChanged(const QStringList &noteIds);
    /// As markNotesChanged, for notes just signed: the outbox takes them.
    void markNotesSigned(const QStringList &noteIds);
    /// Tells views that the programme (engagements, priorities) changed.
    void markProgrammeChanged();
    /// Sync moved notes on (delivered, collected, content removed): views refresh, nothing is re-sent.
    /// After a sync: what arrived (an enrolment) may settle the role.
    void markSyncChanged();
    /// The leader's desk changed (a finding, a link, a recommendation, a follow-up, a source).
    void markDeskChanged() { emit deskChanged(); }
    /// Waits for every draft typed so far to be written (before signing or deleting); false,
    /// with the error reported, if one could not be.
    bool flushDrafts();

signals:
    void stateChanged();
    void roleChanged();
    void memberNameChanged();
    void openEngagementIdChanged();
    void leaderContactChanged();
    void reviewChanged();
    void idleMinutesChanged();
    void themeChanged();
    void watchedNamesChanged();
    void unlockWaitSecondsChanged();
    void revisionChanged();
    void notesChanged(const QStringList &noteIds);
    void notesSigned(const QStringList &noteIds);
    void programmeChanged();
    /// A revision of a draft is durable (DraftWriter::written, on the GUI thread).
    void draftWritten(const QString &draftId, quint64 revision);
    void syncChanged();
    void deskChanged();
    /// Emitted just before the keys are wiped, so editors can save what is being typed.
    void aboutToLock();
    void errorOccurred(const QString &message);

private:
    void becomeUnlocked(std::unique_ptr<Vault> vault);
    void loadReview();
    void decideRole();
    void setState(State state);
    /// Stores one setting in the vault; reports a failure and returns false.
    bool saveSetting(const QString &key, const QString &value);

    QString m_directory;
    VaultOptions m_options;
    bool m_demo;
    State m_state;
    std::unique_ptr<Vault> m_vault;
    QString m_role;
    QString m_roleFixedReason;
    QString m_memberName;
    QString m_openEngagementId;
    QString m_leaderContact;
    QString m_reviewId;
    QString m_reviewTitle;
    QString m_theme = QStringLiteral("system");
    QStringList m_watchedNames; // read on every keystroke by the name guard: kept, not queried
    int m_idleMinutes = 5;
    std::chrono::milliseconds m_idleTimeout{5 * 60 * 1000};
    int m_revision = 0;
    int m_holds = 0;
    bool m_lockPending = false;
    QTimer m_idleTimer;
    QTimer m_waitTimer; // ticks the unlock wait down on screen
};

/// For views over the vault's content: follows another session, reloading whenever all of what
/// they show changes (the lock state or the review). Views connect the finer signals they need.
template <typename View>
void followSession(QPointer<VaultSession> &current, VaultSession *next, View *view, void (View::*reload)())
{
    if (current)
        QObject::disconnect(current, nullptr, view, nullptr);
    current = next;
    if (current) {
        QObject::connect(current, &VaultSession::stateChanged, view, reload);
        QObject::connect(current, &VaultSession::reviewChanged, view, reload);
    }
}

} // namespace fieldnotes::ui
