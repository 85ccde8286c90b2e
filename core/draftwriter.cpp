#include "draftwriter.h"

#include "notestore.h"
#include "sqlitedatabase.h"
#include "threadname.h"

#include <QUuid>

#include <algorithm>

namespace fieldnotes {

DraftWriter::DraftWriter(std::unique_ptr<SqliteDatabase> connection, const DeviceIdentity &identity, Clock clock,
                         std::chrono::milliseconds interval, std::chrono::milliseconds syncWithin)
    : m_connection(std::move(connection)),
      m_store(m_connection ? std::make_unique<NoteStore>(*m_connection, identity, std::move(clock)) : nullptr),
      m_interval(interval),
      m_syncWithin(syncWithin),
      m_lastWriteStart(std::chrono::steady_clock::now() - interval)
{
    // Only a write-ahead log can be synced apart from the commits that wrote it. Should the pragma
    // fail, every commit stays durable by itself: slower, never less safe.
    m_syncsLater = m_connection && m_connection->usesWriteAheadLog() && m_connection->exec("PRAGMA synchronous = NORMAL");
    m_thread = std::thread([this] {
        platform::nameThisThread("draft writer");
        run();
    });
}

DraftWriter::~DraftWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_store.reset();
    m_connection.reset();
}

QString DraftWriter::newDraftId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

quint64 DraftWriter::submit(const Note &draft)
{
    Q_ASSERT(!draft.id.isEmpty());
    quint64 revision = 0;
    {
        std::lock_guard lock(m_mutex);
        revision = ++m_revision;
        if (!m_pending.contains(draft.id))
            m_order << draft.id;
        m_pending.insert(draft.id, Pending{draft, revision});
    }
    m_wake.notify_all();
    return revision;
}

Result<void> DraftWriter::flush()
{
    std::unique_lock lock(m_mutex);
    ++m_flushing;
    m_wake.notify_all();
    m_idle.wait(lock, [this] { return m_pending.isEmpty() && m_unsynced.isEmpty() && !m_busy; });
    --m_flushing;
    const std::optional<Error> failure = std::exchange(m_firstFailure, std::nullopt);
    if (failure)
        return *failure;
    return {};
}

void DraftWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        const bool urgent = m_stopping || m_flushing > 0;
        const TimePoint writeDue = m_lastWriteStart + m_interval;
        // The hand has paused (nothing more came for an interval), or the oldest write has waited long enough.
        const TimePoint syncDue = m_pending.isEmpty() ? std::min(m_lastWriteEnd + m_interval, m_unsyncedSince + m_syncWithin)
                                                      : m_unsyncedSince + m_syncWithin;
        const TimePoint at = std::chrono::steady_clock::now();
        if (!m_pending.isEmpty() && (urgent || at >= writeDue)) {
            writePending(lock);
        } else if (!m_unsynced.isEmpty() && (urgent || at >= syncDue)) {
            syncWritten(lock);
        } else if (m_pending.isEmpty() && m_unsynced.isEmpty()) {
            m_idle.notify_all();
            if (m_stopping)
                return;
            m_wake.wait(lock);
        } else {
            TimePoint next = TimePoint::max();
            if (!m_pending.isEmpty())
                next = writeDue;
            if (!m_unsynced.isEmpty())
                next = std::min(next, syncDue);
            m_wake.wait_until(lock, next);
        }
    }
}

void DraftWriter::writePending(std::unique_lock<std::mutex> &lock)
{
    QList<Pending> batch;
    for (const QString &id : std::as_const(m_order))
        batch << m_pending.value(id);
    m_pending.clear();
    m_order.clear();
    m_busy = true;
    m_lastWriteStart = std::chrono::steady_clock::now();
    lock.unlock();
    QList<Pending> committed;
    for (const Pending &pending : std::as_const(batch)) {
        if (auto done = write(pending.draft); !done)
            noteFailure(lock, pending.draft.id, done.error());
        else if (m_syncsLater)
            committed << pending;
        else
            emit written(pending.draft.id, pending.revision);
    }
    lock.lock();
    if (m_unsynced.isEmpty() && !committed.isEmpty())
        m_unsyncedSince = m_lastWriteStart;
    m_unsynced += committed;
    m_lastWriteEnd = std::chrono::steady_clock::now();
    m_busy = false;
}

void DraftWriter::syncWritten(std::unique_lock<std::mutex> &lock)
{
    const QList<Pending> committed = std::exchange(m_unsynced, {});
    m_busy = true;
    lock.unlock();
    const Result<void> synced = m_connection->syncWriteAheadLog();
    for (const Pending &pending : committed) {
        // A draft written twice since the last sync is reported once, at its latest revision.
        const bool superseded = std::any_of(committed.cbegin(), committed.cend(), [&pending](const Pending &later) {
            return later.draft.id == pending.draft.id && later.revision > pending.revision;
        });
        if (superseded)
            continue;
        if (synced)
            emit written(pending.draft.id, pending.revision);
        else
            noteFailure(lock, pending.draft.id, synced.error());
    }
    lock.lock();
    m_busy = false;
}

void DraftWriter::noteFailure(std::unique_lock<std::mutex> &lock, const QString &draftId, const Error &error)
{
    emit failed(draftId, error.message);
    lock.lock();
    if (!m_firstFailure)
        m_firstFailure = error;
    lock.unlock();
}

Result<void> DraftWriter::write(const Note &draft)
{
    if (!m_connection)
        return Error{ErrorCode::Io, QStringLiteral("drafts cannot be saved: the vault database could not be opened for writing them")};
    auto transaction = SqlTransaction::begin(*m_connection);
    if (!transaction)
        return transaction.error();
    // Updated, as it is on every write but the first: one read of the note, not two.
    if (auto updated = m_store->updateDraft(draft); !updated) {
        if (updated.error().code != ErrorCode::NotFound)
            return updated.error();
        if (auto created = m_store->createDraft(draft); !created)
            return created.error();
    }
    return transaction->commit();
}

} // namespace fieldnotes
