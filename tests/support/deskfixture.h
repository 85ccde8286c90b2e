#pragma once

#include "archivehttpserver.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "clock.h"
#include "engagement.h"
#include "error.h"
#include "notekind.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace fieldnotes {
class NoteStore;
class Vault;
}

namespace fieldnotes::test {

/// A real archive (store, protocol service, guarded HTTP front) listening on 127.0.0.1 in this
/// process, its data in `directory`.
struct InProcessArchive {
    std::unique_ptr<sync::ArchiveStore> store;
    std::unique_ptr<sync::ArchiveService> service;
    std::unique_ptr<sync::ArchiveHttpServer> http;
    QString url;

    /// storeClock: the archive's time for what it stores and removes (tests move it).
    explicit InProcessArchive(const QString &directory, Clock storeClock = systemClock());
};

/// An engagement of the programme, on 20 April 2026 at 09:00 for 45 minutes; returns its id.
QString addEngagement(NoteStore &store, const QString &reviewId, const QString &priorityId, const QString &title, EngagementKind kind,
                      QList<ParticipantGroup> participants);

/// A note signed on the tablet, its evidence question answered; returns the signed note's hash.
Result<QByteArray> signNote(Vault &tablet, const QString &engagementId, NoteKind kind, const QString &text, bool evidenceAsked = false,
                            bool evidenceGiven = false);

/// The tablet joins the leader's review, the leader approves it, and it learns it is enrolled.
Result<void> enrolTablet(Vault &leader, const QString &reviewId, Vault &tablet, const QString &role, const QString &label);

} // namespace fieldnotes::test
