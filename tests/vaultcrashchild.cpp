// Helper for tst_crashconsistency: works on a vault until it is killed, printing each
// acknowledgement only after the call that made it durable has returned.
//   vault-crash-child write DIR   create and sign notes, print each signed id
//   vault-crash-child passwd DIR  switch the passphrase between two values, print the new one
//   vault-crash-child type DIR    type into a draft behind a DraftWriter, with pauses; print
//                                 "durable N" once a revision of N characters is reported written
#include "draftwriter.h"
#include "notestore.h"
#include "sqlitedatabase.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QCoreApplication>

#include <cstdio>
#include <mutex>
#include <thread>

using namespace fieldnotes;
using namespace fieldnotes::test;

namespace {
// The crash review's engagement, made on the first run (or made up, if a cut stopped that run
// between its commits).
QString crashEngagement(NoteStore &store)
{
    auto reviews = store.reviews();
    const QString reviewId = !reviews->isEmpty()
        ? reviews->first().id
        : store.addReview(Review{{}, QStringLiteral("Crash review"), QDate(2026, 1, 5), QDate(2026, 1, 9)})->id;
    if (auto engagements = store.engagements(reviewId); !engagements->isEmpty())
        return engagements->first().id;
    Engagement engagement;
    engagement.priorityId = store.addPriority(Priority{{}, reviewId, QStringLiteral("P"), {}, {}})->id;
    engagement.scheduledStart = QDateTime::currentDateTimeUtc();
    engagement.agreedMinutes = 30;
    return store.addEngagement(engagement)->id;
}

Result<std::unique_ptr<Vault>> openOrCreate(const QString &directory)
{
    return Vault::exists(directory) ? Vault::open(directory, secret("crash passphrase"), fastOptions())
                                    : Vault::create(directory, secret("crash passphrase"), fastOptions());
}

int writeNotes(const QString &directory)
{
    auto vault = openOrCreate(directory);
    if (!vault) {
        std::fprintf(stderr, "open: %s\n", qPrintable(vault.error().message));
        return 3;
    }
    NoteStore &store = (*vault)->store();
    const QString engagementId = crashEngagement(store);
    for (int i = 0;; ++i) {
        Note draft;
        draft.engagementId = engagementId;
        draft.kind = NoteKind::Statement;
        draft.evidenceAnswered = true;
        draft.text = QStringLiteral("Crash-test note %1 ").arg(i) + QString(i % 300, QLatin1Char('w'));
        auto created = store.createDraft(draft);
        if (!created)
            return 4;
        std::printf("draft %s\n", qPrintable(created->id));
        auto signedNote = store.signDraft(created->id);
        if (!signedNote)
            return 5;
        std::printf("signed %s\n", qPrintable(created->id));
        std::fflush(stdout);
    }
}

int typeDraft(const QString &directory)
{
    auto vault = openOrCreate(directory);
    if (!vault)
        return 3;
    Note draft;
    draft.id = DraftWriter::newDraftId();
    draft.engagementId = crashEngagement((*vault)->store());
    draft.kind = NoteKind::Observation;
    auto connection = (*vault)->openConnection();
    if (!connection)
        return 4;
    // The app's rhythm (DraftWriter's defaults) sped up, so that a cut lands among many writes and
    // syncs: most cuts come after a sync, and between two.
    DraftWriter writer(std::move(*connection), (*vault)->identity(), (*vault)->clock(), std::chrono::milliseconds(20),
                       std::chrono::milliseconds(100));
    std::mutex lengthsMutex;
    QHash<quint64, qsizetype> lengths;
    QObject::connect(&writer, &DraftWriter::written, [&](const QString &, quint64 revision) {
        std::lock_guard lock(lengthsMutex);
        std::printf("durable %lld\n", qlonglong(lengths.value(revision)));
        std::fflush(stdout);
    });
    QObject::connect(&writer, &DraftWriter::failed, [](const QString &, const QString &message) {
        std::printf("failed %s\n", qPrintable(message));
        std::fflush(stdout);
    });
    std::printf("draft %s\n", qPrintable(draft.id));
    std::fflush(stdout);
    for (;;) {
        draft.text += QLatin1Char('a' + draft.text.size() % 26);
        {
            std::lock_guard lock(lengthsMutex);
            lengths.insert(writer.submit(draft), draft.text.size());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(draft.text.size() % 20 == 0 ? 100 : 5)); // a pause now and then
    }
}

int switchPassphrases(const QString &directory)
{
    const char *const choices[] = {"passphrase A", "passphrase B"};
    auto keyFile = VaultKeyFile::read(Vault::keyFilePath(directory));
    if (!keyFile)
        return 3;
    int current = keyFile->unwrap(secret(choices[0])).ok() ? 0 : 1;
    auto vault = Vault::open(directory, secret(choices[current]), fastOptions());
    if (!vault)
        return 4;
    for (;;) {
        const int next = 1 - current;
        if (!(*vault)->changePassphrase(secret(choices[current]), secret(choices[next])))
            return 5;
        current = next;
        std::printf("now %s\n", choices[current]);
        std::fflush(stdout);
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    if (args.at(1) == QLatin1String("write"))
        return writeNotes(args.at(2));
    if (args.at(1) == QLatin1String("type"))
        return typeDraft(args.at(2));
    if (args.at(1) == QLatin1String("passwd"))
        return switchPassphrases(args.at(2));
    return 2;
}
