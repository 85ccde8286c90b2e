#pragma once

#include "vaultsession.h"

#include <QObject>
#include <QUrl>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::platform {
class ConnectivityMonitor;
}

namespace fieldnotes::ui {

/// Sync for the app: joins a review with an enrolment code, and sends signed notes to the team
/// leader's archive at unlock, soon after each signing, on demand, and when the network seems to
/// be back, with exponential backoff and jitter between failed attempts. Each attempt first
/// probes the archive cheaply. Shows what is queued, delivered and collected, the progress of a
/// send, the last success and the last error in words.
class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString enrolment READ enrolment NOTIFY statusChanged)
    Q_PROPERTY(int queued READ queued NOTIFY statusChanged)
    Q_PROPERTY(int delivered READ delivered NOTIFY statusChanged)
    Q_PROPERTY(int collected READ collected NOTIFY statusChanged)
    Q_PROPERTY(QString lastSuccess READ lastSuccess NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY statusChanged)
    Q_PROPERTY(int sent READ sent NOTIFY progressChanged)
    Q_PROPERTY(int sending READ sending NOTIFY progressChanged)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY statusChanged)
    /// The team leader's retention period for collected notes, in days; -1 keeps them.
    Q_PROPERTY(int retentionDays READ retentionDays NOTIFY statusChanged)
    /// Where a photo of the leader's code is looked for first: the tablet's pictures.
    Q_PROPERTY(QUrl picturesFolder READ picturesFolder CONSTANT)

public:
    explicit SyncController(QObject *parent = nullptr);
    ~SyncController() override;

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString enrolment() const { return m_enrolment; }
    int queued() const { return m_queued; }
    int delivered() const { return m_delivered; }
    int collected() const { return m_collected; }
    QString lastSuccess() const { return m_lastSuccess; }
    QString lastError() const { return m_lastError; }
    bool isBusy() const { return m_busy; }
    int sent() const { return m_sent; }
    int sending() const { return m_sending; }
    int retryInSeconds() const;
    int retentionDays() const { return m_retentionDays; }
    static QUrl picturesFolder();

    /// Requests to join the review the code names, in this user's role.
    Q_INVOKABLE bool join(const QString &code, const QString &label);
    /// The invitation code in a picture of the leader's QR code (a photo of their screen), or
    /// empty with the reason in lastError.
    Q_INVOKABLE QString codeFromPicture(const QUrl &picture);
    Q_INVOKABLE void syncNow();

    /// Per-request limit; tests shorten it.
    void setRequestTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    /// The delay before retry number `failures` (1, 2, ...): 2^failures s, at most 5 min, times a
    /// random factor in [0.5, 1.5) so that many tablets do not retry in step.
    static int backoffMilliseconds(int failures, double jitter);

signals:
    void sessionChanged();
    void statusChanged();
    void progressChanged();

private:
    void refresh();
    void onNotesSigned();
    void scheduleRetry();
    void setError(const QString &error);

    QPointer<VaultSession> m_session;
    platform::ConnectivityMonitor *m_connectivity;
    QTimer m_retry;
    QString m_enrolment = QStringLiteral("none");
    int m_queued = 0;
    int m_delivered = 0;
    int m_collected = 0;
    int m_retentionDays = -1;
    QString m_lastSuccess;
    QString m_lastError;
    bool m_busy = false;
    int m_sent = 0;
    int m_sending = 0;
    int m_failures = 0;
    int m_timeoutMs = 15'000;
};

} // namespace fieldnotes::ui
