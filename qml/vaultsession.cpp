#include "vaultsession.h"

#include "demoreview.h"
#include "draftwriter.h"
#include "nameguard.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "qrcodereader.h"
#include "recoverykit.h"
#include "settingsstore.h"
#include "syncstore.h"
#include "vaultkeyfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QTranslator>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcSession, "fieldnotes.session")

namespace fieldnotes::ui {

namespace {
// Plurals ("1 note", "2 notes") come from the translation even in English; every program that
// shows the UI (the app, its self-test, the tests) gets it as its application starts.
void installTranslation()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("fieldnotes"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral(":/i18n/fieldnotes_en.qm")))
        QCoreApplication::installTranslator(translator);
    else
        qWarning("fieldnotes: the built-in translation is missing; plurals will read \"note(s)\"");
}
} // namespace
Q_COREAPP_STARTUP_FUNCTION(installTranslation)

namespace {
// The passphrase arrives from QML as a QString; copy it into locked memory and wipe the copy.
SecureBytes toSecret(const QString &passphrase)
{
    QByteArray utf8 = passphrase.toUtf8();
    SecureBytes secret = SecureBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    sodium_memzero(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

const QString roleKey = QStringLiteral("role");
const QString memberKey = QStringLiteral("member-name");
const QString openEngagementKey = QStringLiteral("resume.engagement");
const QString leaderContactKey = QStringLiteral("leader-contact");
const QString idleKey = QStringLiteral("idle-minutes");
const QString themeKey = QStringLiteral("theme");

QStringList nonEmptyLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    return lines;
}
} // namespace

VaultSession::VaultSession(QString vaultDirectory, VaultOptions options, bool demo, QObject *parent)
    : QObject(parent), m_directory(std::move(vaultDirectory)), m_options(std::move(options)), m_demo(demo),
      m_state(Vault::exists(m_directory) ? Locked : NoVault)
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &VaultSession::lock);
    m_waitTimer.setInterval(1000);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] {
        emit unlockWaitSecondsChanged();
        if (unlockWaitSeconds() == 0)
            m_waitTimer.stop();
    });
}

VaultSession::~VaultSession() = default;

void VaultSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void VaultSession::reportError(const Error &error)
{
    qCWarning(lcSession) << "error" << int(error.code); // the message may quote user input
    emit errorOccurred(error.message);
}

void VaultSession::markNotesChanged(const QStringList &noteIds)
{
    ++m_revision;
    emit revisionChanged();
    emit notesChanged(noteIds);
}

void VaultSession::markNotesSigned(const QStringList &noteIds)
{
    markNotesChanged(noteIds);
    emit notesSigned(noteIds);
}

void VaultSession::markProgrammeChanged()
{
    ++m_revision;
    emit revisionChanged();
    emit programmeChanged();
}

bool VaultSession::flushDrafts()
{
    if (!m_vault)
        return false;
    if (auto flushed = m_vault->drafts().flush(); !flushed) {
        reportError(flushed.error());
        return false;
    }
    return true;
}

int VaultSession::unlockWaitSeconds() const
{
    return int(Vault::secondsUntilUnlockAllowed(m_directory, m_options.clock));
}

int VaultSession::strengthOf(const QString &passphrase)
{
    int classes = 0;
    bool lower = false, upper = false, digit = false, other = false;
    for (QChar c : passphrase) {
        lower = lower || c.isLower();
        upper = upper || c.isUpper();
        digit = digit || c.isDigit();
        other = other || !(c.isLetterOrNumber());
    }
    classes = int(lower) + int(upper) + int(digit) + int(other);
    const qsizetype length = passphrase.size();
    if (length < 8)
        return 0;
    if (length < 12)
        return classes >= 3 ? 2 : 1;
    if (length < 16)
        return classes >= 2 ? 3 : 2;
    return 4;
}

bool VaultSession::acceptableNewPassphrase(const QString &passphrase, const QString &confirmation)
{
    if (passphrase != confirmation) {
        emit errorOccurred(tr("The two passphrases are not the same."));
        return false;
    }
    if (strengthOf(passphrase) == 0) {
        emit errorOccurred(tr("Choose a passphrase of at least 8 characters; a few unusual words are best."));
        return false;
    }
    return true;
}

bool VaultSession::createVault(const QString &passphrase, const QString &confirmation, const QString &role)
{
    if (roleLabel(role).isEmpty()) {
        emit errorOccurred(tr("Choose who you are on this review."));
        return false;
    }
    if (!acceptableNewPassphrase(passphrase, confirmation))
        return false;
    auto created = Vault::create(m_directory, toSecret(passphrase), m_options);
    if (!created) {
        reportError(created.error());
        return false;
    }
    if (auto chosen = (*created)->settings().setValue(roleKey, role); !chosen) {
        reportError(chosen.error());
        return false;
    }
    becomeUnlocked(std::move(*created));
    if (m_demo)
        addDemoReview();
    return true;
}

QString VaultSession::recoveryKitFrom(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile opened(path);
    if (!opened.open(QIODevice::ReadOnly)) {
        emit errorOccurred(tr("That file could not be opened."));
        return {};
    }
    const QByteArray bytes = opened.read(8 * 1024 * 1024);
    QString text;
    if (sync::readRecoveryKitLabel(bytes.trimmed()))
        text = QString::fromUtf8(bytes.trimmed());
    else if (const QImage image = QImage::fromData(bytes); !image.isNull())
        text = readQrCode(image);
    if (text.isEmpty() || !sync::readRecoveryKitLabel(text.toUtf8())) {
        emit errorOccurred(tr("That is not a Fieldnotes recovery kit, nor a clear photo of its page."));
        return {};
    }
    return text;
}

bool VaultSession::restoreFromKit(const QString &kitText, const QString &recoveryPassphrase, const QString &passphrase,
                                  const QString &confirmation)
{
    if (!acceptableNewPassphrase(passphrase, confirmation))
        return false;
    // The kit is opened before anything is made.
    auto kit = sync::openRecoveryKit(kitText.trimmed().toUtf8(), toSecret(recoveryPassphrase));
    if (!kit) {
        if (kit.error().code == ErrorCode::WrongPassphrase)
            emit errorOccurred(tr("That is not the recovery kit's passphrase."));
        else
            reportError(kit.error());
        return false;
    }
    // Built beside the notebook's place and moved there only once the archive took it.
    const QString building = m_directory + QStringLiteral(".restoring");
    QDir(building).removeRecursively();
    QString collectionProblem;
    {
        auto created = Vault::create(building, toSecret(passphrase), m_options);
        if (!created) {
            reportError(created.error());
            return false;
        }
        const auto discard = [&] {
            created->reset();
            QDir(building).removeRecursively();
        };
        if (auto chosen = (*created)->settings().setValue(roleKey, QStringLiteral("team-leader")); !chosen) {
            reportError(chosen.error());
            discard();
            return false;
        }
        sync::LeaderDesk desk(**created);
        if (auto restored = desk.restoreFromKit(*kit); !restored) {
            reportError(restored.error());
            discard();
            return false;
        }
        // The notebook leads the review from here on; collecting can be tried again on the desk.
        if (auto collected = desk.collect(kit->keys.reviewId); !collected)
            collectionProblem = collected.error().message;
    }
    if (!QDir().rename(building, m_directory)) {
        emit errorOccurred(tr("The notebook was restored in %1 but could not be moved into place.").arg(building));
        return false;
    }
    auto opened = Vault::open(m_directory, toSecret(passphrase), m_options);
    if (!opened) {
        reportError(opened.error());
        return false;
    }
    becomeUnlocked(std::move(*opened));
    if (!collectionProblem.isEmpty())
        emit errorOccurred(tr("This tablet now leads the review, but collecting the notes again failed: %1. Collect again on the team leader's desk.")
                               .arg(collectionProblem));
    return true;
}

bool VaultSession::unlock(const QString &passphrase)
{
    auto opened = Vault::open(m_directory, toSecret(passphrase), m_options);
    emit unlockWaitSecondsChanged();
    if (!opened) {
        // The wait itself is shown on the unlock page, counting down; the message only says what happened.
        if (opened.error().code == ErrorCode::WrongPassphrase)
            emit errorOccurred(tr("That is not the passphrase of this notebook."));
        else if (opened.error().code == ErrorCode::RetryLater)
            emit errorOccurred(tr("Too many wrong passphrases: wait, then try again."));
        else
            reportError(opened.error());
        if (unlockWaitSeconds() > 0)
            m_waitTimer.start();
        return false;
    }
    becomeUnlocked(std::move(*opened));
    if (m_demo && m_reviewId.isEmpty())
        addDemoReview();
    return true;
}

void VaultSession::becomeUnlocked(std::unique_ptr<Vault> vault)
{
    m_vault = std::move(vault);
    SettingsStore &settings = m_vault->settings();
    m_memberName = settings.value(memberKey).value();
    m_openEngagementId = settings.value(openEngagementKey).value();
    m_leaderContact = settings.value(leaderContactKey).value();
    if (!m_openEngagementId.isEmpty() && !m_vault->store().engagement(m_openEngagementId))
        m_openEngagementId.clear(); // deleted meanwhile
    m_idleMinutes = qMax(1, settings.value(idleKey, QStringLiteral("5")).value().toInt());
    m_idleTimeout = std::chrono::minutes(m_idleMinutes);
    m_theme = settings.value(themeKey, QStringLiteral("system")).value();
    DraftWriter &drafts = m_vault->drafts();
    connect(&drafts, &DraftWriter::written, this, [this](const QString &draftId, quint64 revision) {
        emit draftWritten(draftId, revision);
        if (m_vault)
            markNotesChanged({draftId});
    });
    connect(&drafts, &DraftWriter::failed, this, [this](const QString &, const QString &message) {
        qCWarning(lcSession) << "a draft could not be written";
        emit errorOccurred(tr("A draft could not be saved: %1").arg(message));
    });
    loadReview();
    decideRole();
    emit themeChanged();
    emit roleChanged();
    emit memberNameChanged();
    emit openEngagementIdChanged();
    emit leaderContactChanged();
    emit idleMinutesChanged();
    setState(Unlocked);
    noteActivity();
}

void VaultSession::lock()
{
    if (!m_vault)
        return;
    if (m_holds > 0) {
        m_lockPending = true;
        return;
    }
    m_lockPending = false;
    emit aboutToLock();
    m_idleTimer.stop();
    m_vault.reset(); // closes the database and wipes every key
    setState(Locked);
}

void VaultSession::releaseHold()
{
    if (--m_holds == 0 && m_lockPending)
        lock();
}

bool VaultSession::confirmPassphrase(const QString &passphrase)
{
    auto keyFile = VaultKeyFile::read(Vault::keyFilePath(m_directory));
    if (!keyFile) {
        reportError(keyFile.error());
        return false;
    }
    if (!keyFile->unwrap(toSecret(passphrase))) {
        emit errorOccurred(tr("That is not the passphrase of this notebook."));
        return false;
    }
    return true;
}

bool VaultSession::saveSetting(const QString &key, const QString &value)
{
    if (auto saved = m_vault->settings().setValue(key, value); !saved) {
        reportError(saved.error());
        return false;
    }
    return true;
}

void VaultSession::setRole(const QString &role)
{
    if (role == m_role || !m_vault)
        return;
    if (!saveSetting(roleKey, role))
        return;
    decideRole(); // the roster's role, where there is one, still holds
}

void VaultSession::markSyncChanged()
{
    if (m_vault)
        decideRole();
    emit syncChanged();
}

void VaultSession::decideRole()
{
    // The roster decides once there is one: the tablet with the review's keys is its leader's, an
    // enrolled tablet is what the leader enrolled it as; before that, the role chosen at set-up.
    const QString before = m_role;
    const QString reasonBefore = m_roleFixedReason;
    m_role = m_vault->settings().value(roleKey, QStringLiteral("reviewer")).value();
    m_roleFixedReason.clear();
    sync::SyncStore store(*m_vault);
    if (auto keys = store.reviewKeys(m_reviewId); keys && *keys && (*keys)->isDeputy()) {
        m_role = QStringLiteral("deputy-leader");
        m_roleFixedReason = tr("The team leader made this tablet the review's deputy leader.");
    } else if (keys && *keys) {
        m_role = QStringLiteral("team-leader");
        m_roleFixedReason = tr("This tablet holds the review's keys: it is the team leader's.");
    } else if (auto enrolment = store.enrolment(); enrolment && *enrolment && !(*enrolment)->role.isEmpty()) {
        m_role = (*enrolment)->role;
        m_roleFixedReason = tr("The team leader enrolled this tablet as %1.").arg(roleLabel(m_role));
    }
    m_vault->store().setSigner({m_role, m_memberName});
    if (m_role != before || m_roleFixedReason != reasonBefore)
        emit roleChanged();
}

QString VaultSession::roleLabel(const QString &role) const
{
    if (role == QLatin1String("reviewer"))
        return tr("a reviewer");
    if (role == QLatin1String("team-leader"))
        return tr("the team leader");
    if (role == QLatin1String("young-inspector"))
        return tr("a Young Inspector");
    if (role == QLatin1String("deputy-leader"))
        return tr("the deputy team leader");
    return {};
}

bool VaultSession::changeRole(const QString &role, const QString &passphrase)
{
    if (!m_vault || role == m_role)
        return role == m_role;
    if (!m_roleFixedReason.isEmpty()) {
        emit errorOccurred(m_roleFixedReason);
        return false;
    }
    if (roleLabel(role).isEmpty() || !confirmPassphrase(passphrase))
        return false;
    setRole(role);
    return m_role == role;
}

void VaultSession::setLeaderContact(const QString &contact)
{
    if (contact.trimmed() == m_leaderContact || !m_vault || !saveSetting(leaderContactKey, contact.trimmed()))
        return;
    m_leaderContact = contact.trimmed();
    emit leaderContactChanged();
}

void VaultSession::setOpenEngagementId(const QString &id)
{
    if (id == m_openEngagementId || !m_vault)
        return;
    if (!saveSetting(openEngagementKey, id))
        return;
    m_openEngagementId = id;
    emit openEngagementIdChanged();
}

void VaultSession::setMemberName(const QString &name)
{
    if (name == m_memberName || !m_vault)
        return;
    if (!saveSetting(memberKey, name))
        return;
    m_memberName = name;
    m_vault->store().setSigner({m_role, m_memberName});
    emit memberNameChanged();
}

void VaultSession::setIdleMinutes(int minutes)
{
    minutes = qBound(1, minutes, 60);
    if (minutes == m_idleMinutes || !m_vault)
        return;
    if (!saveSetting(idleKey, QString::number(minutes)))
        return;
    m_idleMinutes = minutes;
    emit idleMinutesChanged();
    setIdleTimeout(std::chrono::minutes(minutes));
}

void VaultSession::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = timeout;
    noteActivity();
}

void VaultSession::setTheme(const QString &theme)
{
    if (theme == m_theme || !m_vault)
        return;
    if (theme != QLatin1String("system") && theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return;
    if (!saveSetting(themeKey, theme))
        return;
    m_theme = theme;
    emit themeChanged();
}

QStringList VaultSession::suspectedNames(const QString &text) const
{
    QStringList words;
    for (const SuspectedName &name : findSuspectedNames(text, watchedNames()))
        if (!words.contains(name.word))
            words << name.word;
    return words;
}

QStringList VaultSession::watchedNames() const
{
    return m_vault ? m_watchedNames : QStringList();
}

void VaultSession::setWatchedNames(const QStringList &names)
{
    if (!m_vault || m_reviewId.isEmpty())
        return;
    if (auto saved = m_vault->settings().setWatchedNames(m_reviewId, names); !saved) {
        reportError(saved.error());
        return;
    }
    auto stored = m_vault->settings().watchedNames(m_reviewId); // as the store keeps them: sorted, once each
    m_watchedNames = stored ? *stored : names;
    emit watchedNamesChanged();
}

bool VaultSession::addPriority(const QString &title, const QString &linesOfEnquiry, const QString &suggestedQuestions)
{
    if (!m_vault || m_reviewId.isEmpty())
        return false;
    auto added = m_vault->store().addPriority(Priority{{}, m_reviewId, title.trimmed(), nonEmptyLines(linesOfEnquiry), nonEmptyLines(suggestedQuestions)});
    if (!added) {
        reportError(added.error());
        return false;
    }
    markProgrammeChanged();
    return true;
}

void VaultSession::noteActivity()
{
    if (m_vault)
        m_idleTimer.start(m_idleTimeout);
}

bool VaultSession::createReview(const QString &title, const QDate &start, const QDate &end)
{
    if (!m_vault)
        return false;
    auto review = m_vault->store().addReview(Review{{}, title.trimmed(), start, end});
    if (!review) {
        reportError(review.error());
        return false;
    }
    loadReview();
    markProgrammeChanged();
    return true;
}

bool VaultSession::addDemoReview()
{
    if (!m_vault)
        return false;
    auto review = seedDemoReview(m_vault->store(), mondayOfThisWeek());
    if (!review) {
        reportError(review.error());
        return false;
    }
    loadReview();
    markProgrammeChanged();
    return true;
}

void VaultSession::loadReview()
{
    auto reviews = m_vault->store().reviews();
    const bool any = reviews && !reviews->isEmpty();
    m_reviewId = any ? reviews->last().id : QString();
    m_reviewTitle = any ? reviews->last().title : QString();
    m_watchedNames.clear();
    if (any)
        if (auto names = m_vault->settings().watchedNames(m_reviewId))
            m_watchedNames = *names;
    emit reviewChanged();
    emit watchedNamesChanged();
}

} // namespace fieldnotes::ui
