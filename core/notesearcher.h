#pragma once

#include "clock.h"
#include "deviceidentity.h"
#include "notestore.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace fieldnotes {

class SqliteDatabase;

/// Full-text search on a thread of its own with its own SQLCipher connection, for search as you
/// type: a new search from a requester replaces the one it has waiting, so stale queries are
/// dropped before they run, and found() names the request it answers so late answers can be
/// ignored. Destroying it (the vault locking) waits for the query under way.
class NoteSearcher : public QObject
{
    Q_OBJECT

public:
    NoteSearcher(std::unique_ptr<SqliteDatabase> connection, const DeviceIdentity &identity, Clock clock);
    ~NoteSearcher() override;
    NoteSearcher(const NoteSearcher &) = delete;
    NoteSearcher &operator=(const NoteSearcher &) = delete;

    /// Queues a search for `requester` (replacing its queued one) and returns the request's number.
    quint64 search(const QObject *requester, const QString &query, const NoteFilter &filter, const QString &openMark,
                   const QString &closeMark);

signals:
    /// Emitted on the searcher's thread; connections to objects of other threads are queued.
    void found(const QObject *requester, quint64 request, const QList<fieldnotes::SearchHit> &hits);
    void failed(const QObject *requester, quint64 request, const QString &message);

private:
    struct Request {
        quint64 number = 0;
        QString query;
        NoteFilter filter;
        QString openMark;
        QString closeMark;
    };
    void run();

    std::unique_ptr<SqliteDatabase> m_connection;
    std::unique_ptr<NoteStore> m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QHash<const QObject *, Request> m_waiting;
    // Numbers are unique in the process, not per instance: after a lock, an answer the old one
    // queued before it closed can never pass for an answer of the new one.
    static inline std::atomic<quint64> s_lastNumber = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace fieldnotes
