#pragma once

#include "error.h"
#include "reviewreport.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// The versions a report is issued in, in the methodology's order: a *no surprises* preview for
/// the Trust's Chair, the draft put out for consultation, and the final report.
enum class ReportVersionStage { Preview, Consultation, Final };
QString reportVersionStageName(ReportVersionStage stage); // preview, consultation, final
std::optional<ReportVersionStage> reportVersionStageFromName(const QString &name);

/// One issued version, frozen: the exact HTML and PDF bytes, each with the review key's detached
/// Ed25519 signature over exactly those bytes (checkable with `openssl pkeyutl -verify -rawin`).
struct IssuedReport {
    QString reviewId;
    int version = 0;
    ReportVersionStage stage = ReportVersionStage::Preview;
    QDateTime issuedAt;
    QString issuedBy;
    QJsonObject content; // its findings and recommendations by id: what the final compares with
    QByteArray html;
    QByteArray htmlSignature;
    QByteArray pdf;
    QByteArray pdfSignature;

    QString label() const; // "Draft for consultation, version 2"
    QString fileStem() const; // "report-v2-consultation"
};

struct ConsultationResponse {
    qint64 id = 0;
    int version = 0; // the draft for consultation it answers
    QString findingId;
    QString responderRole;
    QString said;
    QString decision; // accepted, changed, not-accepted
    QString reason;
    QDateTime recordedAt;
    QString recordedBy;
};

/// The report's issued versions and the consultation on the draft, in the leader's vault.
class ReportVersions
{
public:
    ReportVersions(Vault &vault, QString reviewId);

    /// Builds the report as the desk stands, renders it, signs both files with the review key and
    /// keeps them as issued. A final report needs every finding substantiated, and lists the
    /// consultation's responses and what changed since the draft for consultation.
    Result<IssuedReport> issue(ReportVersionStage stage, const QString &by);
    Result<QList<IssuedReport>> versions();
    Result<IssuedReport> version(int number);
    /// Writes the version's HTML and PDF, each with its signature (`.sig`, 64 raw bytes), and the
    /// review's public key as `review-key.pem`, into `directory`.
    Result<QStringList> exportVersion(int number, const QString &directory);

    /// A response to the latest draft for consultation about one of its findings. "changed" and
    /// "not-accepted" need the reason.
    Result<ConsultationResponse> recordResponse(const QString &findingId, const QString &responderRole, const QString &said,
                                                const QString &decision, const QString &reason, const QString &by);
    Result<QList<ConsultationResponse>> responses();

private:
    Vault &m_vault;
    QString m_reviewId;
};

/// The review's public signing key as PEM (SubjectPublicKeyInfo), as OpenSSL reads it.
QByteArray ed25519PublicKeyPem(const QByteArray &publicKey);

} // namespace fieldnotes::sync
