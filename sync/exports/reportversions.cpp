#include "reportversions.h"

#include "deskengagements.h"
#include "findings.h"
#include "signednote.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "vault.h"

#include <QDir>
#include <QJsonArray>
#include <QSaveFile>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {

constexpr const char *stageNames[] = {"preview", "consultation", "final"};

QString stageWords(ReportVersionStage stage)
{
    switch (stage) {
    case ReportVersionStage::Preview: return QStringLiteral("No-surprises preview");
    case ReportVersionStage::Consultation: return QStringLiteral("Draft for consultation");
    case ReportVersionStage::Final: return QStringLiteral("Final report");
    }
    return {};
}

/// What a version says, by id, for the final report to compare with the draft.
QJsonObject contentOf(const ReviewReport &report)
{
    QJsonObject findings;
    QJsonObject recommendations;
    for (const ReportPriority &priority : report.priorities) {
        for (const auto *list : {&priority.goodPractice, &priority.development})
            for (const ReportFinding &finding : *list)
                findings.insert(finding.id, finding.statement);
        for (const ReportRecommendation &recommendation : priority.recommendations)
            recommendations.insert(recommendation.id, recommendation.text);
    }
    return QJsonObject{{QStringLiteral("findings"), findings}, {QStringLiteral("recommendations"), recommendations}};
}

/// "F3 changed: from … to …", "F4 added: …", "R2 removed: …".
QStringList changesBetween(const QJsonObject &draft, const QJsonObject &final)
{
    QStringList changes;
    for (const QString &part : {QStringLiteral("findings"), QStringLiteral("recommendations")}) {
        const QJsonObject before = draft.value(part).toObject();
        const QJsonObject after = final.value(part).toObject();
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (!before.contains(it.key()))
                changes << QStringLiteral("%1 added: %2").arg(it.key(), it.value().toString());
            else if (before.value(it.key()).toString() != it.value().toString())
                changes << QStringLiteral("%1 changed: from “%2” to “%3”").arg(it.key(), before.value(it.key()).toString(), it.value().toString());
        }
        for (auto it = before.begin(); it != before.end(); ++it)
            if (!after.contains(it.key()))
                changes << QStringLiteral("%1 removed: %2").arg(it.key(), it.value().toString());
    }
    return changes;
}

IssuedReport issuedFrom(const SqlStatement &row)
{
    IssuedReport issued;
    issued.reviewId = row.text(0);
    issued.version = int(row.integer(1));
    issued.stage = reportVersionStageFromName(row.text(2)).value_or(ReportVersionStage::Preview);
    issued.issuedAt = parseCanonicalTimestamp(row.text(3));
    issued.issuedBy = row.text(4);
    auto content = parseJsonObject(row.text(5).toUtf8());
    issued.content = content ? *content : QJsonObject();
    issued.html = row.blob(6);
    issued.htmlSignature = row.blob(7);
    issued.pdf = row.blob(8);
    issued.pdfSignature = row.blob(9);
    return issued;
}

constexpr const char *selectVersions = "SELECT review_id, version, stage, issued_at, issued_by, content, html, html_signature, pdf, pdf_signature "
                                       "FROM report_versions WHERE review_id = ?1";

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace

QString reportVersionStageName(ReportVersionStage stage)
{
    return QString::fromLatin1(stageNames[static_cast<int>(stage)]);
}

std::optional<ReportVersionStage> reportVersionStageFromName(const QString &name)
{
    for (int i = 0; i < 3; ++i)
        if (name == QLatin1String(stageNames[i]))
            return static_cast<ReportVersionStage>(i);
    return std::nullopt;
}

QString IssuedReport::label() const
{
    return QStringLiteral("%1, version %2").arg(stageWords(stage)).arg(version);
}

QString IssuedReport::fileStem() const
{
    return QStringLiteral("report-v%1-%2").arg(version).arg(reportVersionStageName(stage));
}

QByteArray ed25519PublicKeyPem(const QByteArray &publicKey)
{
    // SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte header, then the key.
    const QByteArray der = QByteArray::fromHex("302a300506032b6570032100") + publicKey;
    QByteArray pem = "-----BEGIN PUBLIC KEY-----\n" + der.toBase64() + "\n-----END PUBLIC KEY-----\n";
    return pem;
}

ReportVersions::ReportVersions(Vault &vault, QString reviewId) : m_vault(vault), m_reviewId(std::move(reviewId)) {}

Result<IssuedReport> ReportVersions::issue(ReportVersionStage stage, const QString &by)
{
    if (by.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("say who issues the report")};
    auto keys = SyncStore(m_vault).reviewKeys(m_reviewId);
    if (!keys)
        return keys.error();
    if (!*keys)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault does not lead review %1, so it holds no key to sign with").arg(m_reviewId)};
    if ((*keys)->isDeputy())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a report is issued under the review's key: the team leader's (or a vault "
                                                                "restored from the recovery kit), not a deputy's")};
    auto earlier = versions();
    if (!earlier)
        return earlier.error();

    auto report = buildReviewReport(m_vault, m_reviewId, stage == ReportVersionStage::Final ? ReportStage::Final : ReportStage::Draft);
    if (!report)
        return report.error();
    IssuedReport issued;
    issued.reviewId = m_reviewId;
    issued.version = earlier->isEmpty() ? 1 : earlier->last().version + 1;
    issued.stage = stage;
    issued.issuedAt = m_vault.clock()().toUTC();
    issued.issuedBy = by.trimmed();
    issued.content = contentOf(*report);
    report->versionLabel = issued.label();
    report->madeAt = issued.issuedAt;
    if (stage == ReportVersionStage::Final) {
        const IssuedReport *draft = nullptr;
        for (const IssuedReport &version : std::as_const(*earlier))
            if (version.stage == ReportVersionStage::Consultation)
                draft = &version;
        if (!draft)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("issue a draft for consultation first: the final report comes after the consultation on it")};
        auto answers = responses();
        if (!answers)
            return answers.error();
        report->sinceConsultation = true;
        report->changesSinceDraft = changesBetween(draft->content, issued.content);
        for (const ConsultationResponse &response : std::as_const(*answers))
            report->consultation.append({response.findingId, response.responderRole, response.said, response.decision, response.reason});
    }
    issued.html = reportHtml(*report);
    auto pdf = reportPdf(*report);
    if (!pdf)
        return pdf.error();
    issued.pdf = std::move(*pdf);
    issued.htmlSignature = signDetached(issued.html, (*keys)->signingSecret);
    issued.pdfSignature = signDetached(issued.pdf, (*keys)->signingSecret);

    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto insert = m_vault.database().prepare(
        "INSERT INTO report_versions (review_id, version, stage, issued_at, issued_by, content, html, html_signature, pdf, pdf_signature) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!insert)
        return insert.error();
    insert->bind(1, m_reviewId).bind(2, qint64(issued.version)).bind(3, reportVersionStageName(stage)).bind(4, canonicalTimestamp(issued.issuedAt))
        .bind(5, issued.issuedBy).bind(6, QString::fromUtf8(canonicalJson(issued.content))).bindBlob(7, issued.html)
        .bindBlob(8, issued.htmlSignature).bindBlob(9, issued.pdf).bindBlob(10, issued.pdfSignature);
    if (auto done = insert->run(); !done)
        return done.error();
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, issued.issuedBy, QStringLiteral("report:v%1").arg(issued.version),
                                         QStringLiteral("issued"),
                                         QJsonObject{{QStringLiteral("stage"), reportVersionStageName(stage)},
                                                     {QStringLiteral("html_sha256"), QString::fromLatin1(sha256(issued.html).toHex())},
                                                     {QStringLiteral("pdf_sha256"), QString::fromLatin1(sha256(issued.pdf).toHex())}});
        !recorded)
        return recorded.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return issued;
}

Result<QList<IssuedReport>> ReportVersions::versions()
{
    return queryList<IssuedReport>(
        m_vault.database(), QByteArray(selectVersions) + " ORDER BY version", [&](SqlStatement &s) { s.bind(1, m_reviewId); }, issuedFrom);
}

Result<IssuedReport> ReportVersions::version(int number)
{
    auto found = queryList<IssuedReport>(
        m_vault.database(), QByteArray(selectVersions) + " AND version = ?2",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bind(2, qint64(number)); }, issuedFrom);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("no version %1 of the report has been issued").arg(number)};
    return found->front();
}

Result<QStringList> ReportVersions::exportVersion(int number, const QString &directory)
{
    auto issued = version(number);
    if (!issued)
        return issued.error();
    auto keys = SyncStore(m_vault).reviewKeys(m_reviewId);
    if (!keys)
        return keys.error();
    if (!*keys)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault does not lead review %1").arg(m_reviewId)};
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, QStringLiteral("cannot make the folder %1").arg(directory)};
    const QDir folder(directory);
    const QString stem = issued->fileStem();
    const QList<std::pair<QString, QByteArray>> files{{stem + QStringLiteral(".html"), issued->html},
                                                     {stem + QStringLiteral(".html.sig"), issued->htmlSignature},
                                                     {stem + QStringLiteral(".pdf"), issued->pdf},
                                                     {stem + QStringLiteral(".pdf.sig"), issued->pdfSignature},
                                                     {QStringLiteral("review-key.pem"), ed25519PublicKeyPem((*keys)->signingPublic)}};
    QStringList written;
    for (const auto &[name, bytes] : files) {
        if (auto done = writeFile(folder.filePath(name), bytes); !done)
            return done.error();
        written << folder.filePath(name);
    }
    return written;
}

Result<ConsultationResponse> ReportVersions::recordResponse(const QString &findingId, const QString &responderRole, const QString &said,
                                                            const QString &decision, const QString &reason, const QString &by)
{
    if (decision != QLatin1String("accepted") && decision != QLatin1String("changed") && decision != QLatin1String("not-accepted"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the decision is accepted, changed or not-accepted")};
    if ((decision != QLatin1String("accepted")) && reason.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("say why the finding was %1").arg(decision == QLatin1String("changed") ? QStringLiteral("changed") : QStringLiteral("not accepted"))};
    if (responderRole.trimmed().isEmpty() || said.trimmed().isEmpty() || by.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a response needs who gave it (by role), what they said and who recorded it")};
    auto issued = versions();
    if (!issued)
        return issued.error();
    const IssuedReport *draft = nullptr;
    for (const IssuedReport &version : std::as_const(*issued))
        if (version.stage == ReportVersionStage::Consultation)
            draft = &version;
    if (!draft)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no draft for consultation has been issued yet")};
    if (!draft->content.value(QStringLiteral("findings")).toObject().contains(findingId))
        return Error{ErrorCode::NotFound, QStringLiteral("the draft for consultation (version %1) has no finding %2").arg(draft->version).arg(findingId)};

    ConsultationResponse response{0, draft->version, findingId, responderRole.trimmed(), said.trimmed(), decision, reason.trimmed(),
                                  m_vault.clock()().toUTC(), by.trimmed()};
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto insert = m_vault.database().prepare("INSERT INTO consultation_responses (review_id, version, finding_id, responder_role, said, decision, "
                                             "reason, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    insert->bind(1, m_reviewId).bind(2, qint64(response.version)).bind(3, findingId).bind(4, response.responderRole).bind(5, response.said)
        .bind(6, decision).bind(7, response.reason).bind(8, canonicalTimestamp(response.recordedAt)).bind(9, response.recordedBy);
    if (auto done = insert->run(); !done)
        return done.error();
    response.id = m_vault.database().lastInsertRowId();
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, response.recordedBy, QStringLiteral("finding:") + findingId,
                                         QStringLiteral("consultation response"),
                                         QJsonObject{{QStringLiteral("from"), response.responderRole}, {QStringLiteral("decision"), decision}});
        !recorded)
        return recorded.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return response;
}

Result<QList<ConsultationResponse>> ReportVersions::responses()
{
    return queryList<ConsultationResponse>(
        m_vault.database(),
        "SELECT id, version, finding_id, responder_role, said, decision, reason, recorded_at, recorded_by FROM consultation_responses "
        "WHERE review_id = ?1 ORDER BY id",
        [&](SqlStatement &s) { s.bind(1, m_reviewId); },
        [](const SqlStatement &row) {
            return ConsultationResponse{row.integer(0), int(row.integer(1)), row.text(2), row.text(3), row.text(4),
                                        row.text(5),    row.text(6),         parseCanonicalTimestamp(row.text(7)), row.text(8)};
        });
}

} // namespace fieldnotes::sync
