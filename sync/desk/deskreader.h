#pragma once

#include "collectednotes.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace fieldnotes {
class NoteStore;
class SqliteDatabase;
class Vault;
} // namespace fieldnotes

namespace fieldnotes::sync {

/// Reads the leader's collected notes on a thread of its own with its own SQLCipher connection,
/// so that opening the desk, changing a filter or typing a search never waits on the vault: a
/// new request from a requester replaces the one it has waiting (stale queries are dropped
/// before they run), and read() names the request it answers so late answers can be ignored.
/// Destroying it (before the vault locks) waits for the query under way.
class DeskReader : public QObject
{
    Q_OBJECT

public:
    /// Opens its own connection to the vault; reads fail, in words, if it could not.
    DeskReader(Vault &vault, QString reviewId);
    ~DeskReader() override;
    DeskReader(const DeskReader &) = delete;
    DeskReader &operator=(const DeskReader &) = delete;

    /// Queues a listing (an empty query: the first `limit` in that order, and how many there are)
    /// or a search (the best 200) for `requester`, replacing its waiting one; returns the
    /// request's number.
    quint64 read(const QObject *requester, const QString &query, const CollectedFilter &filter, CollectedOrder order, int limit,
                 const QString &openMark, const QString &closeMark);
    /// The roster or the placement of notes changed (a collection, a source corrected): the
    /// next read takes them again.
    void placementChanged();

signals:
    /// Emitted on the reader's thread; connections to objects of other threads are queued.
    void notesRead(const QObject *requester, quint64 request, const QList<fieldnotes::sync::CollectedNoteView> &notes, int total);
    void failed(const QObject *requester, quint64 request, const QString &message);

private:
    struct Request {
        quint64 number = 0;
        QString query;
        CollectedFilter filter;
        CollectedOrder order = CollectedOrder::Newest;
        int limit = -1;
        QString openMark;
        QString closeMark;
    };
    void run();

    QString m_reviewId;
    QString m_openError;
    std::unique_ptr<SqliteDatabase> m_connection;
    std::unique_ptr<NoteStore> m_store;
    std::unique_ptr<CollectedNotes> m_notes; // made again after placementChanged()
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QHash<const QObject *, Request> m_waiting;
    // Numbers are unique in the process, not per instance: after a lock, an answer the old one
    // queued before it closed can never pass for an answer of the new one.
    static inline std::atomic<quint64> s_lastNumber = 0;
    bool m_stale = true;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace fieldnotes::sync
