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
/// starts no sooner than `interval` after the one before. written() reports each revision once its
/// transaction is durable. Destroying the writer (the vault locking or closing) writes what is left.
class DraftWriter : public QObject
{
    Q_OBJECT

public:
    /// With this interval and a write of a few milliseconds, a SIGKILL loses at most about the
    /// last 0.2 s of typing (README, "What a crash can lose").
    static constexpr std::chrono::milliseconds defaultInterval{150};

    DraftWriter(std::unique_ptr<SqliteDatabase> connection, const DeviceIdentity &identity, Clock clock,
                std::chrono::milliseconds interval = defaultInterval);
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
    void run();
    Result<void> write(const Note &draft);

    std::unique_ptr<SqliteDatabase> m_connection;
    std::unique_ptr<NoteStore> m_store;
    const std::chrono::milliseconds m_interval;

    std::mutex m_mutex;
    std::condition_variable m_wake; // work, a flush or the end
    std::condition_variable m_idle; // a batch done
    QHash<QString, Pending> m_pending;
    QList<QString> m_order; // drafts in the order first submitted since the last write
    quint64 m_revision = 0;
    int m_flushing = 0;
    bool m_writing = false;
    bool m_stopping = false;
    std::optional<Error> m_firstFailure;
    std::chrono::steady_clock::time_point m_lastWriteStart;
    std::thread m_thread;
};

} // namespace fieldnotes
