#pragma once

#include "clock.h"
#include "deviceidentity.h"
#include "error.h"
#include "note.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace fieldnotes {

class NoteStore;
class SqliteDatabase;

/// Writes drafts behind the typing, on a thread of its own with its own SQLCipher connection, so
/// that no keystroke waits for the disk. submit() returns at once; what is typed while a write is
/// due or under way is coalesced into the next one (the latest content of each draft wins); a write
/// starts no sooner than `interval` after the one before.
///
/// While the hand moves, writes are committed without an fsync (synchronous = NORMAL): a killed
/// app loses none of them, a power cut may. When the typing pauses for `interval`, when a write has
/// waited `syncWithin`, on flush() and at the end, one fsync of the write-ahead log puts them all
/// on the disk, and only then does written() report their revisions.
/// Destroying the writer (the vault locking or closing) writes and syncs what is left.
class DraftWriter : public QObject
{
    Q_OBJECT

public:
    /// With this interval and a write of a few milliseconds, a SIGKILL loses at most about the
    /// last 0.2 s of typing (README, "What a crash can lose").
    static constexpr std::chrono::milliseconds defaultInterval{150};
    /// How long a committed write may wait for its fsync while the hand keeps moving: with the
    /// interval, a power cut takes back at most about 1.2 s of typing.
    static constexpr std::chrono::milliseconds defaultSyncWithin{1000};

    DraftWriter(std::unique_ptr<SqliteDatabase> connection, const DeviceIdentity &identity, Clock clock,
                std::chrono::milliseconds interval = defaultInterval, std::chrono::milliseconds syncWithin = defaultSyncWithin);
    ~DraftWriter() override;
    DraftWriter(const DraftWriter &) = delete;
    DraftWriter &operator=(const DraftWriter &) = delete;

    /// An id for a draft not written yet, so that it can be submitted at once.
    static QString newDraftId();
    /// Queues the draft's full content (kind, text, evidence answers; the id is required) and
    /// returns the revision that written() will name when it is durable.
    quint64 submit(const Note &draft);
    /// Waits until everything submitted so far is written (before signing, deleting or reading
    /// drafts on another connection); returns the first failure since the last flush.
    Result<void> flush();

signals:
    /// Emitted on the writer's thread; connections to objects of other threads are queued.
    void written(const QString &draftId, quint64 revision);
    void failed(const QString &draftId, const QString &message);

private:
    struct Pending {
        Note draft;
        quint64 revision = 0;
    };
    using TimePoint = std::chrono::steady_clock::time_point;
    void run();
    void writePending(std::unique_lock<std::mutex> &lock);
    void syncWritten(std::unique_lock<std::mutex> &lock);
    void noteFailure(std::unique_lock<std::mutex> &lock, const QString &draftId, const Error &error);
    Result<void> write(const Note &draft);

    std::unique_ptr<SqliteDatabase> m_connection;
    std::unique_ptr<NoteStore> m_store;
    const std::chrono::milliseconds m_interval;
    const std::chrono::milliseconds m_syncWithin;
    bool m_syncsLater = false; // false: every commit is durable by itself (synchronous = FULL)

    std::mutex m_mutex;
    std::condition_variable m_wake; // work, a flush or the end
    std::condition_variable m_idle; // a batch done
    QHash<QString, Pending> m_pending;
    QList<QString> m_order; // drafts in the order first submitted since the last write
    QList<Pending> m_unsynced; // committed, not yet on the disk, not yet reported
    TimePoint m_unsyncedSince;
    quint64 m_revision = 0;
    int m_flushing = 0;
    bool m_busy = false; // writing or syncing, the lock released
    bool m_stopping = false;
    std::optional<Error> m_firstFailure;
    TimePoint m_lastWriteStart;
    TimePoint m_lastWriteEnd;
    std::thread m_thread;
};

} // namespace fieldnotes
