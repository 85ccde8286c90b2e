#include "concerncontroller.h"

#include "notestore.h"
#include "vaultsession.h"

#include <QLocale>

namespace fieldnotes::ui {

namespace {
const QString outsideTitle = QStringLiteral("Concerns raised outside a session");
}

ConcernController::ConcernController(QObject *parent) : QObject(parent) {}

void ConcernController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    m_session = session;
    emit sessionChanged();
}

QString ConcernController::guidance() const
{
    return tr("Share this with the review team leader immediately, before acting on it in any way. "
              "The team leader decides whether and how it is followed up. If a child may be in danger, "
              "tell the team leader now, in person or by phone.");
}

QString ConcernController::engagementOutsideSessions()
{
    NoteStore &store = m_session->vault()->store();
    auto engagements = store.engagements(m_session->reviewId());
    if (engagements)
        for (const Engagement &engagement : *engagements)
            if (engagement.outsideProgramme)
                return engagement.id;
    auto priorities = store.priorities(m_session->reviewId());
    Engagement outside;
    outside.reviewId = m_session->reviewId();
    outside.priorityId = priorities && !priorities->isEmpty() ? priorities->first().id : QString();
    outside.kind = EngagementKind::Meeting;
    outside.title = outsideTitle;
    outside.outsideProgramme = true;
    outside.scheduledStart = QDateTime::currentDateTimeUtc();
    outside.agreedMinutes = 1;
    auto added = store.addEngagement(outside);
    if (!added) {
        m_session->reportError(added.error());
        return {};
    }
    return added->id;
}

bool ConcernController::record(const QString &text, const QString &engagementId)
{
    if (!m_session || !m_session->vault())
        return false;
    if (text.trimmed().isEmpty()) {
        emit m_session->errorOccurred(tr("Write down what worried you before recording the concern."));
        return false;
    }
    if (m_session->reviewId().isEmpty() && engagementId.isEmpty()) {
        emit m_session->errorOccurred(tr("Create or open a review first."));
        return false;
    }
    const QString target = engagementId.isEmpty() ? engagementOutsideSessions() : engagementId;
    if (target.isEmpty())
        return false;
    Note concern;
    concern.engagementId = target;
    concern.kind = NoteKind::Concern;
    concern.text = text.trimmed();
    auto signedNotes = m_session->vault()->store().createAndSign({concern});
    if (!signedNotes) {
        m_session->reportError(signedNotes.error());
        return false;
    }
    m_lastSignedAt = QLocale().toString(signedNotes->first().content.signedAt.toLocalTime(), QLocale::ShortFormat);
    m_session->markNotesSigned({signedNotes->first().content.id});
    emit recorded();
    return true;
}

} // namespace fieldnotes::ui
