#include "deskreader.h"

#include "notestore.h"
#include "sqlitedatabase.h"
#include "vault.h"

namespace fieldnotes::sync {

DeskReader::DeskReader(Vault &vault, QString reviewId) : m_reviewId(std::move(reviewId))
{
    if (auto connection = vault.openConnection()) {
        m_connection = std::move(*connection);
        m_store = std::make_unique<NoteStore>(*m_connection, vault.identity(), vault.clock());
    } else {
        m_openError = connection.error().message;
    }
    m_thread = std::thread([this] { run(); });
}

DeskReader::~DeskReader()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_notes.reset();
    m_store.reset();
    m_connection.reset();
}

quint64 DeskReader::read(const QObject *requester, const QString &query, const CollectedFilter &filter, CollectedOrder order, int limit,
                         const QString &openMark, const QString &closeMark)
{
    quint64 number = 0;
    {
        std::lock_guard lock(m_mutex);
        number = ++s_lastNumber;
        m_waiting.insert(requester, Request{number, query, filter, order, limit, openMark, closeMark});
    }
    m_wake.notify_all();
    return number;
}

void DeskReader::placementChanged()
{
    std::lock_guard lock(m_mutex);
    m_stale = true;
}

void DeskReader::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_waiting.isEmpty(); });
        if (m_stopping)
            return;
        const QObject *requester = m_waiting.cbegin().key();
        const Request request = m_waiting.take(requester);
        const bool stale = std::exchange(m_stale, false);
        lock.unlock();
        if (!m_store) {
            emit failed(requester, request.number, QStringLiteral("the desk cannot read the vault: ") + m_openError);
        } else {
            if (stale || !m_notes)
                m_notes = std::make_unique<CollectedNotes>(DeskConnection(*m_connection, *m_store), m_reviewId);
            const bool listing = request.query.trimmed().isEmpty();
            auto notes = listing ? m_notes->list(request.filter, request.order, request.limit)
                                 : m_notes->search(request.query, request.filter, request.openMark, request.closeMark);
            auto total = listing && notes ? m_notes->count(request.filter) : Result<int>(notes ? int(notes->size()) : 0);
            if (!notes)
                emit failed(requester, request.number, notes.error().message);
            else if (!total)
                emit failed(requester, request.number, total.error().message);
            else
                emit notesRead(requester, request.number, *notes, *total);
        }
        lock.lock();
    }
}

} // namespace fieldnotes::sync
