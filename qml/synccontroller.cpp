#include "synccontroller.h"

#include "archiveclient.h"
#include "connectivitymonitor.h"
#include "devicesync.h"
#include "qrcodereader.h"
#include "signednote.h"
#include "syncstore.h"
#include "vaultsession.h"

#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcSync, "fieldnotes.sync")

namespace fieldnotes::ui {

SyncController::SyncController(QObject *parent)
    : QObject(parent), m_connectivity(new platform::ConnectivityMonitor(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncController::syncNow);
    connect(m_connectivity, &platform::ConnectivityMonitor::maybeOnline, this, [this] {
        if (m_failures > 0)
            syncNow();
    });
}

SyncController::~SyncController() = default;

void SyncController::setSession(VaultSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &VaultSession::stateChanged, this, [this] {
            refresh();
            if (m_session->state() == VaultSession::Unlocked)
                syncNow(); // at start-up and after every unlock
            else
                m_retry.stop();
        });
        connect(m_session, &VaultSession::notesSigned, this, &SyncController::onNotesSigned);
    }
    refresh();
    emit sessionChanged();
}

int SyncController::backoffMilliseconds(int failures, double jitter)
{
    const double base = std::min(300'000.0, 1000.0 * std::pow(2.0, std::clamp(failures, 1, 20)));
    return int(base * (0.5 + jitter));
}

int SyncController::retryInSeconds() const
{
    return m_retry.isActive() ? (m_retry.remainingTime() + 999) / 1000 : 0;
}

void SyncController::refresh()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault) {
        m_enrolment = QStringLiteral("none");
        m_queued = m_delivered = m_collected = 0;
        emit statusChanged();
        return;
    }
    sync::SyncStore store(*vault);
    auto enrolment = store.enrolment();
    auto counts = store.outboxCounts();
    auto success = store.setting(QStringLiteral("sync-last-success"));
    if (!enrolment || !counts || !success) {
        setError(tr("The sync status could not be read."));
        return;
    }
    m_enrolment = *enrolment ? (*enrolment)->state : QStringLiteral("none");
    m_queued = counts->queued + counts->notQueued; // every signed note not yet sent is waiting, enrolled or not
    m_delivered = counts->delivered;
    m_collected = counts->collected;
    m_retentionDays = *enrolment ? (*enrolment)->retentionDays : sync::Enrolment::keepCollected;
    const QDateTime when = parseCanonicalTimestamp(*success);
    m_lastSuccess = when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
    emit statusChanged();
}

void SyncController::onNotesSigned()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_busy || m_enrolment != QLatin1String("enrolled"))
        return;
    // Seal what was just signed straight away (the envelope is built once), then send it soon.
    sync::SyncStore store(*vault);
    auto enrolment = store.enrolment();
    if (!enrolment || !*enrolment)
        return;
    auto added = store.enqueueSignedNotes(**enrolment);
    if (!added) {
        setError(added.error().message);
        return;
    }
    if (*added > 0) {
        refresh();
        m_session->markSyncChanged(); // the notes show "waiting to send"
        m_retry.start(0);
    }
}

QUrl SyncController::picturesFolder()
{
    for (const QString &folder : QStandardPaths::standardLocations(QStandardPaths::PicturesLocation)) {
        if (QDir(folder).exists())
            return QUrl::fromLocalFile(folder);
    }
    return QUrl::fromLocalFile(QDir::homePath());
}

QString SyncController::codeFromPicture(const QUrl &picture)
{
    const QImage image(picture.isLocalFile() ? picture.toLocalFile() : picture.toString());
    if (image.isNull()) {
        setError(tr("That picture could not be opened."));
        return {};
    }
    const QString text = readQrCode(image);
    if (text.isEmpty()) {
        setError(tr("No QR code could be read in that picture: take it again, closer and steady."));
        return {};
    }
    if (auto parsed = sync::EnrolmentCode::fromText(text); !parsed) {
        setError(tr("That QR code is not a Fieldnotes invitation."));
        return {};
    }
    m_lastError.clear();
    emit statusChanged();
    return text;
}

bool SyncController::join(const QString &code, const QString &label)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto parsed = sync::EnrolmentCode::fromText(code);
    if (!parsed) {
        setError(parsed.error().message);
        return false;
    }
    m_session->holdOpen();
    const auto release = qScopeGuard([this] { m_session->releaseHold(); });
    // A code made for a deputy makes this tablet one; any other joins in the role chosen at set-up.
    const QString role = parsed->forDeputy ? sync::RosterEntry::deputyRole : m_session->role();
    auto joined = sync::DeviceSync(*vault, m_timeoutMs).join(*parsed, role, label);
    if (!joined) {
        setError(joined.error().message);
        return false;
    }
    m_lastError.clear();
    refresh();
    return true;
}

void SyncController::syncNow()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_busy)
        return;
    sync::SyncStore store(*vault);
    auto enrolment = store.enrolment();
    if (!enrolment || !*enrolment)
        return; // not part of a review's sync: nothing to do
    m_retry.stop();
    m_busy = true;
    m_sent = m_sending = 0;
    emit statusChanged();
    emit progressChanged();
    m_session->holdOpen();
    const auto done = qScopeGuard([this] {
        m_busy = false;
        refresh();
        m_session->releaseHold(); // may lock now, if a lock was asked for meanwhile
    });

    // A cheap look first: is the archive there at all?
    sync::ArchiveClient probe(QUrl((*enrolment)->archiveUrl), (*enrolment)->fingerprint, DeviceIdentity{}, 3000);
    const sync::ArchiveReply health = probe.get(QStringLiteral("/v1/health"), false);
    if (!health.ok()) {
        setError(tr("The team leader's archive cannot be reached (%1). Notes stay safely queued here.").arg(health.error));
        scheduleRetry();
        return;
    }
    auto outcome = sync::DeviceSync(*vault, m_timeoutMs).syncOnce(100, [this](int sent, int total) {
        m_sent = sent;
        m_sending = total;
        emit progressChanged();
    });
    if (!outcome) {
        setError(outcome.error().message);
        if (auto saved = store.saveSetting(QStringLiteral("sync-last-error"), outcome.error().message); !saved)
            qCWarning(lcSync) << "cannot record the sync error";
        scheduleRetry();
        return;
    }
    m_failures = 0;
    if (outcome->delivered + outcome->collected + outcome->contentRemoved > 0)
        m_session->markSyncChanged();
    m_lastError = outcome->refused > 0 ? tr("%n note(s) refused by the archive; the team leader can see why.", nullptr, outcome->refused)
                                       : QString();
    qCInfo(lcSync) << "sync done:" << outcome->delivered << "delivered," << outcome->refused << "refused";
}

void SyncController::scheduleRetry()
{
    ++m_failures;
    m_retry.start(backoffMilliseconds(m_failures, QRandomGenerator::global()->generateDouble()));
}

void SyncController::setError(const QString &error)
{
    m_lastError = error;
    qCWarning(lcSync) << "sync problem (details shown to the user)";
    emit statusChanged();
}

} // namespace fieldnotes::ui
