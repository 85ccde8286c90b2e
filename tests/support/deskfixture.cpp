#include "deskfixture.h"

#include "devicesync.h"
#include "guardedtcpserver.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "testvault.h"
#include "vault.h"

namespace fieldnotes::test {

InProcessArchive::InProcessArchive(const QString &directory, Clock storeClock)
{
    auto opened = sync::ArchiveStore::open(directory, secret("archive"), fastKdf(), std::move(storeClock));
    if (!opened)
        qFatal("the archive store did not open: %s", qPrintable(opened.error().message));
    store = std::move(*opened);
    service = std::make_unique<sync::ArchiveService>(*store);
    http = std::make_unique<sync::ArchiveHttpServer>(*service);
    auto *listener = new sync::GuardedTcpServer(sync::ConnectionGuard::Limits{}, std::nullopt, http.get());
    if (!listener->listen(QHostAddress::LocalHost))
        qFatal("the archive could not listen on 127.0.0.1");
    http->bind(listener);
    url = QStringLiteral("http://127.0.0.1:%1").arg(listener->serverPort());
}

QString addEngagement(NoteStore &store, const QString &reviewId, const QString &priorityId, const QString &title, EngagementKind kind,
                      QList<ParticipantGroup> participants)
{
    Engagement engagement;
    engagement.reviewId = reviewId;
    engagement.priorityId = priorityId;
    engagement.kind = kind;
    engagement.title = title;
    engagement.scheduledStart = QDateTime(QDate(2026, 4, 20), QTime(9, 0), Qt::UTC);
    engagement.agreedMinutes = 45;
    engagement.participants = std::move(participants);
    auto added = store.addEngagement(engagement);
    if (!added)
        qFatal("addEngagement: %s", qPrintable(added.error().message));
    return added->id;
}

Result<QByteArray> signNote(Vault &tablet, const QString &engagementId, NoteKind kind, const QString &text, bool evidenceAsked,
                            bool evidenceGiven)
{
    Note draft;
    draft.engagementId = engagementId;
    draft.kind = kind;
    draft.text = text;
    draft.evidenceAsked = evidenceAsked || evidenceGiven;
    draft.evidenceGiven = evidenceGiven;
    draft.evidenceAnswered = true;
    auto created = tablet.store().createDraft(draft);
    if (!created)
        return created.error();
    auto signedNote = tablet.store().signDraft(created->id);
    if (!signedNote)
        return signedNote.error();
    return signedNote->hash;
}

Result<void> enrolTablet(Vault &leader, const QString &reviewId, Vault &tablet, const QString &role, const QString &label)
{
    sync::LeaderDesk desk(leader);
    auto code = desk.invite(reviewId, 1);
    if (!code)
        return code.error();
    if (auto joined = sync::DeviceSync(tablet).join(*code, role, label); !joined)
        return joined.error();
    if (auto asked = sync::DeviceSync(tablet).syncOnce(); !asked)
        return asked.error();
    auto approved = desk.approve(reviewId);
    if (!approved)
        return approved.error();
    if (approved->size() != 1)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 tablets approved, not 1").arg(approved->size())};
    auto enrolled = sync::DeviceSync(tablet).syncOnce();
    if (!enrolled)
        return enrolled.error();
    if (enrolled->enrolmentState != QLatin1String("enrolled"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the tablet is %1, not enrolled").arg(enrolled->enrolmentState)};
    return {};
}

} // namespace fieldnotes::test
