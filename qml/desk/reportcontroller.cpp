#include "reportcontroller.h"

#include "evidencebundle.h"
#include "leaderdesk.h"
#include "notescsv.h"
#include "refiqda.h"
#include "reportversions.h"
#include "syncstore.h"
#include "vault.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace fieldnotes::ui {

namespace {

QString decisionLabel(const QString &decision)
{
    if (decision == QLatin1String("accepted"))
        return ReportController::tr("accepted");
    if (decision == QLatin1String("changed"))
        return ReportController::tr("changed");
    return ReportController::tr("not accepted");
}

} // namespace

ReportController::ReportController(QObject *parent)
    : QObject(parent),
      m_outputFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/Fieldnotes"))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ReportController::finished);
}

ReportController::~ReportController()
{
    m_watcher.waitForFinished();
}

void ReportController::setSession(VaultSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        // A task holds its own copy of the keys; locking waits for it so that none outlives the lock.
        connect(m_session, &VaultSession::stateChanged, this, [this] {
            if (m_session->state() != VaultSession::Unlocked)
                m_watcher.waitForFinished();
            reload();
        });
        connect(m_session, &VaultSession::reviewChanged, this, &ReportController::reload);
    }
    reload();
    emit sessionChanged();
}

void ReportController::setOutputFolder(const QString &folder)
{
    if (folder == m_outputFolder)
        return;
    m_outputFolder = folder;
    emit outputFolderChanged();
}

QString ReportController::by() const
{
    const QString name = m_session->memberName().trimmed();
    return name.isEmpty() ? tr("team leader") : name;
}

void ReportController::reload()
{
    m_versions.clear();
    m_consultationFindings.clear();
    m_responses.clear();
    Vault *vault = m_session ? m_session->vault() : nullptr;
    int archiveRetentionDays = -1;
    if (vault && !m_session->reviewId().isEmpty()) {
        if (auto days = sync::LeaderDesk(*vault).archiveRetentionDays(m_session->reviewId()))
            archiveRetentionDays = *days;
        sync::ReportVersions reportVersions(*vault, m_session->reviewId());
        if (auto issued = reportVersions.versions()) {
            for (const sync::IssuedReport &version : std::as_const(*issued)) {
                m_versions << QVariantMap{{QStringLiteral("version"), version.version},
                                          {QStringLiteral("stage"), sync::reportVersionStageName(version.stage)},
                                          {QStringLiteral("label"), version.label()},
                                          {QStringLiteral("issuedAt"), QLocale().toString(version.issuedAt.toLocalTime(), QLocale::ShortFormat)},
                                          {QStringLiteral("issuedBy"), version.issuedBy}};
                if (version.stage == sync::ReportVersionStage::Consultation) {
                    m_consultationFindings.clear();
                    const QJsonObject findings = version.content.value(QStringLiteral("findings")).toObject();
                    for (auto it = findings.begin(); it != findings.end(); ++it)
                        m_consultationFindings << QVariantMap{{QStringLiteral("id"), it.key()},
                                                              {QStringLiteral("statement"), it.value().toString()}};
                }
            }
        } else {
            setStatus(issued.error().message, true);
        }
        if (auto responses = reportVersions.responses()) {
            for (const sync::ConsultationResponse &response : std::as_const(*responses))
                m_responses << QVariantMap{{QStringLiteral("findingId"), response.findingId},
                                           {QStringLiteral("role"), response.responderRole},
                                           {QStringLiteral("said"), response.said},
                                           {QStringLiteral("decision"), response.decision},
                                           {QStringLiteral("decisionLabel"), decisionLabel(response.decision)},
                                           {QStringLiteral("reason"), response.reason},
                                           {QStringLiteral("version"), response.version},
                                           {QStringLiteral("recordedAt"), QLocale().toString(response.recordedAt.toLocalTime(), QLocale::ShortFormat)}};
        }
    }
    emit changed();
    if (archiveRetentionDays != m_archiveRetentionDays) {
        m_archiveRetentionDays = archiveRetentionDays;
        emit archiveRetentionChanged();
    }
}

QVariantList ReportController::archiveRetentionChoices() const
{
    QList<int> days{-1, 0, 30, 365};
    if (!days.contains(m_archiveRetentionDays))
        days << m_archiveRetentionDays;
    QVariantList choices;
    for (int day : std::as_const(days)) {
        const QString text = day < 0      ? tr("The archive keeps every envelope")
                             : day == 0   ? tr("The archive removes them once the bundle is made")
                             : day == 365 ? tr("The archive removes them a year after the bundle")
                             : day == 1   ? tr("The archive removes them a day after the bundle")
                                          : tr("The archive removes them %1 days after the bundle").arg(day);
        choices << QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("value"), day}};
    }
    return choices;
}

bool ReportController::setArchiveRetentionDays(int days)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    if (auto saved = sync::LeaderDesk(*vault).setArchiveRetentionDays(m_session->reviewId(), days); !saved) {
        reload();
        return fail(saved.error().message);
    }
    reload();
    return true;
}

void ReportController::setStatus(const QString &status, bool failed)
{
    m_status = status;
    m_lastTaskFailed = failed;
    emit statusChanged();
}

bool ReportController::fail(const QString &message)
{
    setStatus(message, true);
    if (m_session)
        emit m_session->errorOccurred(message);
    return false;
}

bool ReportController::start(const QString &doing, std::function<Outcome(Vault &, const QString &)> task)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_session->reviewId().isEmpty())
        return false;
    if (m_busy) {
        emit m_session->errorOccurred(tr("Wait for the task under way to finish."));
        return false;
    }
    auto sibling = vault->openSibling();
    if (!sibling)
        return fail(sibling.error().message);
    setStatus(doing, false);
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run([task = std::move(task), worker = std::shared_ptr<Vault>(std::move(*sibling)),
                                           reviewId = m_session->reviewId()] { return task(*worker, reviewId); }));
    emit busyChanged();
    return true;
}

void ReportController::finished()
{
    const Outcome outcome = m_watcher.result();
    m_busy = false;
    emit busyChanged();
    if (outcome.ok)
        setStatus(outcome.message, false);
    else
        fail(outcome.message);
    reload();
    if (m_session && outcome.ok)
        m_session->markDeskChanged();
}

bool ReportController::issue(const QString &stageName)
{
    const auto stage = sync::reportVersionStageFromName(stageName);
    if (!stage)
        return fail(tr("A report is issued as a preview, a draft for consultation or a final report."));
    return start(tr("Rendering and signing the report…"), [stage = *stage, who = by()](Vault &vault, const QString &reviewId) {
        auto issued = sync::ReportVersions(vault, reviewId).issue(stage, who);
        if (!issued)
            return Outcome{false, tr("Not issued: %1").arg(issued.error().message)};
        return Outcome{true, tr("%1 issued and signed with the review key. Save it to the folder to send it.").arg(issued->label())};
    });
}

bool ReportController::exportVersion(int version)
{
    return start(tr("Saving version %1…").arg(version), [version, folder = m_outputFolder](Vault &vault, const QString &reviewId) {
        if (!QDir().mkpath(folder))
            return Outcome{false, tr("Cannot make the folder %1.").arg(folder)};
        auto files = sync::ReportVersions(vault, reviewId).exportVersion(version, folder);
        if (!files)
            return Outcome{false, files.error().message};
        QStringList reports;
        for (const QString &file : std::as_const(*files))
            if (!file.endsWith(QLatin1String(".sig")) && !file.endsWith(QLatin1String(".pem")))
                reports << QFileInfo(file).fileName();
        return Outcome{true, tr("Saved in %1: %2, each with its .sig (the review key's signature), and review-key.pem to check them.")
                                 .arg(folder, reports.join(QStringLiteral(", ")))};
    });
}

bool ReportController::makeBundle()
{
    return start(tr("Writing the evidence bundle…"), [folder = m_outputFolder](Vault &vault, const QString &reviewId) {
        if (!QDir().mkpath(folder))
            return Outcome{false, tr("Cannot make the folder %1.").arg(folder)};
        const QString stem = folder + QStringLiteral("/evidence-bundle-") + vault.clock()().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QString directory = stem;
        for (int n = 2; QFileInfo::exists(directory); ++n)
            directory = stem + QStringLiteral("-%1").arg(n);
        auto written = sync::writeEvidenceBundle(vault, reviewId, directory);
        if (!written)
            return Outcome{false, tr("The bundle was not written: %1").arg(written.error().message)};
        // Checked again as anyone receiving it would: from the files alone, against the review key.
        auto keys = sync::SyncStore(vault).reviewKeys(reviewId);
        const sync::BundleCheck check = sync::verifyEvidenceBundle(directory, keys && *keys ? (*keys)->signingPublic : QByteArray());
        if (!check.ok())
            return Outcome{false, tr("The bundle in %1 was written but does not verify: %2").arg(directory, check.problems.join(QStringLiteral("; ")))};
        QString message = tr("Evidence bundle written to %1 and checked: %2 signed notes, %3 files, every signature and chain intact.")
                              .arg(directory)
                              .arg(written->notes)
                              .arg(written->files);
        if (written->archivedNotes > 0) {
            const QString when = QLocale().toString(written->removeAfter.toLocalTime(), QLocale::ShortFormat);
            auto sent = sync::LeaderDesk(vault).sendArchivedStatements(reviewId);
            message += QLatin1Char(' ')
                + (sent ? tr("The archive was told it may remove the envelopes of these %1 notes after %2.").arg(written->archivedNotes).arg(when)
                        : tr("The archive could not be told yet that it may remove their envelopes after %1 (%2); it is told at the next collection.")
                              .arg(when, sent.error().message));
        }
        return Outcome{true, message};
    });
}

bool ReportController::exportForAnalysis()
{
    return start(tr("Exporting the notes…"), [folder = m_outputFolder](Vault &vault, const QString &reviewId) {
        if (!QDir().mkpath(folder))
            return Outcome{false, tr("Cannot make the folder %1.").arg(folder)};
        auto csv = sync::collectedNotesCsv(vault, reviewId);
        if (!csv)
            return Outcome{false, csv.error().message};
        const QString csvPath = folder + QStringLiteral("/collected-notes.csv");
        QSaveFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size() || !file.commit())
            return Outcome{false, tr("Cannot write %1: %2").arg(csvPath, file.errorString())};
        const QString qdpxPath = folder + QStringLiteral("/review.qdpx");
        if (auto written = sync::writeRefiQdaProject(vault, reviewId, qdpxPath); !written)
            return Outcome{false, written.error().message};
        return Outcome{true, tr("Saved in %1: collected-notes.csv (one row per note, no text) and review.qdpx (REFI-QDA, with the notes' text).")
                                 .arg(folder)};
    });
}

bool ReportController::recordResponse(const QString &findingId, const QString &role, const QString &said, const QString &decision,
                                      const QString &reason)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto response = sync::ReportVersions(*vault, m_session->reviewId()).recordResponse(findingId, role, said, decision, reason, by());
    if (!response)
        return fail(tr("Not recorded: %1").arg(response.error().message));
    setStatus(tr("Response to %1 recorded: %2.").arg(findingId, decisionLabel(decision)), false);
    reload();
    m_session->markDeskChanged();
    return true;
}

} // namespace fieldnotes::ui
