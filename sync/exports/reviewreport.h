#pragma once

#include "error.h"
#include "findings.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// A draft may hold findings that are not yet substantiated (each marked as such); a final
/// report may not.
enum class ReportStage { Draft, Final };

/// A signed note a finding rests on, as a reader of the report can look it up: the first 12 hex
/// digits of its hash, where the desk places it, and the day it was signed.
struct NoteReference {
    QString shortHash;
    QString source;
    QDate signedOn;
};

struct ReportFinding {
    QString id;
    QString statement;
    bool substantiated = false;
    QStringList shortfalls;
    QStringList sources; // labels
    QList<NoteReference> notes;
};

struct ReportRecommendation {
    QString id;
    QString text;
    QStringList findingIds;
};

struct ReportPriority {
    QString title;
    QString rag; // red, amber, green; empty when the desk-top review gave none
    QList<ReportFinding> goodPractice;
    QList<ReportFinding> development;
    QList<ReportRecommendation> recommendations;
};

/// How many of something: "3 × reviewer", "4 × interview".
struct Tally {
    QString label;
    int count = 0;
};

/// A response to the draft for consultation about one finding, and what the team made of it.
struct ConsultationLine {
    QString findingId;
    QString role; // who responded, by role (never a name)
    QString said;
    QString decision; // accepted, changed, not-accepted
    QString reason;
};

/// Everything the report says, gathered from the leader's desk. Never a person's name: the
/// team by role, participants by role and number, notes by reference.
struct ReviewReport {
    ReportStage stage = ReportStage::Draft;
    QString reviewId;
    QString title;
    QDate firstDay;
    QDate lastDay;
    QDateTime madeAt;
    QList<Tally> team;
    QList<Tally> engagementsByKind;
    QList<Tally> participantsByRole;
    QList<ReportPriority> priorities;
    int unsubstantiatedFindings = 0;
    QString versionLabel; // e.g. "Draft for consultation, version 2"; empty for a working copy
    // The final report: the responses to the draft for consultation, and what changed since it.
    QList<ConsultationLine> consultation;
    QStringList changesSinceDraft;
    bool sinceConsultation = false;
};

/// The report of the review as its desk now stands. A final report is refused, naming them,
/// while any finding is unsubstantiated or any recommendation rests on one.
Result<ReviewReport> buildReviewReport(Vault &vault, const QString &reviewId, ReportStage stage);

/// Semantic HTML (UTF-8, language set, headings, captioned tables with header cells): the
/// accessible form of the report.
QByteArray reportHtml(const ReviewReport &report);

/// The report as an A4 PDF with page numbers.
Result<QByteArray> reportPdf(const ReviewReport &report);

/// A4 PDF with page numbers, written atomically to `path`. Qt's PDF writer cannot tag a PDF for
/// screen readers; the HTML is the accessible version.
Result<void> writeReportPdf(const ReviewReport &report, const QString &path);

} // namespace fieldnotes::sync
