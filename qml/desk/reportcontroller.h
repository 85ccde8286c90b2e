#pragma once

#include "vaultsession.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace fieldnotes::ui {

/// The end of the leader's work in the app: the report's signed versions (no-surprises preview,
/// draft for consultation, final), the consultation's responses per finding, and the files that
/// leave the vault (an issued version with its signatures, the evidence bundle, checked again once
/// written, and the CSV and REFI-QDA exports). Rendering and bundling run on a worker thread on a
/// sibling of the session's vault, so the page stays live; one task at a time.
class ReportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    /// [{version, stage, label, issuedAt, issuedBy}], oldest first.
    Q_PROPERTY(QVariantList versions READ versions NOTIFY changed)
    /// The latest draft for consultation's findings, [{id, statement}]: what a response answers.
    Q_PROPERTY(QVariantList consultationFindings READ consultationFindings NOTIFY changed)
    /// [{findingId, role, said, decision, decisionLabel, reason, recordedAt}], oldest first.
    Q_PROPERTY(QVariantList responses READ responses NOTIFY changed)
    /// Where issued versions, bundles and exports are written (a local folder path).
    Q_PROPERTY(QString outputFolder READ outputFolder WRITE setOutputFolder NOTIFY outputFolderChanged)
    /// How long the archive keeps the envelopes of notes once a bundle holds them (days; -1: keep).
    Q_PROPERTY(int archiveRetentionDays READ archiveRetentionDays NOTIFY archiveRetentionChanged)
    /// [{text, value}] for the choice of archiveRetentionDays.
    Q_PROPERTY(QVariantList archiveRetentionChoices READ archiveRetentionChoices NOTIFY archiveRetentionChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// What the last task did, or is doing, in words.
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool lastTaskFailed READ lastTaskFailed NOTIFY statusChanged)

public:
    explicit ReportController(QObject *parent = nullptr);
    ~ReportController() override;

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QVariantList versions() const { return m_versions; }
    QVariantList consultationFindings() const { return m_consultationFindings; }
    QVariantList responses() const { return m_responses; }
    QString outputFolder() const { return m_outputFolder; }
    void setOutputFolder(const QString &folder);
    int archiveRetentionDays() const { return m_archiveRetentionDays; }
    QVariantList archiveRetentionChoices() const;
    Q_INVOKABLE bool setArchiveRetentionDays(int days);
    bool isBusy() const { return m_busy; }
    QString status() const { return m_status; }
    bool lastTaskFailed() const { return m_lastTaskFailed; }

    /// stage: preview, consultation or final. A final report is refused, naming why, while a
    /// finding is unsubstantiated.
    Q_INVOKABLE bool issue(const QString &stage);
    /// Writes the version's HTML and PDF, their signatures and the review key into the output folder.
    Q_INVOKABLE bool exportVersion(int version);
    /// Writes the evidence bundle into a new folder inside the output folder, then checks it as
    /// anyone receiving it would.
    Q_INVOKABLE bool makeBundle();
    /// Writes the notes as CSV and the review as a REFI-QDA project into the output folder.
    Q_INVOKABLE bool exportForAnalysis();
    /// decision: accepted, changed or not-accepted (the last two need the reason).
    Q_INVOKABLE bool recordResponse(const QString &findingId, const QString &role, const QString &said, const QString &decision,
                                    const QString &reason);
    /// A folder chosen in a dialog, as the path outputFolder takes.
    Q_INVOKABLE QString localPath(const QUrl &folder) const { return folder.toLocalFile(); }
    Q_INVOKABLE QUrl outputFolderUrl() const { return QUrl::fromLocalFile(m_outputFolder); }

signals:
    void sessionChanged();
    void changed();
    void archiveRetentionChanged();
    void outputFolderChanged();
    void busyChanged();
    void statusChanged();

private:
    struct Outcome {
        bool ok = false;
        QString message;
    };
    bool start(const QString &doing, std::function<Outcome(Vault &, const QString &reviewId)> task);
    void finished();
    void reload();
    bool fail(const QString &message);
    void setStatus(const QString &status, bool failed);
    QString by() const;

    QPointer<VaultSession> m_session;
    QFutureWatcher<Outcome> m_watcher;
    QVariantList m_versions;
    QVariantList m_consultationFindings;
    QVariantList m_responses;
    QString m_outputFolder;
    QString m_status;
    bool m_lastTaskFailed = false;
    int m_archiveRetentionDays = -1;
    bool m_busy = false; // until the task's outcome is shown, not only until it returns
};

} // namespace fieldnotes::ui
