#include "noteverifier.h"

#include "sodiumruntime.h"

#include <QMap>

#include <sodium.h>

namespace fieldnotes {

namespace {
bool signatureHolds(const SignedNote &note, const QByteArray &key)
{
    return note.signature.size() == crypto_sign_BYTES && key.size() == crypto_sign_PUBLICKEYBYTES
        && crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(note.signature.constData()),
                                       reinterpret_cast<const unsigned char *>(note.canonical.constData()),
                                       static_cast<unsigned long long>(note.canonical.size()),
                                       reinterpret_cast<const unsigned char *>(key.constData()))
        == 0;
}
} // namespace

QStringList NoteVerification::describe() const
{
    const QString who = QStringLiteral("note %1 (sequence %2)").arg(noteId).arg(sequence);
    QStringList lines;
    if (problems & NoteProblem::BadSignature)
        lines << who + QStringLiteral(": bad signature");
    if (problems & NoteProblem::AlteredContent)
        lines << who + QStringLiteral(": altered content: ") + alteredFields.join(QStringLiteral(", "));
    if (problems & NoteProblem::BrokenChain)
        lines << who + QStringLiteral(": broken chain: previous_hash does not match the author's previous note");
    if (problems & NoteProblem::MissingSequence) {
        QStringList numbers;
        for (qint64 n : missingBefore)
            numbers << QString::number(n);
        lines << who + QStringLiteral(": missing sequence numbers before it: ") + numbers.join(QStringLiteral(", "));
    }
    if (problems & NoteProblem::DuplicateSequence)
        lines << who + QStringLiteral(": duplicate sequence number");
    if (problems & NoteProblem::UnknownAuthor)
        lines << who + QStringLiteral(": signed by a key that is not trusted");
    if (problems & NoteProblem::UnvouchedRemoval)
        lines << who + QStringLiteral(": its content was removed and nothing signed is left to check; no team leader's "
                                      "signed statement vouches for its hash here");
    return lines;
}

bool VerificationReport::allValid() const
{
    for (const NoteVerification &note : notes)
        if (!note.isValid())
            return false;
    return true;
}

QByteArray removalVouchKey(const QByteArray &authorKey, qint64 sequence, const QByteArray &noteHash)
{
    return authorKey.toHex() + ' ' + QByteArray::number(sequence) + ' ' + noteHash.toHex();
}

VerificationReport verifyNotes(const QList<SignedNote> &notes, const QList<QByteArray> &trustedKeys,
                               const QSet<QByteArray> &vouchedRemovals)
{
    ensureSodiumInitialised();
    VerificationReport report;
    report.notes.reserve(notes.size());

    // What was signed, per note, where it can be read: the chain is judged on signed values only.
    QList<std::optional<SignedNoteContent>> signedContent;
    QList<QByteArray> actualHashes;
    signedContent.reserve(notes.size());
    actualHashes.reserve(notes.size());
    for (const SignedNote &note : notes) {
        NoteVerification verdict;
        verdict.noteId = note.content.id;
        verdict.authorKey = note.content.authorKey;
        verdict.sequence = note.content.sequence;
        if (!trustedKeys.contains(note.content.authorKey))
            verdict.problems |= NoteProblem::UnknownAuthor;
        if (note.contentRemoved()) {
            // Nothing signed is left to check. Only the team leader's signed word that they hold
            // exactly this note lets it keep its place in the chain by its hash; anything else
            // could have been invented.
            verdict.contentRemoved = true;
            if (!vouchedRemovals.contains(removalVouchKey(note.content.authorKey, note.content.sequence, note.hash)))
                verdict.problems |= NoteProblem::UnvouchedRemoval;
            actualHashes << note.hash;
            signedContent << std::nullopt;
            report.notes << verdict;
            continue;
        }
        if (!signatureHolds(note, note.content.authorKey))
            verdict.problems |= NoteProblem::BadSignature;

        std::optional<SignedNoteContent> decoded = decodeCanonicalNote(note.canonical);
        if (!decoded) {
            verdict.problems |= NoteProblem::AlteredContent;
            verdict.alteredFields << QStringLiteral("canonical");
        } else {
            verdict.alteredFields = differingFields(*decoded, note.content);
        }
        actualHashes << noteHash(note.canonical, note.signature);
        if (note.hash != actualHashes.last())
            verdict.alteredFields << QStringLiteral("hash");
        if (!verdict.alteredFields.isEmpty())
            verdict.problems |= NoteProblem::AlteredContent;
        // Only a note whose signature holds may vouch for a chain.
        signedContent << (verdict.problems & NoteProblem::BadSignature ? std::nullopt : decoded);
        report.notes << verdict;
    }

    // Per author: index of notes by sequence number.
    QHash<QByteArray, QMap<qint64, QList<int>>> byAuthor;
    for (int i = 0; i < notes.size(); ++i) {
        const auto &content = signedContent[i] ? *signedContent[i] : notes[i].content;
        byAuthor[content.authorKey][content.sequence] << i;
    }
    for (auto author = byAuthor.cbegin(); author != byAuthor.cend(); ++author) {
        const QMap<qint64, QList<int>> &sequences = author.value();
        QList<qint64> missing;
        qint64 expected = 1;
        for (auto entry = sequences.cbegin(); entry != sequences.cend(); ++entry) {
            const qint64 sequence = entry.key();
            QList<qint64> gap;
            for (qint64 n = expected; n < sequence; ++n)
                gap << n;
            missing << gap;
            expected = sequence + 1;
            for (int index : entry.value()) {
                NoteVerification &verdict = report.notes[index];
                if (entry.value().size() > 1)
                    verdict.problems |= NoteProblem::DuplicateSequence;
                if (!gap.isEmpty() || sequence < 1) {
                    verdict.problems |= NoteProblem::MissingSequence;
                    verdict.missingBefore = gap;
                }
                const auto &content = signedContent[index] ? *signedContent[index] : notes[index].content;
                if (sequence == 1) {
                    if (!content.previousHash.isEmpty())
                        verdict.problems |= NoteProblem::BrokenChain;
                    continue;
                }
                const auto previous = sequences.constFind(sequence - 1);
                if (previous == sequences.cend())
                    continue; // reported as missing; nothing to chain to
                bool linked = false;
                for (int before : previous.value())
                    linked = linked || actualHashes[before] == content.previousHash;
                if (!linked)
                    verdict.problems |= NoteProblem::BrokenChain;
            }
        }
        if (!missing.isEmpty())
            report.missingSequences.insert(author.key(), missing);
    }
    return report;
}

} // namespace fieldnotes
