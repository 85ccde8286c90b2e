#include "notescsv.h"

#include "collectednotes.h"
#include "desknames.h"
#include "findings.h"
#include "signednote.h"
#include "syncencoding.h"

#include <QHash>
#include <QStringList>

namespace fieldnotes::sync {

namespace {

QString field(QString value)
{
    // A spreadsheet runs =, +, - and @ at the start of a cell as a formula (CSV injection).
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return value;
}

QString yesNo(bool value) { return value ? QStringLiteral("yes") : QStringLiteral("no"); }

} // namespace

Result<QByteArray> collectedNotesCsv(Vault &vault, const QString &reviewId)
{
    auto notes = CollectedNotes(vault, reviewId).list({}, CollectedOrder::Priority);
    if (!notes)
        return notes.error();
    auto names = deskNames(vault, reviewId);
    if (!names)
        return names.error();
    auto findings = EvidenceDesk(vault, reviewId).findings();
    if (!findings)
        return findings.error();
    QHash<QByteArray, QStringList> findingsOf;
    for (const Finding &finding : std::as_const(*findings))
        for (const Support &support : finding.support)
            if (!findingsOf.value(support.excerpt.noteHash).contains(finding.id))
                findingsOf[support.excerpt.noteHash] << finding.id;

    QString csv = QStringLiteral("hash,priority,engagement,source,kind,tablet_role,signed_at,evidence_asked,evidence_given,verified,findings\r\n");
    for (const CollectedNoteView &view : std::as_const(*notes)) {
        const SignedNoteContent &content = view.note.content;
        const QStringList row{toHex(view.note.hash),
                              names->priorityTitle(view.priorityId),
                              names->engagementTitle(content.engagementId),
                              names->sourceLabel(view.source),
                              noteKindName(content.kind),
                              view.tabletRole,
                              canonicalTimestamp(content.signedAt),
                              yesNo(content.evidenceAsked),
                              yesNo(content.evidenceGiven),
                              yesNo(view.verified()),
                              findingsOf.value(view.note.hash).join(QLatin1Char(' '))};
        QStringList fields;
        for (const QString &value : row)
            fields << field(value);
        csv += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

} // namespace fieldnotes::sync
