// Prints Fieldnotes' speed against baselines measured in the same run (README, "Benchmarks").
//   fieldnotes-bench [--notes N] [--single N] [--queries N] [--dir DIR]
#include "benchtext.h"
#include "notestore.h"
#include "noteverifier.h"
#include "passphrasekdf.h"
#include "systemsqlite.h"
#include "vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sodium.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace fieldnotes;

namespace {
SecureBytes secret(const char *text)
{
    return SecureBytes::copyOf(text, std::strlen(text));
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

QList<QByteArray> baselineRow(const SignedNote &note)
{
    return {note.content.id.toUtf8(), note.content.text.toUtf8(), note.canonical, note.signature, note.hash};
}

const char *baselineSchema =
    "CREATE TABLE notes (id BLOB PRIMARY KEY, text BLOB, canonical BLOB, signature BLOB, hash BLOB UNIQUE)";
const char *baselineInsert = "INSERT INTO notes VALUES (?, ?, ?, ?, ?)";

struct Percentiles {
    double p50;
    double p95;
};

Percentiles percentiles(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return {samples.at(samples.size() / 2), samples.at(std::min<qsizetype>(samples.size() - 1, samples.size() * 95 / 100))};
}

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int totalNotes = 100000;
    int singleNotes = 300;
    int queries = 200;
    QString directory;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--notes")) totalNotes = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--single")) singleNotes = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--queries")) queries = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir")) directory = args[i + 1];
    }
    QTemporaryDir scratch(directory.isEmpty() ? QDir::tempPath() + QStringLiteral("/fieldnotes-bench-XXXXXX")
                                              : directory + QStringLiteral("/fieldnotes-bench-XXXXXX"));
    SystemSqlite baseline;
    if (!baseline.isLoaded()) {
        std::fprintf(stderr, "libsqlite3.so.0 not found: install libsqlite3-0 for the baseline\n");
        return 1;
    }
    if (sodium_init() < 0)
        return 1;
    std::printf("Fieldnotes benchmarks: SQLCipher vault vs system SQLite %s (same file system: %s)\n",
                qPrintable(baseline.version()), qPrintable(scratch.path()));

    const QString vaultPath = scratch.filePath(QStringLiteral("vault"));
    auto created = Vault::create(vaultPath, secret("benchmark passphrase"));
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 1;
    }
    std::unique_ptr<Vault> vault = std::move(*created);
    NoteStore &store = vault->store();
    const QString reviewId = store.addReview(Review{{}, QStringLiteral("Bench"), QDate(2026, 1, 5), QDate(2026, 1, 9)})->id;
    Engagement engagement;
    engagement.priorityId = store.addPriority(Priority{{}, reviewId, QStringLiteral("P"), {}, {}})->id;
    engagement.scheduledStart = QDateTime::currentDateTimeUtc();
    engagement.agreedMinutes = 60;
    const QString engagementId = store.addEngagement(engagement)->id;
    QRandomGenerator random(20100419);
    const auto makeNote = [&] {
        Note note;
        note.engagementId = engagementId;
        note.kind = NoteKind::Statement;
        note.text = benchNoteText(random);
        return note;
    };

    // (1) One note saved and signed per durable transaction.
    QList<SignedNote> singles;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < singleNotes; ++i)
        singles << store.createAndSign({makeNote()})->first();
    const double oursSingle = seconds(timer);
    baseline.open(scratch.filePath(QStringLiteral("baseline-single.db")));
    baseline.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    baseline.exec(baselineSchema);
    timer.restart();
    baseline.insertRows(baselineInsert, int(singles.size()), [&](int row) { return baselineRow(singles[row]); });
    const double baseSingle = seconds(timer);
    baseline.close();
    std::printf("\n(1) save+sign, one note per transaction (WAL, synchronous=FULL), %d notes\n", singleNotes);
    std::printf("    Fieldnotes  %9.0f notes/s\n    SQLite      %9.0f inserts/s\n    ratio (time) %.2f   goal <= 1.3\n",
                singleNotes / oursSingle, singleNotes / baseSingle, oursSingle / baseSingle);

    // (2) Bulk: the rest of totalNotes, 1,000 per transaction.
    const int bulk = totalNotes - singleNotes;
    QList<SignedNote> bulkSigned;
    bulkSigned.reserve(bulk);
    timer.restart();
    for (int done = 0; done < bulk;) {
        QList<Note> batch;
        for (int i = 0; i < 1000 && done < bulk; ++i, ++done)
            batch << makeNote();
        bulkSigned << *store.createAndSign(batch);
    }
    const double oursBulk = seconds(timer);
    double baseBulk[2] = {0, 0};
    for (int withFts = 0; withFts < 2; ++withFts) {
        baseline.open(scratch.filePath(QStringLiteral("baseline-bulk-%1.db").arg(withFts)));
        baseline.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        baseline.exec(baselineSchema);
        if (withFts)
            baseline.exec("CREATE VIRTUAL TABLE notes_fts USING fts5(text, content='notes', content_rowid='rowid');"
                          "CREATE TRIGGER fts_ai AFTER INSERT ON notes BEGIN INSERT INTO notes_fts(rowid, text) VALUES (new.rowid, new.text); END;");
        timer.restart();
        for (int start = 0; start < bulk; start += 1000) {
            baseline.exec("BEGIN");
            baseline.insertRows(baselineInsert, std::min(1000, bulk - start), [&](int row) { return baselineRow(bulkSigned[start + row]); });
            baseline.exec("COMMIT");
        }
        baseBulk[withFts] = seconds(timer);
        baseline.close();
    }
    std::printf("\n(2) bulk save+sign, %d notes, 1,000 per transaction\n", bulk);
    std::printf("    Fieldnotes (sign + encrypt + FTS5) %9.0f notes/s\n", bulk / oursBulk);
    std::printf("    SQLite, same rows                  %9.0f rows/s   ratio %.2f\n", bulk / baseBulk[0], oursBulk / baseBulk[0]);
    std::printf("    SQLite, same rows + FTS5 index     %9.0f rows/s   ratio %.2f\n", bulk / baseBulk[1], oursBulk / baseBulk[1]);

    // (3) Full-text search latency, ranked, with snippets.
    std::printf("\n(3) FTS5 search over %d notes, %d queries each (p50 / p95, ms)\n", totalNotes, queries);
    for (const char *word : {"zeppelin", "attendance", "school"}) {
        QList<double> samples;
        qsizetype hits = 0;
        for (int i = 0; i < queries; ++i) {
            timer.restart();
            hits = store.search(QString::fromLatin1(word))->size();
            samples << double(timer.nsecsElapsed()) / 1e6;
        }
        const Percentiles p = percentiles(samples);
        std::printf("    %-11s %7.2f / %7.2f   (%lld hits returned, capped at 200)\n", word, p.p50, p.p95, qlonglong(hits));
    }

    // (4) Verify everything vs a bare Ed25519 loop over the same bytes.
    const QList<SignedNote> all = *store.signedNotes();
    timer.restart();
    const VerificationReport report = verifyNotes(all, {vault->devicePublicKey()});
    const double oursVerify = seconds(timer);
    const auto *key = reinterpret_cast<const unsigned char *>(vault->devicePublicKey().constData());
    int rawValid = 0;
    timer.restart();
    for (const SignedNote &note : all)
        rawValid += crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(note.signature.constData()),
                                                reinterpret_cast<const unsigned char *>(note.canonical.constData()),
                                                static_cast<unsigned long long>(note.canonical.size()), key) == 0;
    const double rawVerify = seconds(timer);
    std::printf("\n(4) verify all %lld notes (signature, content, hash, chain, sequence)\n", qlonglong(all.size()));
    std::printf("    Fieldnotes verifyNotes     %9.0f notes/s (%s)\n", all.size() / oursVerify, report.allValid() ? "all valid" : "PROBLEMS");
    std::printf("    crypto_sign_verify loop    %9.0f notes/s (%d valid)\n    ratio (time) %.2f   goal <= 1.3\n",
                all.size() / rawVerify, rawValid, oursVerify / rawVerify);

    // (5) Unlock: Argon2id (MODERATE) + unwrap + open + integrity check of the full vault.
    vault.reset();
    timer.restart();
    auto derived = deriveKeyFromPassphrase(secret("benchmark passphrase"), KdfParameters::standard());
    const double argonOnly = seconds(timer);
    timer.restart();
    auto reopened = Vault::open(vaultPath, secret("benchmark passphrase"));
    const double unlock = seconds(timer);
    timer.restart();
    const bool healthy = reopened && (*reopened)->integrityProblems()->isEmpty();
    const double integrity = seconds(timer);
    std::printf("\n(5) unlock with %d notes: %.3f s in all\n", totalNotes, unlock);
    std::printf("    Argon2id (4 passes, 256 MiB) alone  %.3f s\n", argonOnly);
    std::printf("    integrity check (HMAC of every page + quick_check), part of unlock  %.3f s %s\n", integrity,
                healthy && derived ? "" : "(FAILED)");
    std::printf("\npeak RSS %ld MiB\n", peakRssMiB());
    return reopened && report.allValid() ? 0 : 1;
}
