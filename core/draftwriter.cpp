#include "draftwriter.h"

#include "notestore.h"
#include "sqlitedatabase.h"
#include "threadname.h"

#include <QUuid>

namespace fieldnotes {

DraftWriter::DraftWriter(std::unique_ptr<SqliteDatabase> connection, const DeviceIdentity &identity, Clock clock,
                         std::chrono::milliseconds interval)
    : m_connection(std::move(connection)),
      m_store(m_connection ? std::make_unique<NoteStore>(*m_connection, identity, std::move(clock)) : nullptr),
      m_interval(interval),
      m_lastWriteStart(std::chrono::steady_clock::now() - interval)
{
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
    m_idle.wait(lock, [this] { return m_pending.isEmpty() && !m_writing; });
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
        m_wake.wait(lock, [this] { return m_stopping || !m_pending.isEmpty(); });
        if (m_pending.isEmpty())
            return; // stopping, and nothing left
        const auto due = m_lastWriteStart + m_interval;
        while (!m_stopping && m_flushing == 0 && std::chrono::steady_clock::now() < due)
            m_wake.wait_until(lock, due);
        QList<Pending> batch;
        for (const QString &id : std::as_const(m_order))
            batch << m_pending.value(id);
        m_pending.clear();
        m_order.clear();
        m_writing = true;
        m_lastWriteStart = std::chrono::steady_clock::now();
        lock.unlock();
        for (const Pending &pending : std::as_const(batch)) {
            if (auto done = write(pending.draft); done) {
                emit written(pending.draft.id, pending.revision);
            } else {
                emit failed(pending.draft.id, done.error().message);
                lock.lock();
                if (!m_firstFailure)
                    m_firstFailure = done.error();
                lock.unlock();
            }
        }
        lock.lock();
        m_writing = false;
        m_idle.notify_all();
    }
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
