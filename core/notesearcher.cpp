#include "notesearcher.h"

#include "sqlitedatabase.h"

namespace fieldnotes {

NoteSearcher::NoteSearcher(std::unique_ptr<SqliteDatabase> connection, const DeviceIdentity &identity, Clock clock)
    : m_connection(std::move(connection)),
      m_store(m_connection ? std::make_unique<NoteStore>(*m_connection, identity, std::move(clock)) : nullptr)
{
    m_thread = std::thread([this] { run(); });
}

NoteSearcher::~NoteSearcher()
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

quint64 NoteSearcher::search(const QObject *requester, const QString &query, const NoteFilter &filter, const QString &openMark,
                             const QString &closeMark)
{
    quint64 number = 0;
    {
        std::lock_guard lock(m_mutex);
        number = ++s_lastNumber;
        m_waiting.insert(requester, Request{number, query, filter, openMark, closeMark});
    }
    m_wake.notify_all();
    return number;
}

void NoteSearcher::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_waiting.isEmpty(); });
        if (m_stopping)
            return;
        const QObject *requester = m_waiting.cbegin().key();
        const Request request = m_waiting.take(requester);
        lock.unlock();
        if (!m_store) {
            emit failed(requester, request.number, QStringLiteral("search is not available: the vault database could not be opened for it"));
        } else if (auto hits = m_store->search(request.query, request.filter, request.openMark, request.closeMark)) {
            emit found(requester, request.number, *hits);
        } else {
            emit failed(requester, request.number, hits.error().message);
        }
        lock.lock();
    }
}

} // namespace fieldnotes
