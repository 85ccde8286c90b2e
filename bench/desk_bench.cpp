// The team leader's evidence desk at the scale of a large review: N collected notes from T tablets
// (default 10,000 from 40) that really went tablet -> archive on 127.0.0.1 -> leader, verified.
// Prints p50/p95 for what the leader feels (README, "Benchmarks"):
//  - the desk opening: every collected note read, placed by priority and source and parsed, as
//    the desk's reader does it, and as the app's model fills (rows on screen);
//  - filtering by priority, source, tablet and kind; search (ranked, snippets);
//  - the triangulation view of a priority building;
// each against the same query on the system's plain SQLite over a copy of the same rows (no
// encryption, no parsing), measured in the same run. Goals: open and triangulation < 300 ms,
// search p95 < 50 ms.
//   fieldnotes-desk-bench [--notes N] [--tablets T]
#include "archivehttpserver.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "benchtext.h"
#include "collectednotes.h"
#include "desknotesmodel.h"
#include "devicesync.h"
#include "evidencebundle.h"
#include "findings.h"
#include "guardedtcpserver.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "sqlitedatabase.h"
#include "syncstore.h"
#include "systemsqlite.h"
#include "vault.h"
#include "vaultsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>

using namespace fieldnotes;
using namespace fieldnotes::sync;

namespace {
const char *const passphrase = "desk benchmark passphrase";

SecureBytes secret(const char *text)
{
    return SecureBytes::copyOf(text, std::strlen(text));
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fieldnotes-desk-bench: %s\n", qPrintable(message));
    std::exit(1);
}

template <typename T>
T check(Result<T> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().message));
    return std::move(*result);
}

void check(Result<void> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().message));
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Figures {
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

/// Runs `runs` times (after one warm-up) and returns the percentiles of the times in ms.
Figures measure(int runs, const std::function<void(int)> &run)
{
    run(-1);
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        run(i);
        times << milliseconds(timer);
    }
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) { return times.at(std::min<qsizetype>(times.size() - 1, qsizetype(q * double(times.size())))); };
    return {at(0.5), at(0.95), times.back()};
}

void report(const char *what, const Figures &desk, const Figures &plain, double goal = 0)
{
    std::printf("  %-46s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms | plain SQLite p50 %6.1f p95 %6.1f ms | x%.1f",
                what, desk.p50, desk.p95, desk.max, plain.p50, plain.p95, plain.p50 > 0 ? desk.p50 / plain.p50 : 0.0);
    if (goal > 0)
        std::printf("  (goal < %.0f ms: %s)", goal, desk.p95 < goal ? "met" : "NOT met");
    std::printf("\n");
}

/// Copies a query's rows from the vault into a plain SQLite table (every value as text or blob).
void copyRows(SqliteDatabase &from, const char *select, int columns, SystemSqlite &to, const char *insert)
{
    auto statement = check(from.prepare(select), "read rows to copy");
    QList<QList<QByteArray>> rows;
    while (check(statement.next(), "read a row")) {
        QList<QByteArray> row;
        for (int column = 0; column < columns; ++column)
            row << statement.blob(column);
        rows << row;
    }
    if (!to.insertRows(insert, int(rows.size()), [&](int row) { return rows.at(row); }))
        die(QStringLiteral("copy into plain SQLite: %1").arg(QLatin1String(insert)));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto option = [&](const char *name, int fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : fallback;
    };
    const int notes = option("--notes", 10000);
    const int tablets = option("--tablets", 40);
    if (sodium_init() < 0)
        die(QStringLiteral("libsodium"));
    QTemporaryDir directory;
    QRandomGenerator random(20261203);

    // The archive, in this process, on 127.0.0.1.
    auto archiveStore = check(ArchiveStore::open(directory.filePath(QStringLiteral("archive")), secret("archive"), KdfParameters::interactive()), "archive");
    ArchiveService service(*archiveStore);
    ArchiveHttpServer http(service);
    auto *listener = new GuardedTcpServer(ConnectionGuard::Limits{}, std::nullopt, &http);
    if (!listener->listen(QHostAddress::LocalHost))
        die(QStringLiteral("listen"));
    http.bind(listener);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(listener->serverPort());

    // The leader's review: three priorities, twelve engagements with different participants.
    QElapsedTimer setup;
    setup.start();
    const VaultOptions options{systemClock(), KdfParameters::interactive()};
    const QString leaderPath = directory.filePath(QStringLiteral("leader"));
    auto leader = check(Vault::create(leaderPath, secret(passphrase), options), "leader vault");
    const QString reviewId = check(leader->store().addReview(Review{{}, QStringLiteral("Desk benchmark"), QDate(2026, 3, 2), QDate(2026, 3, 6)}), "review").id;
    QStringList priorities;
    for (const char *title : {"Attendance", "Early help", "Transitions"})
        priorities << check(leader->store().addPriority(Priority{{}, reviewId, QString::fromLatin1(title), {}, {}}), "priority").id;
    const QList<std::pair<EngagementKind, QList<ParticipantGroup>>> shapes{
        {EngagementKind::Interview, {{QStringLiteral("head of service"), 1}}},
        {EngagementKind::FocusGroup, {{QStringLiteral("young person"), 6}}},
        {EngagementKind::FocusGroup, {{QStringLiteral("parent"), 5}}},
        {EngagementKind::Meeting, {{QStringLiteral("early help practitioner"), 4}}},
        {EngagementKind::Meeting, {{QStringLiteral("police officer"), 2}}},
        {EngagementKind::Observation, {}},
    };
    QStringList engagements;
    for (int e = 0; e < 12; ++e) {
        Engagement engagement;
        engagement.priorityId = priorities.at(e % priorities.size());
        engagement.kind = shapes.at(e % shapes.size()).first;
        engagement.participants = shapes.at(e % shapes.size()).second;
        engagement.title = QStringLiteral("Engagement %1").arg(e + 1);
        engagement.scheduledStart = QDateTime(QDate(2026, 3, 2 + e % 5), QTime(9 + e % 7, 0), Qt::UTC);
        engagement.agreedMinutes = 45;
        engagements << check(leader->store().addEngagement(engagement), "engagement").id;
    }
    check(LeaderDesk(*leader).createReview(reviewId, url, {}, archiveStore->issueReviewCode(1)), "create the review");
    const QByteArray kit = check(LeaderDesk(*leader).makeRecoveryKit(reviewId, secret("bench recovery passphrase")), "recovery kit");
    check(LeaderDesk(*leader).recordRecoveryKitKept(reviewId, kit), "keep the recovery kit");

    // The tablets: each joins, signs its share of the notes and sends them.
    const int perTablet = notes / tablets;
    for (int t = 0; t < tablets; ++t) {
        auto tablet = check(Vault::create(directory.filePath(QStringLiteral("tablet-%1").arg(t)), secret(passphrase), options), "tablet vault");
        LeaderDesk desk(*leader);
        const bool youngInspector = t % 4 == 3;
        check(DeviceSync(*tablet).join(check(desk.invite(reviewId, 1), "invite"),
                                       youngInspector ? QStringLiteral("young-inspector") : QStringLiteral("reviewer"),
                                       QStringLiteral("Tablet %1").arg(t + 1)),
              "join");
        check(desk.approve(reviewId, {tablet->devicePublicKey()}), "approve");
        check(DeviceSync(*tablet).syncOnce(), "enrol");
        QList<Note> batch;
        for (int n = 0; n < perTablet; ++n) {
            Note note;
            note.engagementId = engagements.at(random.bounded(int(engagements.size())));
            const int roll = random.bounded(100);
            note.kind = youngInspector ? NoteKind::Observation : roll < 2 ? NoteKind::Concern : roll < 20 ? NoteKind::Evidence : NoteKind::Statement;
            note.evidenceAsked = note.kind == NoteKind::Statement && roll < 70;
            note.evidenceGiven = note.evidenceAsked && roll < 45;
            note.text = benchNoteText(random);
            batch << note;
        }
        check(tablet->store().createAndSign(batch), "sign");
        check(DeviceSync(*tablet).syncOnce(200), "send");
    }
    const double setupSeconds = milliseconds(setup) / 1000;
    QElapsedTimer collectTimer;
    collectTimer.start();
    const CollectionReport collected = check(LeaderDesk(*leader).collect(reviewId), "collect");
    const double collectSeconds = milliseconds(collectTimer) / 1000;
    if (collected.newNotes != perTablet * tablets)
        die(QStringLiteral("collected %1 of %2").arg(collected.newNotes).arg(perTablet * tablets));

    // Findings: four per priority, each resting on 25 of its notes.
    EvidenceDesk evidence(*leader, reviewId);
    for (const QString &priority : std::as_const(priorities)) {
        CollectedFilter filter;
        filter.priorityId = priority;
        const QList<CollectedNoteView> placed = check(CollectedNotes(*leader, reviewId).list(filter), "notes of a priority");
        for (int f = 0; f < 4; ++f) {
            const QString finding = check(evidence.addFinding(priority, f % 2 ? FindingKind::GoodPractice : FindingKind::AreaForDevelopment,
                                                              QStringLiteral("Finding %1").arg(f + 1), QStringLiteral("bench")),
                                          "finding");
            const int first = random.bounded(int(placed.size()));
            for (int l = 0; l < std::min<int>(25, int(placed.size())); ++l)
                check(evidence.link(finding, Excerpt{placed.at((first + l * 7) % placed.size()).note.hash, 0, -1}, QStringLiteral("bench")), "link");
        }
    }
    std::printf("evidence desk, %d collected notes from %d tablets (12 engagements, 3 priorities, 12 findings x 25 links)\n",
                collected.newNotes, tablets);
    std::printf("  set-up: %.1f s (vaults, enrolment, signing, sending); the leader's collection and verification: %.1f s\n",
                setupSeconds, collectSeconds);

    // The same rows in the system's plain SQLite, with the desk's placement of each engagement's notes.
    CollectedNotes placedOnce(*leader, reviewId);
    check(placedOnce.list(CollectedFilter{}), "place the notes"); // fills temp.desk_placement on this connection
    SystemSqlite plain;
    if (!plain.isLoaded() || !plain.open(directory.filePath(QStringLiteral("plain.db"))))
        die(QStringLiteral("the system's libsqlite3"));
    plain.exec("PRAGMA journal_mode=WAL");
    plain.exec("CREATE TABLE collected_notes (hash BLOB PRIMARY KEY, review_id TEXT, author_key BLOB, sequence INTEGER, note TEXT, verdict TEXT, collected_at TEXT);"
               "CREATE INDEX collected_by_author ON collected_notes(review_id, author_key, sequence);"
               "CREATE TABLE collected_index (id INTEGER PRIMARY KEY, hash BLOB UNIQUE, review_id TEXT, engagement_id TEXT, kind TEXT, signed_at TEXT, text TEXT);"
               "CREATE INDEX collected_index_by_signing ON collected_index(review_id, signed_at);"
               "CREATE VIRTUAL TABLE collected_fts USING fts5(text, content='collected_index', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
               "CREATE TABLE desk_placement (engagement_id TEXT, kind TEXT, priority_id TEXT, priority_position INTEGER, source TEXT, source_position INTEGER,"
               " PRIMARY KEY (engagement_id, kind)) WITHOUT ROWID;"
               "CREATE TABLE finding_links (review_id TEXT, finding_id TEXT, note_hash BLOB, range_start INTEGER, range_end INTEGER);");
    plain.exec("BEGIN");
    copyRows(leader->database(), "SELECT hash, review_id, author_key, sequence, note, verdict, collected_at FROM collected_notes", 7, plain,
             "INSERT INTO collected_notes VALUES (?1, CAST(?2 AS TEXT), ?3, CAST(?4 AS INTEGER), CAST(?5 AS TEXT), CAST(?6 AS TEXT), CAST(?7 AS TEXT))");
    copyRows(leader->database(), "SELECT id, hash, review_id, engagement_id, kind, signed_at, text FROM collected_index", 7, plain,
             "INSERT INTO collected_index VALUES (CAST(?1 AS INTEGER), ?2, CAST(?3 AS TEXT), CAST(?4 AS TEXT), CAST(?5 AS TEXT), CAST(?6 AS TEXT), CAST(?7 AS TEXT))");
    copyRows(leader->database(), "SELECT engagement_id, kind, priority_id, priority_position, source, source_position FROM temp.desk_placement", 6, plain,
             "INSERT INTO desk_placement VALUES (CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS INTEGER), CAST(?5 AS TEXT), CAST(?6 AS INTEGER))");
    copyRows(leader->database(), "SELECT review_id, finding_id, note_hash, range_start, range_end FROM finding_links", 5, plain,
             "INSERT INTO finding_links VALUES (CAST(?1 AS TEXT), CAST(?2 AS TEXT), ?3, CAST(?4 AS INTEGER), CAST(?5 AS INTEGER))");
    plain.exec("INSERT INTO collected_fts(collected_fts) VALUES ('rebuild')");
    plain.exec("COMMIT");
    const QByteArray review = "'" + reviewId.toLatin1() + "'";
    const QByteArray plainList = "SELECT c.note, c.verdict, c.collected_at, coalesce(p.priority_id, ''), coalesce(p.source, '') FROM collected_index i"
                                 " JOIN collected_notes c ON c.hash = i.hash LEFT JOIN desk_placement p ON p.engagement_id = i.engagement_id AND p.kind = i.kind"
                                 " WHERE i.review_id = " + review;
    const auto plainRows = [&](const QByteArray &sql, int expected = -1) {
        return [&plain, sql, expected](int) {
            const int rows = plain.queryRows(sql.constData());
            if (rows < 0 || (expected >= 0 && rows != expected))
                die(QStringLiteral("plain SQLite: %1 rows for %2").arg(rows).arg(QString::fromLatin1(sql)));
        };
    };

    // 1. The desk opens as the app opens it: a fresh reader places the notes, reads and parses
    //    the first page (newest first) and counts them all; further pages come as the list scrolls.
    const int total = collected.newNotes;
    const int page = fieldnotes::ui::DeskNotesModel::pageSize;
    const Figures open = measure(15, [&](int) {
        CollectedNotes fresh(*leader, reviewId);
        if (check(fresh.list({}, CollectedOrder::Newest, page), "list").size() != page || check(fresh.count(), "count") != total)
            die(QStringLiteral("the desk did not open on its first page"));
    });
    const QByteArray plainCount = "SELECT count(*) FROM collected_index i LEFT JOIN desk_placement p ON p.engagement_id = i.engagement_id AND p.kind = i.kind"
                                  " WHERE i.review_id = " + review;
    const auto plainPage = [&](const QByteArray &where, const QByteArray &order) {
        return [&, where, order](int) {
            plainRows(plainList + where + " ORDER BY " + order + " LIMIT 200")(0);
            plainRows(plainCount + where)(0);
        };
    };
    report("desk opens: first 200 newest + the count", open, measure(15, plainPage({}, "i.signed_at DESC, i.id DESC")), 300);
    report("every note read whole (an export's worth)", measure(5, [&](int) {
               if (check(CollectedNotes(*leader, reviewId).list(), "list").size() != total)
                   die(QStringLiteral("the desk did not list every note"));
           }),
           measure(5, plainRows(plainList + " ORDER BY i.signed_at DESC, i.id DESC", total)));

    // 2. Filters and orders, on the open desk: a page and the count, as the app asks.
    CollectedNotes desk(*leader, reviewId);
    const auto filtered = [&](CollectedFilter filter, CollectedOrder order = CollectedOrder::Newest) {
        return [&desk, filter, order](int) {
            check(desk.list(filter, order, page), "filter");
            check(desk.count(filter), "count");
        };
    };
    CollectedFilter byPriority;
    byPriority.priorityId = priorities.at(1);
    report("filter: one priority", measure(15, filtered(byPriority)),
           measure(15, plainPage(" AND p.priority_id = '" + priorities.at(1).toLatin1() + "'", "i.signed_at DESC")));
    CollectedFilter bySource;
    bySource.sourceId = QStringLiteral("children");
    report("filter: one source", measure(15, filtered(bySource)), measure(15, plainPage(" AND p.source = 'children'", "i.signed_at DESC")));
    CollectedFilter byKind;
    byKind.kind = NoteKind::Concern;
    report("filter: concerns", measure(15, filtered(byKind)), measure(15, plainPage(" AND i.kind = 'concern'", "i.signed_at DESC")));
    CollectedFilter byTablet;
    byTablet.authorKey = check(desk.tabletsNamed(QStringLiteral("Tablet 7")), "tablet").value(0);
    report("filter: one tablet", measure(15, filtered(byTablet)),
           measure(15, plainRows(plainList + " AND c.author_key = x'" + byTablet.authorKey.toHex() + "' ORDER BY i.signed_at DESC LIMIT 200")));
    report("order: by priority", measure(15, filtered({}, CollectedOrder::Priority)),
           measure(15, plainPage({}, "p.priority_position IS NULL, p.priority_position, i.signed_at DESC, i.id DESC")));
    report("order: by source", measure(15, filtered({}, CollectedOrder::Source)),
           measure(15, plainPage({}, "p.source_position IS NULL, p.source_position, i.signed_at DESC, i.id DESC")));

    // 3. Search: words as a leader types them, rare and common.
    QStringList queries{QStringLiteral("attendance"), QStringLiteral("school"), QStringLiteral("zeppelin"), QStringLiteral("school attendance")};
    for (int q = 0; q < 56; ++q)
        queries << QStringLiteral("w%1").arg(random.bounded(3000));
    const Figures search = measure(int(queries.size()), [&](int i) { check(desk.search(queries.at(std::max(0, i))), "search"); });
    const Figures plainSearch = measure(int(queries.size()), [&](int i) {
        const QByteArray match = queries.at(std::max(0, i)).toLatin1();
        plainRows(plainList.left(plainList.indexOf(" FROM")) + ", bm25(collected_fts) FROM collected_fts JOIN collected_index i ON i.id = collected_fts.rowid"
                  " JOIN collected_notes c ON c.hash = i.hash LEFT JOIN desk_placement p ON p.engagement_id = i.engagement_id AND p.kind = i.kind"
                  " WHERE i.review_id = " + review + " AND collected_fts MATCH '" + match + "' ORDER BY bm25(collected_fts) LIMIT 200")(0);
    });
    report("search (60 queries, ranked, snippets)", search, plainSearch, 50);

    // 4. Triangulation of one priority: findings, every link weighed, sources across.
    const Figures triangulation = measure(15, [&](int) { check(evidence.triangulation(priorities.at(0)), "triangulation"); });
    report("triangulation view of a priority builds", triangulation,
           measure(15, plainRows("SELECT l.finding_id, l.note_hash, l.range_start, l.range_end, c.note, c.verdict, p.source FROM finding_links l"
                                 " JOIN collected_notes c ON c.hash = l.note_hash JOIN collected_index i ON i.hash = l.note_hash"
                                 " LEFT JOIN desk_placement p ON p.engagement_id = i.engagement_id AND p.kind = i.kind WHERE l.review_id = " + review)),
           300);

    // 5. The app's model: from the page asking to every row being there, read off the GUI thread.
    leader.reset();
    fieldnotes::ui::VaultSession session(leaderPath, options, false);
    if (!session.unlock(QString::fromLatin1(passphrase)))
        die(QStringLiteral("unlock the leader's vault in a session"));
    const auto waitFor = [&](const std::function<bool()> &done) {
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (done())
                loop.quit();
        });
        poll.start(0);
        loop.exec();
    };
    const Figures modelOpen = measure(10, [&](int) {
        fieldnotes::ui::DeskNotesModel model;
        model.setSession(&session);
        waitFor([&] { return model.count() == page && model.total() == total; });
    });
    fieldnotes::ui::DeskNotesModel model;
    model.setSession(&session);
    waitFor([&] { return model.count() == page && !model.isBusy(); });
    const Figures modelScroll = measure(10, [&](int) {
        const int before = model.count();
        model.fetchMore({});
        waitFor([&] { return model.count() == std::min(total, before + page) && !model.isBusy(); });
    });
    const Figures modelSearch = measure(int(queries.size()), [&](int i) {
        model.setQuery(queries.at(std::max(0, i)));
        waitFor([&] { return !model.isBusy(); });
    });
    std::printf("  the app's desk model (DeskNotesModel, reader thread, rows applied on this thread):\n");
    report("  opens: the first 200 rows and the count", modelOpen, open, 300);
    report("  scrolling to the end reads 200 more rows", modelScroll, open);
    report("  a search's rows replace the list", modelSearch, search, 50);
    std::printf("  (in these two rows the baseline column is the desk's own query above)\n");

    // The evidence bundle of the same review: written, then verified as verify-bundle does,
    // against what its two parts cost on their own in this run: sha256sum -c over the same files
    // and a raw libsodium loop verifying every note's signature.
    const QString bag = directory.filePath(QStringLiteral("bundle"));
    QElapsedTimer clock;
    clock.start();
    const BundleSummary written = check(writeEvidenceBundle(*session.vault(), reviewId, bag), "the evidence bundle");
    const double writeMs = double(clock.nsecsElapsed()) / 1e6;
    clock.restart();
    const BundleCheck verified = verifyEvidenceBundle(bag);
    const double verifyMs = double(clock.nsecsElapsed()) / 1e6;
    if (!verified.ok())
        die(QStringLiteral("the bundle does not verify: ") + verified.problems.value(0));
    QProcess sha256sum;
    sha256sum.setWorkingDirectory(bag);
    clock.restart();
    sha256sum.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")});
    sha256sum.waitForFinished(600000);
    const double shaMs = double(clock.nsecsElapsed()) / 1e6;
    if (sha256sum.exitCode() != 0)
        die(QStringLiteral("sha256sum -c failed on the bundle"));
    const QList<SignedNote> signedNotes = check(SyncStore(*session.vault()).collectedNotes(reviewId), "the collected notes");
    clock.restart();
    int valid = 0;
    for (const SignedNote &note : signedNotes)
        valid += crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(note.signature.constData()),
                                             reinterpret_cast<const unsigned char *>(note.canonical.constData()), quint64(note.canonical.size()),
                                             reinterpret_cast<const unsigned char *>(note.content.authorKey.constData())) == 0;
    const double signaturesMs = double(clock.nsecsElapsed()) / 1e6;
    if (valid != signedNotes.size())
        die(QStringLiteral("a signature did not verify in the raw loop"));
    const double baseline = shaMs + signaturesMs;
    std::printf("  the evidence bundle (%d notes, %d files): written in %.0f ms; verified in %.0f ms | sha256sum -c %.0f ms + raw "
                "signature loop %.0f ms = %.0f ms | x%.2f (goal <= 1.5x: %s)\n",
                written.notes, written.files, writeMs, verifyMs, shaMs, signaturesMs, baseline, verifyMs / baseline,
                verifyMs <= 1.5 * baseline ? "met" : "NOT met");
    return 0;
}
