#include "evidencebundle.h"

#include "collectednotes.h"
#include "concernfollowups.h"
#include "desknames.h"
#include "findings.h"
#include "leaderdesk.h"
#include "noteverifier.h"
#include "reportversions.h"
#include "roster.h"
#include "rosterentry.h"
#include "signednote.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "vault.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentMap>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {

const QByteArray bagitTxt = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

QByteArray digestHex(const QByteArray &bytes, bool sha512)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    if (sha512) {
        QByteArray digest(crypto_hash_sha512_BYTES, Qt::Uninitialized);
        crypto_hash_sha512(reinterpret_cast<unsigned char *>(digest.data()), data, quint64(bytes.size()));
        return digest.toHex();
    }
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()), data, quint64(bytes.size()));
    return digest.toHex();
}

QByteArray manifestOf(const QMap<QString, QByteArray> &files, bool sha512)
{
    QByteArray manifest;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        manifest += digestHex(it.value(), sha512) + "  " + it.key().toUtf8() + '\n';
    return manifest;
}

QByteArray readable(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

std::optional<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

/// "<digest>  <path>" lines; nullopt for a line that is not one.
std::optional<QList<std::pair<QByteArray, QString>>> parseManifest(const QByteArray &text)
{
    QList<std::pair<QByteArray, QString>> lines;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            return std::nullopt;
        lines.append({line.left(space), QString::fromUtf8(line.mid(space).trimmed())});
    }
    return lines;
}

} // namespace

Result<BundleSummary> writeEvidenceBundle(Vault &vault, const QString &reviewId, const QString &directory)
{
    const QFileInfo target(directory);
    if (target.exists())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 already exists: a bundle is written to a new folder").arg(directory)};
    auto keys = SyncStore(vault).reviewKeys(reviewId);
    if (!keys)
        return whileReading("the review keys", keys.error());
    if (!*keys)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault does not lead review %1, so it holds no key to sign the bundle with").arg(reviewId)};
    if ((*keys)->isDeputy())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("an evidence bundle is signed with the review's key: the team leader's (or a vault "
                                                                "restored from the recovery kit), not a deputy's")};

    QMap<QString, QByteArray> payload; // path in the bag -> bytes

    // The review, its priorities and sources, and the key everything is checked against.
    auto names = deskNames(vault, reviewId);
    if (!names)
        return names.error();
    const Review &review = names->review;
    QJsonArray priorityArray;
    for (const Priority &priority : std::as_const(names->priorities))
        priorityArray.append(QJsonObject{{QStringLiteral("id"), priority.id},
                                         {QStringLiteral("title"), priority.title},
                                         {QStringLiteral("lines_of_enquiry"), QJsonArray::fromStringList(priority.linesOfEnquiry)}});
    QJsonArray sourceArray;
    for (const Source &source : std::as_const(names->sources))
        sourceArray.append(QJsonObject{{QStringLiteral("id"), source.id}, {QStringLiteral("label"), source.label}});
    payload.insert(QStringLiteral("data/review.json"),
                   readable(QJsonObject{{QStringLiteral("review_id"), reviewId},
                                        {QStringLiteral("title"), review.title},
                                        {QStringLiteral("start"), review.startDate.toString(Qt::ISODate)},
                                        {QStringLiteral("end"), review.endDate.toString(Qt::ISODate)},
                                        {QStringLiteral("review_key"), toHex((*keys)->signingPublic)},
                                        {QStringLiteral("priorities"), priorityArray},
                                        {QStringLiteral("sources"), sourceArray}}));
    payload.insert(QStringLiteral("data/review-key.pem"), ed25519PublicKeyPem((*keys)->signingPublic));

    auto roster = SyncStore(vault).rosterEntries(reviewId);
    if (!roster)
        return whileReading("the roster", roster.error());
    QJsonArray rosterArray;
    for (const RosterEntry &entry : std::as_const(*roster))
        rosterArray.append(entry.toJson());
    payload.insert(QStringLiteral("data/roster.json"), readable(rosterArray));

    // Every collected note: what was signed, the signature, and a readable copy.
    auto notes = SyncStore(vault).collectedNotes(reviewId);
    if (!notes)
        return whileReading("the collected notes", notes.error());
    for (const SignedNote &note : std::as_const(*notes)) {
        const QString stem = QStringLiteral("data/notes/") + toHex(note.hash);
        payload.insert(stem + QStringLiteral(".cbor"), note.canonical);
        payload.insert(stem + QStringLiteral(".sig"), note.signature);
        payload.insert(stem + QStringLiteral(".json"), readable(signedNoteToJson(note)));
    }

    // The engagements as tablets signed them.
    auto records = queryList<QString>(
        vault.database(), "SELECT record FROM collected_engagements WHERE review_id = ?1 ORDER BY recorded_at, hash",
        [&](SqlStatement &s) { s.bind(1, reviewId); }, [](const SqlStatement &row) { return row.text(0); });
    if (!records)
        return whileReading("the engagements' records", records.error());
    QJsonArray recordArray;
    for (const QString &record : std::as_const(*records))
        recordArray.append(QJsonDocument::fromJson(record.toUtf8()).object());
    payload.insert(QStringLiteral("data/engagement-records.json"), readable(recordArray));

    auto followUps = concernFollowUps(vault, reviewId);
    if (!followUps)
        return whileReading("the concern follow-ups", followUps.error());
    QJsonArray followUpArray;
    for (const ConcernFollowUp &followUp : std::as_const(*followUps))
        followUpArray.append(followUp.toJson());
    payload.insert(QStringLiteral("data/concern-followups.json"), readable(followUpArray));

    // Findings and the excerpts of signed notes they rest on; recommendations.
    EvidenceDesk desk(vault, reviewId);
    auto findings = desk.findings();
    if (!findings)
        return whileReading("the findings", findings.error());
    QJsonArray findingArray;
    for (const Finding &finding : std::as_const(*findings)) {
        QJsonArray support;
        for (const Support &link : finding.support)
            support.append(QJsonObject{{QStringLiteral("note"), toHex(link.excerpt.noteHash)},
                                       {QStringLiteral("from"), link.excerpt.start},
                                       {QStringLiteral("to"), link.excerpt.end},
                                       {QStringLiteral("words"), link.words},
                                       {QStringLiteral("source"), link.source}});
        findingArray.append(QJsonObject{{QStringLiteral("id"), finding.id},
                                        {QStringLiteral("priority"), finding.priorityId},
                                        {QStringLiteral("kind"), findingKindName(finding.kind)},
                                        {QStringLiteral("statement"), finding.statement},
                                        {QStringLiteral("substantiated"), finding.substantiated},
                                        {QStringLiteral("sources"), QJsonArray::fromStringList(finding.sources)},
                                        {QStringLiteral("support"), support}});
    }
    auto recommendations = desk.recommendations();
    if (!recommendations)
        return whileReading("the recommendations", recommendations.error());
    QJsonArray recommendationArray;
    for (const Recommendation &recommendation : std::as_const(*recommendations))
        recommendationArray.append(QJsonObject{{QStringLiteral("id"), recommendation.id},
                                               {QStringLiteral("priority"), recommendation.priorityId},
                                               {QStringLiteral("text"), recommendation.text},
                                               {QStringLiteral("findings"), QJsonArray::fromStringList(recommendation.findingIds)}});
    payload.insert(QStringLiteral("data/findings.json"),
                   readable(QJsonObject{{QStringLiteral("findings"), findingArray}, {QStringLiteral("recommendations"), recommendationArray}}));

    // Every issued version of the report, as issued, and the consultation on the draft.
    ReportVersions reports(vault, reviewId);
    auto issued = reports.versions();
    if (!issued)
        return whileReading("the report versions", issued.error());
    for (const IssuedReport &version : std::as_const(*issued)) {
        const QString stem = QStringLiteral("data/reports/") + version.fileStem();
        payload.insert(stem + QStringLiteral(".html"), version.html);
        payload.insert(stem + QStringLiteral(".html.sig"), version.htmlSignature);
        payload.insert(stem + QStringLiteral(".pdf"), version.pdf);
        payload.insert(stem + QStringLiteral(".pdf.sig"), version.pdfSignature);
    }
    auto responses = reports.responses();
    if (!responses)
        return whileReading("the consultation", responses.error());
    QJsonArray responseArray;
    for (const ConsultationResponse &response : std::as_const(*responses))
        responseArray.append(QJsonObject{{QStringLiteral("version"), response.version}, {QStringLiteral("finding"), response.findingId},
                                         {QStringLiteral("from"), response.responderRole}, {QStringLiteral("said"), response.said},
                                         {QStringLiteral("decision"), response.decision}, {QStringLiteral("reason"), response.reason},
                                         {QStringLiteral("recorded_at"), canonicalTimestamp(response.recordedAt)}});
    payload.insert(QStringLiteral("data/consultation.json"), readable(responseArray));

    // What the archive may do with the envelopes that carried these notes, in the leader's signed
    // words: keep them (the default), or remove them once the period set has passed.
    QSet<QByteArray> noteHashes;
    for (const SignedNote &note : std::as_const(*notes))
        noteHashes.insert(note.hash);
    LeaderDesk leaderDesk(vault);
    auto retentionDays = leaderDesk.archiveRetentionDays(reviewId);
    if (!retentionDays)
        return whileReading("the archive's retention period", retentionDays.error());
    auto archived = leaderDesk.signArchivedStatements(reviewId, noteHashes);
    if (!archived)
        return whileReading("the envelopes collected", archived.error());
    QJsonArray statementArray;
    int archivedNotes = 0;
    for (const ArchivedStatement &statement : std::as_const(*archived)) {
        statementArray.append(statement.toJson());
        archivedNotes += int(statement.envelopes.size());
    }
    const QDateTime removeAfter = archived->isEmpty() ? QDateTime() : archived->front().at;
    payload.insert(QStringLiteral("data/archive-retention.json"),
                   readable(QJsonObject{{QStringLiteral("retention_days"), *retentionDays},
                                        {QStringLiteral("remove_after"), removeAfter.isValid() ? QJsonValue(canonicalTimestamp(removeAfter)) : QJsonValue()},
                                        {QStringLiteral("statements"), statementArray}}));
    const QByteArray retentionLine = archived->isEmpty()
        ? QByteArray("Archive-Retention: the archive keeps every envelope\n")
        : "Archive-Retention: the archive may remove the envelopes of " + QByteArray::number(archivedNotes) + " notes after "
              + canonicalTimestamp(removeAfter).toUtf8() + " (data/archive-retention.json, signed by the review key)\n";

    // The tag files.
    qint64 octets = 0;
    for (const QByteArray &bytes : std::as_const(payload))
        octets += bytes.size();
    const QByteArray bagInfo = "Bag-Software-Agent: Fieldnotes\n"
                               "Bagging-Date: " + QDate::currentDate().toString(Qt::ISODate).toUtf8() + "\n"
                               "External-Identifier: " + reviewId.toUtf8() + "\n"
                               "External-Description: " + review.title.simplified().toUtf8() + ": the signed evidence of the review\n"
                               "Review-Week: " + review.startDate.toString(Qt::ISODate).toUtf8() + " to " + review.endDate.toString(Qt::ISODate).toUtf8() + "\n"
                               "Review-Key: " + toHex((*keys)->signingPublic).toUtf8() + "\n"
                               "Notes: " + QByteArray::number(notes->size()) + "\n" + retentionLine +
                               "Payload-Oxum: " + QByteArray::number(octets) + "." + QByteArray::number(payload.size()) + "\n";
    QMap<QString, QByteArray> tags{{QStringLiteral("bagit.txt"), bagitTxt},
                                   {QStringLiteral("bag-info.txt"), bagInfo},
                                   {QStringLiteral("manifest-sha256.txt"), manifestOf(payload, false)},
                                   {QStringLiteral("manifest-sha512.txt"), manifestOf(payload, true)}};
    const QByteArray tagManifest = manifestOf(tags, false);
    tags.insert(QStringLiteral("tagmanifest-sha256.txt"), tagManifest);
    tags.insert(QStringLiteral("tagmanifest-sha256.txt.sig"), signDetached(tagManifest, (*keys)->signingSecret));

    // Built beside the target, then renamed into place whole.
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent))
        return Error{ErrorCode::Io, QStringLiteral("cannot make the folder %1").arg(parent)};
    QTemporaryDir building(parent + QStringLiteral("/.") + target.fileName() + QStringLiteral(".incomplete-XXXXXX"));
    if (!building.isValid())
        return Error{ErrorCode::Io, QStringLiteral("cannot write in %1: %2").arg(parent, building.errorString())};
    QMap<QString, QByteArray> all = payload;
    all.insert(tags);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const QString path = building.filePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error{ErrorCode::Io, QStringLiteral("cannot make the folder for %1").arg(it.key())};
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size() || !file.flush())
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(it.key(), file.errorString())};
    }
    if (!QDir().rename(building.path(), target.absoluteFilePath()))
        return Error{ErrorCode::Io, QStringLiteral("cannot move the finished bundle to %1").arg(directory)};
    building.setAutoRemove(false);
    // Kept to send to the archive only now that the bundle holding the notes exists.
    if (auto kept = leaderDesk.keepArchivedStatements(reviewId, *archived); !kept)
        return Error{kept.error().code, QStringLiteral("the bundle is written, but the statement for the archive could not be kept: %1").arg(kept.error().message)};
    return BundleSummary{target.absoluteFilePath(), int(notes->size()), int(payload.size()), archivedNotes, removeAfter};
}

BundleCheck verifyEvidenceBundle(const QString &directory, const QByteArray &expectedReviewKey)
{
    BundleCheck check;
    if (!QFileInfo(directory).isDir()) {
        check.problems << QStringLiteral("%1 is not a folder").arg(directory);
        return check;
    }
    const QDir bag(directory);
    const auto problem = [&](const QString &text) { check.problems << text; };

    if (readFile(bag.filePath(QStringLiteral("bagit.txt"))) != bagitTxt)
        problem(QStringLiteral("bagit.txt is missing or is not a BagIt 1.0 declaration"));

    // Every payload file in both manifests, each digest as listed, and nothing unlisted.
    // Each payload file is read and digested once, files across the cores; every check below
    // works on these bytes.
    struct PayloadFile {
        QString path;
        QByteArray bytes;
        QByteArray sha256;
        QByteArray sha512;
    };
    QStringList paths;
    QDirIterator files(bag.filePath(QStringLiteral("data")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext())
        paths << files.next();
    const QList<PayloadFile> read = QtConcurrent::blockingMapped(paths, [&bag](const QString &path) {
        PayloadFile file{bag.relativeFilePath(path), readFile(path).value_or(QByteArray()), {}, {}};
        file.sha256 = digestHex(file.bytes, false);
        file.sha512 = digestHex(file.bytes, true);
        return file;
    });
    QHash<QString, QByteArray> payload;
    QHash<QString, QByteArray> digests[2]; // SHA-256, SHA-512
    payload.reserve(read.size());
    digests[0].reserve(read.size());
    digests[1].reserve(read.size());
    qint64 octets = 0;
    for (const PayloadFile &file : read) {
        payload.insert(file.path, file.bytes);
        digests[0].insert(file.path, file.sha256);
        digests[1].insert(file.path, file.sha512);
        octets += file.bytes.size();
    }
    const QList<QString> present = payload.keys();
    const auto contentOf = [&](const QString &path) -> std::optional<QByteArray> {
        const auto found = payload.constFind(path);
        return found == payload.cend() ? std::nullopt : std::optional(found.value());
    };
    check.files = int(present.size());
    for (const bool sha512 : {false, true}) {
        const QString name = sha512 ? QStringLiteral("manifest-sha512.txt") : QStringLiteral("manifest-sha256.txt");
        const auto text = readFile(bag.filePath(name));
        const auto lines = text ? parseManifest(*text) : std::nullopt;
        if (!lines) {
            problem(QStringLiteral("%1 is missing or not a manifest").arg(name));
            continue;
        }
        QSet<QString> listed;
        for (const auto &[digest, path] : *lines) {
            listed.insert(path);
            if (!path.startsWith(QLatin1String("data/")) || path.contains(QLatin1String(".."))) {
                problem(QStringLiteral("%1 lists %2, which is not in the payload").arg(name, path));
                continue;
            }
            const auto found = digests[sha512 ? 1 : 0].constFind(path);
            if (found == digests[sha512 ? 1 : 0].cend())
                problem(QStringLiteral("%1 is listed in %2 but missing").arg(path, name));
            else if (found.value() != digest)
                problem(QStringLiteral("%1 has changed: its %2 digest is not the one in %3").arg(path, sha512 ? QStringLiteral("SHA-512") : QStringLiteral("SHA-256"), name));
        }
        for (const QString &path : present)
            if (!listed.contains(path))
                problem(QStringLiteral("%1 is in the payload but not in %2").arg(path, name));
    }
    const auto bagInfo = readFile(bag.filePath(QStringLiteral("bag-info.txt")));
    const QByteArray oxum = "Payload-Oxum: " + QByteArray::number(octets) + "." + QByteArray::number(present.size());
    if (!bagInfo || !bagInfo->split('\n').contains(oxum))
        problem(QStringLiteral("bag-info.txt is missing or its Payload-Oxum is not %1.%2").arg(octets).arg(present.size()));

    // The tag manifest, and the review key's signature over it.
    const auto tagManifest = readFile(bag.filePath(QStringLiteral("tagmanifest-sha256.txt")));
    const auto tagLines = tagManifest ? parseManifest(*tagManifest) : std::nullopt;
    if (!tagLines) {
        problem(QStringLiteral("tagmanifest-sha256.txt is missing or not a manifest"));
    } else {
        for (const auto &[digest, path] : *tagLines) {
            const auto bytes = readFile(bag.filePath(path));
            if (!bytes || path.contains(QLatin1Char('/')))
                problem(QStringLiteral("%1 is listed in tagmanifest-sha256.txt but missing").arg(path));
            else if (digestHex(*bytes, false) != digest)
                problem(QStringLiteral("%1 has changed: its SHA-256 digest is not the one in tagmanifest-sha256.txt").arg(path));
        }
    }
    const auto reviewJson = contentOf(QStringLiteral("data/review.json"));
    const QJsonObject review = reviewJson ? QJsonDocument::fromJson(*reviewJson).object() : QJsonObject();
    check.reviewKey = fromHex(review.value(QStringLiteral("review_key")).toString(), crypto_sign_PUBLICKEYBYTES).value_or(QByteArray());
    if (check.reviewKey.isEmpty())
        problem(QStringLiteral("data/review.json does not name the review key"));
    if (!expectedReviewKey.isEmpty() && check.reviewKey != expectedReviewKey)
        problem(QStringLiteral("the bundle is signed by review key %1, not the one expected (%2)")
                    .arg(toHex(check.reviewKey).left(16), toHex(expectedReviewKey).left(16)));
    const auto tagSignature = readFile(bag.filePath(QStringLiteral("tagmanifest-sha256.txt.sig")));
    if (!tagManifest || !tagSignature || !verifyDetached(*tagSignature, *tagManifest, check.reviewKey))
        problem(QStringLiteral("tagmanifest-sha256.txt.sig: the review key's signature over the tag manifest does not hold"));

    // The signed roster names the tablets whose notes count.
    QList<QByteArray> tablets;
    QHash<QByteArray, QString> tabletNames;
    const auto rosterJson = contentOf(QStringLiteral("data/roster.json"));
    QList<RosterEntry> entries;
    bool rosterReadable = rosterJson.has_value();
    for (const QJsonValue &value : QJsonDocument::fromJson(rosterJson.value_or(QByteArray())).array()) {
        auto entry = RosterEntry::fromJson(value.toObject());
        if (!entry) {
            rosterReadable = false;
            break;
        }
        entries.append(*entry);
    }
    if (!rosterReadable || !Roster::fromEntries(entries, check.reviewKey)) {
        problem(QStringLiteral("data/roster.json is not the review's signed roster"));
    } else {
        for (const RosterEntry &entry : std::as_const(entries)) {
            if (entry.type == RosterEntry::Type::Member) {
                tablets << entry.deviceKey;
                tabletNames.insert(entry.deviceKey, QStringLiteral("%1 (%2)").arg(entry.label, entry.role));
            }
        }
    }

    // Every note: its signature, its hash as its name, and every tablet's chain complete.
    // Decoded and hashed across the cores, like the files above.
    QStringList notePaths;
    for (const QString &path : present)
        if (path.startsWith(QLatin1String("data/notes/")) && path.endsWith(QLatin1String(".cbor")))
            notePaths << path;
    struct NoteFile {
        QString name;
        std::optional<SignedNote> note;
    };
    const QList<NoteFile> noteFiles = QtConcurrent::blockingMapped(notePaths, [&contentOf](const QString &path) {
        const QString stem = path.chopped(5);
        NoteFile file{stem.mid(11), std::nullopt};
        SignedNote note;
        note.canonical = contentOf(path).value_or(QByteArray());
        note.signature = contentOf(stem + QStringLiteral(".sig")).value_or(QByteArray());
        if (auto content = decodeCanonicalNote(note.canonical)) {
            note.content = std::move(*content);
            note.hash = noteHash(note.canonical, note.signature);
            file.note = std::move(note);
        }
        return file;
    });
    QList<SignedNote> notes;
    QSet<QString> noteNames;
    notes.reserve(noteFiles.size());
    noteNames.reserve(noteFiles.size());
    for (qsizetype i = 0; i < noteFiles.size(); ++i) {
        const NoteFile &file = noteFiles.at(i);
        noteNames.insert(file.name);
        if (!file.note) {
            problem(QStringLiteral("note %1: %2 is not a signed note's canonical bytes").arg(file.name.left(12), notePaths.at(i)));
            continue;
        }
        if (toHex(file.note->hash) != file.name)
            problem(QStringLiteral("note %1: its bytes and signature do not hash to its name").arg(file.name.left(12)));
        notes.append(*file.note);
    }
    check.notes = int(notes.size());
    // Chains are per tablet, so each tablet's notes are checked on their own, tablets in
    // parallel: signature checks are most of a bundle's verification.
    QHash<QByteArray, QList<SignedNote>> byTablet;
    for (const SignedNote &note : std::as_const(notes))
        byTablet[note.content.authorKey].append(note);
    const QList<QList<SignedNote>> groups = byTablet.values();
    const QList<VerificationReport> reports =
        QtConcurrent::blockingMapped(groups, [&tablets](const QList<SignedNote> &group) { return verifyNotes(group, tablets); });
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype i = 0; i < reports.at(g).notes.size(); ++i) {
            const NoteVerification &verdict = reports.at(g).notes.at(i);
            if (!verdict.isValid())
                problem(QStringLiteral("note %1 (number %2 of %3): %4")
                            .arg(toHex(groups.at(g).at(i).hash).left(12))
                            .arg(verdict.sequence)
                            .arg(tabletNames.value(verdict.authorKey, QStringLiteral("a tablet not on the roster")),
                                 verdict.describe().join(QStringLiteral("; "))));
        }
    }

    // Every note a finding rests on is in the bag.
    const auto findingsJson = contentOf(QStringLiteral("data/findings.json"));
    if (!findingsJson) {
        problem(QStringLiteral("data/findings.json is missing"));
    } else {
        for (const QJsonValue &finding : QJsonDocument::fromJson(*findingsJson).object().value(QStringLiteral("findings")).toArray())
            for (const QJsonValue &link : finding.toObject().value(QStringLiteral("support")).toArray())
                if (!noteNames.contains(link.toObject().value(QStringLiteral("note")).toString()))
                    problem(QStringLiteral("finding %1 rests on note %2, which is not in the bag")
                                .arg(finding.toObject().value(QStringLiteral("id")).toString(),
                                     link.toObject().value(QStringLiteral("note")).toString().left(12)));
    }

    // What the archive may remove: statements signed by the review key, naming only notes in the bag.
    if (const auto retention = contentOf(QStringLiteral("data/archive-retention.json"))) {
        const QJsonObject object = QJsonDocument::fromJson(*retention).object();
        for (const QJsonValue &value : object.value(QStringLiteral("statements")).toArray()) {
            auto statement = ArchivedStatement::fromJson(value.toObject());
            if (!statement || statement->reviewId != review.value(QStringLiteral("review_id")).toString() || !statement->verify(check.reviewKey)) {
                problem(QStringLiteral("data/archive-retention.json: a statement for the archive is not signed by the review key"));
                continue;
            }
            for (const EnvelopeRef &envelope : std::as_const(statement->envelopes))
                if (!noteNames.contains(toHex(envelope.noteHash)))
                    problem(QStringLiteral("data/archive-retention.json lets the archive remove note %1, which is not in the bag")
                                .arg(toHex(envelope.noteHash).left(12)));
        }
    }

    // Every issued report version, signed by the review key.
    for (const QString &path : present) {
        if (!path.startsWith(QLatin1String("data/reports/")) || path.endsWith(QLatin1String(".sig")))
            continue;
        const auto bytes = contentOf(path);
        const auto signature = contentOf(path + QStringLiteral(".sig"));
        if (!bytes || !signature || !verifyDetached(*signature, *bytes, check.reviewKey))
            problem(QStringLiteral("%1: the review key's signature over it does not hold").arg(path));
    }
    return check;
}

} // namespace fieldnotes::sync
