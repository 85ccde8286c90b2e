#include "refiqda.h"

#include "collectednotes.h"
#include "desknames.h"
#include "findings.h"
#include "signednote.h"
#include "syncencoding.h"
#include "vault.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryFile>
#include <QUuid>
#include <QXmlStreamWriter>

#include <zip.h>

namespace fieldnotes::sync {

namespace {

// GUIDs are UUIDv5 names under one namespace of our own: the same review gives the same project.
const QUuid fieldnotesNamespace = QUuid::createUuidV5(QUuid(), QStringLiteral("fieldnotes:refi-qda"));

QString guid(const QString &kind, const QString &name)
{
    return QUuid::createUuidV5(fieldnotesNamespace, kind + QLatin1Char(':') + name).toString(QUuid::WithoutBraces);
}

QString xmlDateTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

struct Variable {
    QString name;
    QString type; // Text, Boolean, DateTime
};

const QList<Variable> variables{{QStringLiteral("Priority"), QStringLiteral("Text")},
                                {QStringLiteral("Source"), QStringLiteral("Text")},
                                {QStringLiteral("Kind"), QStringLiteral("Text")},
                                {QStringLiteral("Tablet role"), QStringLiteral("Text")},
                                {QStringLiteral("Signed"), QStringLiteral("DateTime")},
                                {QStringLiteral("Evidence given"), QStringLiteral("Boolean")}};

void writeValue(QXmlStreamWriter &xml, const QString &variable, const QString &type, const QString &value)
{
    xml.writeStartElement(QStringLiteral("VariableValue"));
    xml.writeEmptyElement(QStringLiteral("VariableRef"));
    xml.writeAttribute(QStringLiteral("targetGUID"), guid(QStringLiteral("variable"), variable));
    xml.writeTextElement(type + QStringLiteral("Value"), value);
    xml.writeEndElement();
}

qint64 codePoints(const QString &text)
{
    return qint64(text.toUcs4().size());
}

} // namespace

Result<QByteArray> refiQdaProjectXml(Vault &vault, const QString &reviewId, QList<std::pair<QString, QByteArray>> *sourceFiles)
{
    auto names = deskNames(vault, reviewId);
    if (!names)
        return names.error();
    auto notes = CollectedNotes(vault, reviewId).list({}, CollectedOrder::Engagement);
    if (!notes)
        return notes.error();
    auto findings = EvidenceDesk(vault, reviewId).findings();
    if (!findings)
        return findings.error();
    QHash<QByteArray, QList<std::pair<Excerpt, QString>>> excerptsOf; // note hash -> (excerpt, finding id)
    for (const Finding &finding : std::as_const(*findings))
        for (const Support &support : finding.support)
            excerptsOf[support.excerpt.noteHash].append({support.excerpt, finding.id});

    const QString leader = guid(QStringLiteral("user"), QStringLiteral("team leader"));
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("urn:QDA-XML:project:1.0"));
    xml.writeStartElement(QStringLiteral("Project"));
    xml.writeAttribute(QStringLiteral("name"), names->review.title);
    xml.writeAttribute(QStringLiteral("origin"), QStringLiteral("Fieldnotes"));
    xml.writeAttribute(QStringLiteral("creatingUserGUID"), leader);
    xml.writeAttribute(QStringLiteral("creationDateTime"), xmlDateTime(vault.clock()()));

    xml.writeStartElement(QStringLiteral("Users"));
    xml.writeEmptyElement(QStringLiteral("User"));
    xml.writeAttribute(QStringLiteral("guid"), leader);
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Team leader"));
    xml.writeEndElement();

    // Priorities, each with its findings under it.
    xml.writeStartElement(QStringLiteral("CodeBook"));
    xml.writeStartElement(QStringLiteral("Codes"));
    for (const Priority &priority : std::as_const(names->priorities)) {
        xml.writeStartElement(QStringLiteral("Code"));
        xml.writeAttribute(QStringLiteral("guid"), guid(QStringLiteral("priority"), priority.id));
        xml.writeAttribute(QStringLiteral("name"), priority.title);
        xml.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("false"));
        xml.writeTextElement(QStringLiteral("Description"), QStringLiteral("A priority of the review"));
        for (const Finding &finding : std::as_const(*findings)) {
            if (finding.priorityId != priority.id)
                continue;
            xml.writeStartElement(QStringLiteral("Code"));
            xml.writeAttribute(QStringLiteral("guid"), guid(QStringLiteral("finding"), finding.id));
            xml.writeAttribute(QStringLiteral("name"), QStringLiteral("%1: %2").arg(finding.id, finding.statement));
            xml.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("true"));
            xml.writeTextElement(QStringLiteral("Description"),
                                 QStringLiteral("%1 finding, %2").arg(finding.kind == FindingKind::GoodPractice ? QStringLiteral("Good practice")
                                                                                                             : QStringLiteral("Area for development"),
                                                                       finding.substantiated ? QStringLiteral("substantiated")
                                                                                             : QStringLiteral("not yet substantiated")));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("Variables"));
    for (const Variable &variable : variables) {
        xml.writeEmptyElement(QStringLiteral("Variable"));
        xml.writeAttribute(QStringLiteral("guid"), guid(QStringLiteral("variable"), variable.name));
        xml.writeAttribute(QStringLiteral("name"), variable.name);
        xml.writeAttribute(QStringLiteral("typeOfVariable"), variable.type);
    }
    xml.writeEndElement();

    // Engagements as cases, each naming its notes.
    xml.writeStartElement(QStringLiteral("Cases"));
    for (const DeskEngagement &placed : std::as_const(names->engagements)) {
        xml.writeStartElement(QStringLiteral("Case"));
        xml.writeAttribute(QStringLiteral("guid"), guid(QStringLiteral("engagement"), placed.engagement.id));
        xml.writeAttribute(QStringLiteral("name"), placed.engagement.title);
        QStringList participants;
        for (const ParticipantGroup &group : placed.engagement.participants)
            participants << QStringLiteral("%1 × %2").arg(group.count).arg(group.role);
        xml.writeTextElement(QStringLiteral("Description"),
                             QStringLiteral("%1, %2").arg(engagementKindName(placed.engagement.kind),
                                                         participants.isEmpty() ? QStringLiteral("participants not recorded") : participants.join(QStringLiteral(", "))));
        writeValue(xml, QStringLiteral("Priority"), QStringLiteral("Text"), names->priorityTitle(placed.engagement.priorityId));
        writeValue(xml, QStringLiteral("Source"), QStringLiteral("Text"), names->sourceLabel(placed.source()));
        for (const CollectedNoteView &view : std::as_const(*notes)) {
            if (view.note.content.engagementId != placed.engagement.id)
                continue;
            xml.writeEmptyElement(QStringLiteral("SourceRef"));
            xml.writeAttribute(QStringLiteral("targetGUID"), guid(QStringLiteral("note"), toHex(view.note.hash)));
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();

    // Every note a text source; its excerpts coded with the findings they support.
    xml.writeStartElement(QStringLiteral("Sources"));
    for (const CollectedNoteView &view : std::as_const(*notes)) {
        const SignedNote &note = view.note;
        const QString hex = toHex(note.hash);
        const QString source = guid(QStringLiteral("note"), hex);
        xml.writeStartElement(QStringLiteral("TextSource"));
        xml.writeAttribute(QStringLiteral("guid"), source);
        xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Note %1").arg(hex.left(12)));
        xml.writeAttribute(QStringLiteral("plainTextPath"), QStringLiteral("internal://%1.txt").arg(source));
        xml.writeAttribute(QStringLiteral("creationDateTime"), xmlDateTime(note.content.signedAt));
        xml.writeTextElement(QStringLiteral("Description"),
                             QStringLiteral("Signed note, BLAKE2b-256 %1; signed %2 on a tablet of a %3; verdict when collected: %4")
                                 .arg(hex, canonicalTimestamp(note.content.signedAt), view.tabletRole, view.verdict));
        const qint64 length = codePoints(note.content.text);
        for (const auto &[excerpt, findingId] : excerptsOf.value(note.hash)) {
            xml.writeStartElement(QStringLiteral("PlainTextSelection"));
            xml.writeAttribute(QStringLiteral("guid"), guid(QStringLiteral("excerpt"), QStringLiteral("%1:%2:%3:%4").arg(findingId, hex).arg(excerpt.start).arg(excerpt.end)));
            xml.writeAttribute(QStringLiteral("startPosition"), QString::number(excerpt.start));
            xml.writeAttribute(QStringLiteral("endPosition"), QString::number(excerpt.end < 0 ? length : excerpt.end));
            xml.writeAttribute(QStringLiteral("creatingUser"), leader);
            xml.writeStartElement(QStringLiteral("Coding"));
            xml.writeAttribute(QStringLiteral("guid"), guid(QStringLiteral("coding"), QStringLiteral("%1:%2:%3").arg(findingId, hex).arg(excerpt.start)));
            xml.writeAttribute(QStringLiteral("creatingUser"), leader);
            xml.writeEmptyElement(QStringLiteral("CodeRef"));
            xml.writeAttribute(QStringLiteral("targetGUID"), guid(QStringLiteral("finding"), findingId));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        writeValue(xml, QStringLiteral("Priority"), QStringLiteral("Text"), names->priorityTitle(view.priorityId));
        writeValue(xml, QStringLiteral("Source"), QStringLiteral("Text"), names->sourceLabel(view.source));
        writeValue(xml, QStringLiteral("Kind"), QStringLiteral("Text"), noteKindName(note.content.kind));
        writeValue(xml, QStringLiteral("Tablet role"), QStringLiteral("Text"), view.tabletRole);
        writeValue(xml, QStringLiteral("Signed"), QStringLiteral("DateTime"), xmlDateTime(note.content.signedAt));
        writeValue(xml, QStringLiteral("Evidence given"), QStringLiteral("Boolean"), note.content.evidenceGiven ? QStringLiteral("true") : QStringLiteral("false"));
        xml.writeEndElement();
        if (sourceFiles)
            sourceFiles->append({QStringLiteral("sources/%1.txt").arg(source), note.content.text.toUtf8()});
    }
    xml.writeEndElement();

    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

Result<void> writeRefiQdaProject(Vault &vault, const QString &reviewId, const QString &path)
{
    QList<std::pair<QString, QByteArray>> files;
    auto project = refiQdaProjectXml(vault, reviewId, &files);
    if (!project)
        return project.error();
    files.prepend({QStringLiteral("project.qde"), *project});

    // Written beside `path` and renamed over it only when the ZIP is complete.
    QTemporaryFile partial(QFileInfo(path).absolutePath() + QStringLiteral("/.") + QFileInfo(path).fileName() + QStringLiteral(".partial-XXXXXX"));
    if (!partial.open())
        return Error{ErrorCode::Io, QStringLiteral("cannot write beside %1: %2").arg(path, partial.errorString())};
    partial.close();
    int failure = 0;
    zip_t *archive = zip_open(QFile::encodeName(partial.fileName()).constData(), ZIP_TRUNCATE, &failure);
    if (!archive)
        return Error{ErrorCode::Io, QStringLiteral("cannot start the ZIP at %1").arg(path)};
    for (const auto &[name, bytes] : std::as_const(files)) {
        // libzip reads the buffer at zip_close: `files` outlives it.
        zip_source_t *source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!source || zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            if (source)
                zip_source_free(source);
            const QString reason = QString::fromUtf8(zip_strerror(archive));
            zip_discard(archive);
            return Error{ErrorCode::Io, QStringLiteral("cannot add %1 to the ZIP: %2").arg(name, reason)};
        }
    }
    if (zip_close(archive) != 0) {
        const QString reason = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return Error{ErrorCode::Io, QStringLiteral("cannot finish the ZIP at %1: %2").arg(path, reason)};
    }
    QFile::remove(path);
    if (!QFile::rename(partial.fileName(), path))
        return Error{ErrorCode::Io, QStringLiteral("cannot move the finished project to %1").arg(path)};
    partial.setAutoRemove(false);
    return {};
}

} // namespace fieldnotes::sync
