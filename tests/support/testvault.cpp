#include "testvault.h"

#include "notestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstring>

namespace fieldnotes::test {

KdfParameters fastKdf()
{
    return KdfParameters{QStringLiteral("argon2id13"), 1, 1024 * 1024, {}}.withNewSalt();
}

VaultOptions fastOptions(Clock clock)
{
    return VaultOptions{std::move(clock), fastKdf()};
}

SecureBytes secret(const char *text)
{
    return SecureBytes::copyOf(text, std::strlen(text));
}

QMap<QString, QByteArray> fileDigests(const QString &directory)
{
    QMap<QString, QByteArray> digests;
    const QStringList names = QDir(directory).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        QFile file(directory + QLatin1Char('/') + name);
        if (file.open(QIODevice::ReadOnly))
            digests.insert(name, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return digests;
}

ScratchVault::ScratchVault(VaultOptions options)
{
    auto created = Vault::create(path(), secret("scratch passphrase"), std::move(options));
    if (!created)
        qFatal("cannot create a scratch vault: %s", qPrintable(created.error().message));
    vault = std::move(*created);
    NoteStore &store = vault->store();
    reviewId = store.addReview(Review{{}, QStringLiteral("Scratch review"), QDate(2026, 4, 19), QDate(2026, 4, 23)})->id;
    priorityId = store.addPriority(Priority{{}, reviewId, QStringLiteral("Attendance"), {}, {}})->id;
    Engagement engagement;
    engagement.priorityId = priorityId;
    engagement.kind = EngagementKind::Interview;
    engagement.scheduledStart = QDateTime(QDate(2026, 4, 19), QTime(10, 0), Qt::UTC);
    engagement.agreedMinutes = 45;
    engagementId = store.addEngagement(engagement)->id;
}

QString ScratchVault::addSignedNote(const QString &text, NoteKind kind)
{
    Note draft;
    draft.engagementId = engagementId;
    draft.kind = kind;
    draft.text = text;
    draft.evidenceAnswered = true; // "not asked": a statement is signed only once answered
    auto created = vault->store().createDraft(draft);
    if (!created)
        qFatal("createDraft: %s", qPrintable(created.error().message));
    auto signedNote = vault->store().signDraft(created->id);
    if (!signedNote)
        qFatal("signDraft: %s", qPrintable(signedNote.error().message));
    return created->id;
}

} // namespace fieldnotes::test
