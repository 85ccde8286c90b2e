// Helper for tst_crashconsistency: works on a vault until it is killed, printing each
// acknowledgement only after the call that made it durable has returned.
//   vault-crash-child write DIR   create and sign notes, print each signed id
//   vault-crash-child passwd DIR  switch the passphrase between two values, print the new one
#include "notestore.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QCoreApplication>

#include <cstdio>

using namespace fieldnotes;
using namespace fieldnotes::test;

namespace {
int writeNotes(const QString &directory)
{
    auto vault = Vault::exists(directory) ? Vault::open(directory, secret("crash passphrase"), fastOptions())
                                          : Vault::create(directory, secret("crash passphrase"), fastOptions());
    if (!vault) {
        std::fprintf(stderr, "open: %s\n", qPrintable(vault.error().message));
        return 3;
    }
    NoteStore &store = (*vault)->store();
    auto reviews = store.reviews();
    QString engagementId;
    if (reviews->isEmpty()) {
        const QString reviewId = store.addReview(Review{{}, QStringLiteral("Crash review"), QDate(2026, 1, 5), QDate(2026, 1, 9)})->id;
        Engagement engagement;
        engagement.priorityId = store.addPriority(Priority{{}, reviewId, QStringLiteral("P"), {}, {}})->id;
        engagement.scheduledStart = QDateTime::currentDateTimeUtc();
        engagement.agreedMinutes = 30;
        engagementId = store.addEngagement(engagement)->id;
    } else {
        engagementId = store.engagements(reviews->first().id)->first().id;
    }
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
    if (args.at(1) == QLatin1String("passwd"))
        return switchPassphrases(args.at(2));
    return 2;
}
