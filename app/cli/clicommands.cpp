#include "clicommands.h"

#include "demoreview.h"
#include "engagementrecord.h"
#include "notestore.h"
#include "noteverifier.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "storebackup.h"
#include "syncencoding.h"
#include "syncstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <algorithm>

namespace fieldnotes::cli {

namespace {
QString oneLine(const QString &text, int width)
{
    QString flat = text.simplified();
    return flat.size() > width ? flat.left(width - 1) + QStringLiteral("…") : flat;
}

QJsonObject noteToJson(const Note &note)
{
    QJsonObject object{
        {QStringLiteral("id"), note.id},
        {QStringLiteral("engagement"), note.engagementId},
        {QStringLiteral("kind"), noteKindName(note.kind)},
        {QStringLiteral("text"), note.text},
        {QStringLiteral("state"), note.isSigned() ? QStringLiteral("signed") : QStringLiteral("draft")},
        {QStringLiteral("evidence_asked"), note.evidenceAsked},
        {QStringLiteral("evidence_given"), note.evidenceGiven},
        {QStringLiteral("created_at"), canonicalTimestamp(note.createdAt)},
    };
    if (!note.amendsHash.isEmpty())
        object.insert(QStringLiteral("amends"), QString::fromLatin1(note.amendsHash.toHex()));
    if (note.isSigned()) {
        object.insert(QStringLiteral("signed_at"), canonicalTimestamp(note.signedAt));
        object.insert(QStringLiteral("sequence"), note.sequence);
        object.insert(QStringLiteral("hash"), QString::fromLatin1(note.hash.toHex()));
    }
    return object;
}
} // namespace

CliCommands::CliCommands(QString vaultDirectory, PassphraseReader passphrases, QTextStream &out, QTextStream &err)
    : m_directory(std::move(vaultDirectory)), m_passphrases(passphrases), m_out(out), m_err(err)
{
}

QString CliCommands::usageText()
{
    return QStringLiteral(
        "usage: fieldnotes-cli [--vault DIR] [--passphrase-fd N] COMMAND ...\n"
        "  init [--kdf standard|moderate|interactive|sensitive]\n"
        "  passwd [--kdf ...]                     (reads the old, then the new passphrase)\n"
        "  review add --title T --start YYYY-MM-DD --end YYYY-MM-DD\n"
        "  review list [--json]\n"
        "  priority add --title T [--line L]... [--question Q]... [--review ID]\n"
        "  priority list [--review ID] [--json]\n"
        "  engagement list [--review ID] [--json]\n"
        "  engagement add --kind KIND --priority ID --start ISO8601 --minutes N\n"
        "                 [--title T] [--introducer WHO] [--note-taker WHO] [--participants ROLE=COUNT]...\n"
        "  note add --engagement ID --kind KIND --text T [--evidence-asked] [--evidence-given] [--evidence-not-asked]\n"
        "  note sign ID\n"
        "  note amend ID --text T\n"
        "  note list [--json]\n"
        "  search QUERY [--json]\n"
        "  export [--output FILE]                 (signed notes as JSON Lines)\n"
        "  verify [FILE] [--key BASE64]...        (an export, or the vault)\n"
        "  check                                  (integrity of the encrypted database)\n"
        "  backup --output FILE                   (a copy of the vault, encrypted as it is)\n"
        "  restore --backup FILE                  (into --vault DIR, a new directory; needs the vault's passphrase)\n"
        "  demo                                   (a demo review, a signed note, verified)\n"
        "a tablet's sync with the team leader's archive:\n"
        "  join CODE [--role reviewer|young-inspector|deputy-leader] [--label NAME]  (deputy-leader: with a code from `leader invite --deputy`)\n"
        "  sync                                   (send signed notes; fetch the roster)\n"
        "  status [--json]                        (enrolment and outbox)\n"
        "the team leader's (each takes --review ID when the vault holds more than one review):\n"
        "  leader create-review|invite [--deputy]|approve|revoke|publish|collect  (sync; see the README; a deputy leader's vault runs them too)\n"
        "  leader recovery-kit --output FILE [--page PDF]  seal the review's keys under a recovery passphrase\n"
        "  leader restore --kit FILE           a new leader vault from the kit; collects everything again\n"
        "  leader notes [--priority ID] [--source S] [--engagement ID] [--kind KIND] [--tablet NAME] [--verified yes|no]\n"
        "               [--sort newest|priority|engagement|source|kind|tablet] [--json]\n"
        "  leader search QUERY [same filters] [--json]\n"
        "  leader engagements [--json];  leader source set ENGAGEMENT SOURCE | clear ENGAGEMENT [--by WHO]\n"
        "  leader source list [--json] | add ID --label LABEL [--word ROLE-WORD]... | remove ID [--by WHO]\n"
        "  leader concerns [--json];  leader concern follow-up NOTE [--seen-at T] [--raised-with WHOM] [--decision TEXT] [--by WHO]\n"
        "  leader desk-review set PRIORITY [--rag red|amber|green] [--targets|--comparators|--trend|--quartile|--geography|\n"
        "                     --local-measures|--monitoring TEXT]... [--line LINE]... [--by WHO];  leader desk-review list [--json]\n"
        "  leader finding add --priority ID --kind good-practice|area-for-development --statement TEXT [--by WHO]\n"
        "  leader finding edit F [--kind K] [--statement TEXT];  leader finding link|unlink F NOTE [--from N --to M]\n"
        "  leader finding list [--priority ID] [--json]\n"
        "  leader recommendation add --priority ID --text TEXT --finding F...;  leader recommendation list [--json]\n"
        "  leader report --output FILE [--format html|pdf] [--final]  (a working copy of the review report)\n"
        "  leader report issue preview|consultation|final [--by WHO];  leader report versions [--json];  leader report export N --output DIR\n"
        "  leader consultation add --finding F --role ROLE --said TEXT --decision accepted|changed|not-accepted [--reason TEXT] [--by WHO]\n"
        "  leader consultation list [--json];  leader export csv|qdpx --output FILE  (CSV rows; a REFI-QDA project)\n"
        "  leader bundle --output DIR              (the evidence bundle: a BagIt bag, signed)\n"
        "  leader setting archive-retention keep|DAYS  (how long the archive keeps envelopes once a bundle holds their notes)\n"
        "anyone, with no vault:\n"
        "  verify-bundle DIR [--key REVIEW_KEY_HEX]\n"
        "  leader triangulation [--priority ID] [--json];  leader setting required-sources N;  leader history [--subject S] [--json]\n"
        "engagement kinds: %1\nnote kinds: %2\n")
        .arg(engagementKindNames().join(QStringLiteral(", ")), noteKindNames().join(QStringLiteral(", ")));
}

ExitCode CliCommands::fail(const Error &error)
{
    m_err << "fieldnotes-cli: " << error.message << Qt::endl;
    m_failure = exitCodeFor(error.code);
    return m_failure;
}

ExitCode CliCommands::usage(const QString &message)
{
    m_err << "fieldnotes-cli: " << message << Qt::endl << usageText();
    m_err.flush();
    return UsageError;
}

Result<KdfParameters> CliCommands::kdfFrom(const CommandArguments &args)
{
    const QString profile = args.value(QStringLiteral("kdf"));
    if (profile.isEmpty() || profile == QLatin1String("standard"))
        return KdfParameters::standard();
    if (profile == QLatin1String("moderate"))
        return KdfParameters::moderate();
    if (profile == QLatin1String("interactive"))
        return KdfParameters::interactive();
    if (profile == QLatin1String("sensitive"))
        return KdfParameters::sensitive();
    return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown --kdf '%1'").arg(profile)};
}

std::unique_ptr<Vault> CliCommands::unlock()
{
    if (!Vault::exists(m_directory)) {
        fail(Error{ErrorCode::VaultNotFound, QStringLiteral("no vault in %1 (create one with 'init')").arg(m_directory)});
        return nullptr;
    }
    QString readError;
    SecureBytes passphrase = m_passphrases.read(QStringLiteral("Passphrase"), &readError);
    if (passphrase.isNull()) {
        fail(Error{ErrorCode::WrongPassphrase, readError});
        return nullptr;
    }
    if (const qint64 wait = Vault::secondsUntilUnlockAllowed(m_directory); wait > 0) {
        m_err << "fieldnotes-cli: waiting " << wait << " s after failed passphrase attempts" << Qt::endl;
        QThread::sleep(static_cast<unsigned long>(wait));
    }
    auto vault = Vault::open(m_directory, passphrase);
    if (!vault) {
        fail(vault.error());
        return nullptr;
    }
    return std::move(*vault);
}

ExitCode CliCommands::run(const QStringList &words)
{
    if (words.isEmpty())
        return usage(QStringLiteral("no command given"));
    const QString command = words.first();
    const bool twoWords = words.size() > 1
        && (command == QLatin1String("review") || command == QLatin1String("priority")
            || command == QLatin1String("engagement") || command == QLatin1String("note")
            || command == QLatin1String("leader"));
    const QString name = twoWords ? command + QLatin1Char(' ') + words.at(1) : command;
    const CommandArguments args(words.mid(twoWords ? 2 : 1),
                                {QStringLiteral("json"), QStringLiteral("evidence-asked"), QStringLiteral("evidence-given"), QStringLiteral("evidence-not-asked"), QStringLiteral("all"),
                                 QStringLiteral("final"), QStringLiteral("deputy")});
    if (!args.isValid())
        return usage(args.error());

    struct Entry {
        const char *name;
        ExitCode (CliCommands::*handler)(const CommandArguments &);
        QSet<QString> options;
    };
    const QList<Entry> commands{
        {"init", &CliCommands::init, {QStringLiteral("kdf")}},
        {"passwd", &CliCommands::passwd, {QStringLiteral("kdf")}},
        {"review add", &CliCommands::reviewAdd, {QStringLiteral("title"), QStringLiteral("start"), QStringLiteral("end")}},
        {"priority add", &CliCommands::priorityAdd, {QStringLiteral("title"), QStringLiteral("line"), QStringLiteral("question"), QStringLiteral("review")}},
        {"engagement add", &CliCommands::engagementAdd,
         {QStringLiteral("kind"), QStringLiteral("priority"), QStringLiteral("start"), QStringLiteral("minutes"), QStringLiteral("title"),
          QStringLiteral("introducer"), QStringLiteral("note-taker"), QStringLiteral("participants")}},
        {"note add", &CliCommands::noteAdd,
         {QStringLiteral("engagement"), QStringLiteral("kind"), QStringLiteral("text"), QStringLiteral("evidence-asked"), QStringLiteral("evidence-given"),
          QStringLiteral("evidence-not-asked")}},
        {"note sign", &CliCommands::noteSign, {}},
        {"note amend", &CliCommands::noteAmend, {QStringLiteral("text")}},
        {"note list", &CliCommands::noteList, {QStringLiteral("json")}},
        {"review list", &CliCommands::reviewList, {QStringLiteral("json")}},
        {"priority list", &CliCommands::priorityList, {QStringLiteral("review"), QStringLiteral("json")}},
        {"engagement list", &CliCommands::engagementList, {QStringLiteral("review"), QStringLiteral("json")}},
        {"search", &CliCommands::search, {QStringLiteral("json")}},
        {"export", &CliCommands::exportNotes, {QStringLiteral("output")}},
        {"verify", &CliCommands::verify, {QStringLiteral("key")}},
        {"check", &CliCommands::check, {}},
        {"backup", &CliCommands::backup, {QStringLiteral("output")}},
        {"restore", &CliCommands::restore, {QStringLiteral("backup")}},
        {"demo", &CliCommands::demo, {}},
        {"leader create-review", &CliCommands::leaderCreateReview,
         {QStringLiteral("review"), QStringLiteral("archive"), QStringLiteral("fingerprint"), QStringLiteral("creation-code")}},
        {"leader invite", &CliCommands::leaderInvite, {QStringLiteral("review"), QStringLiteral("hours"), QStringLiteral("deputy")}},
        {"leader recovery-kit", &CliCommands::leaderRecoveryKit, {QStringLiteral("review"), QStringLiteral("output"), QStringLiteral("page")}},
        {"leader restore", &CliCommands::leaderRestore, {QStringLiteral("kit"), QStringLiteral("kdf")}},
        {"leader approve", &CliCommands::leaderApprove, {QStringLiteral("review"), QStringLiteral("all")}},
        {"leader revoke", &CliCommands::leaderRevoke, {QStringLiteral("review"), QStringLiteral("reason")}},
        {"leader publish", &CliCommands::leaderPublish, {QStringLiteral("review"), QStringLiteral("retention-days")}},
        {"leader collect", &CliCommands::leaderCollect, {QStringLiteral("review"), QStringLiteral("json")}},
        {"leader notes", &CliCommands::leaderNotes,
         {QStringLiteral("review"), QStringLiteral("priority"), QStringLiteral("source"), QStringLiteral("engagement"), QStringLiteral("kind"), QStringLiteral("tablet"), QStringLiteral("verified"),
          QStringLiteral("sort"), QStringLiteral("json")}},
        {"leader search", &CliCommands::leaderSearch,
         {QStringLiteral("review"), QStringLiteral("priority"), QStringLiteral("source"), QStringLiteral("engagement"), QStringLiteral("kind"), QStringLiteral("tablet"), QStringLiteral("verified"),
          QStringLiteral("json")}},
        {"leader engagements", &CliCommands::leaderEngagements, {QStringLiteral("review"), QStringLiteral("json")}},
        {"leader source", &CliCommands::leaderSource,
         {QStringLiteral("review"), QStringLiteral("by"), QStringLiteral("label"), QStringLiteral("word"), QStringLiteral("json")}},
        {"leader finding", &CliCommands::leaderFinding,
         {QStringLiteral("review"), QStringLiteral("priority"), QStringLiteral("kind"), QStringLiteral("statement"), QStringLiteral("from"),
          QStringLiteral("to"), QStringLiteral("by"), QStringLiteral("json")}},
        {"leader recommendation", &CliCommands::leaderRecommendation,
         {QStringLiteral("review"), QStringLiteral("priority"), QStringLiteral("text"), QStringLiteral("finding"), QStringLiteral("by"),
          QStringLiteral("json")}},
        {"leader triangulation", &CliCommands::leaderTriangulation, {QStringLiteral("review"), QStringLiteral("priority"), QStringLiteral("json")}},
        {"leader setting", &CliCommands::leaderSetting, {QStringLiteral("review"), QStringLiteral("by")}},
        {"leader history", &CliCommands::leaderHistory, {QStringLiteral("review"), QStringLiteral("subject"), QStringLiteral("json")}},
        {"leader concerns", &CliCommands::leaderConcerns, {QStringLiteral("review"), QStringLiteral("json")}},
        {"leader report", &CliCommands::leaderReport,
         {QStringLiteral("review"), QStringLiteral("format"), QStringLiteral("output"), QStringLiteral("final"), QStringLiteral("by"), QStringLiteral("json")}},
        {"leader export", &CliCommands::leaderExport, {QStringLiteral("review"), QStringLiteral("output")}},
        {"leader bundle", &CliCommands::leaderBundle, {QStringLiteral("review"), QStringLiteral("output")}},
        {"verify-bundle", &CliCommands::verifyBundle, {QStringLiteral("key")}},
        {"leader consultation", &CliCommands::leaderConsultation,
         {QStringLiteral("review"), QStringLiteral("finding"), QStringLiteral("role"), QStringLiteral("said"), QStringLiteral("decision"),
          QStringLiteral("reason"), QStringLiteral("by"), QStringLiteral("json")}},
        {"leader concern", &CliCommands::leaderConcern,
         {QStringLiteral("review"), QStringLiteral("seen-at"), QStringLiteral("raised-with"), QStringLiteral("decision"), QStringLiteral("by")}},
        {"leader desk-review", &CliCommands::leaderDeskReview,
         {QStringLiteral("review"), QStringLiteral("rag"), QStringLiteral("targets"), QStringLiteral("comparators"), QStringLiteral("trend"),
          QStringLiteral("quartile"), QStringLiteral("geography"), QStringLiteral("local-measures"), QStringLiteral("monitoring"),
          QStringLiteral("line"), QStringLiteral("by"), QStringLiteral("json")}},
        {"join", &CliCommands::join, {QStringLiteral("role"), QStringLiteral("label")}},
        {"sync", &CliCommands::sync, {}},
        {"status", &CliCommands::status, {QStringLiteral("json")}},
    };
    for (const Entry &entry : commands) {
        if (name != QLatin1String(entry.name))
            continue;
        if (const QStringList unknown = args.unknownOptions(entry.options); !unknown.isEmpty())
            return usage(QStringLiteral("'%1' does not take %2").arg(name, unknown.join(QStringLiteral(", "))));
        return (this->*entry.handler)(args);
    }
    return usage(QStringLiteral("unknown command '%1'").arg(name));
}

ExitCode CliCommands::init(const CommandArguments &args)
{
    auto kdf = kdfFrom(args);
    if (!kdf)
        return usage(kdf.error().message);
    if (Vault::exists(m_directory))
        return fail(Error{ErrorCode::VaultExists, QStringLiteral("a vault already exists in %1").arg(m_directory)});
    QString readError;
    SecureBytes passphrase = m_passphrases.readNew(QStringLiteral("New passphrase"), &readError);
    if (passphrase.isNull())
        return fail(Error{ErrorCode::InvalidArgument, readError});
    auto vault = Vault::create(m_directory, passphrase, VaultOptions{systemClock(), *kdf});
    if (!vault)
        return fail(vault.error());
    m_out << "created a vault in " << m_directory << Qt::endl;
    m_out << "device key " << (*vault)->devicePublicKey().toBase64() << Qt::endl;
    return Success;
}

ExitCode CliCommands::passwd(const CommandArguments &args)
{
    auto kdf = kdfFrom(args);
    if (!kdf)
        return usage(kdf.error().message);
    if (!Vault::exists(m_directory))
        return fail(Error{ErrorCode::VaultNotFound, QStringLiteral("no vault in %1").arg(m_directory)});
    QString readError;
    SecureBytes current = m_passphrases.read(QStringLiteral("Current passphrase"), &readError);
    if (current.isNull())
        return fail(Error{ErrorCode::WrongPassphrase, readError});
    SecureBytes next = m_passphrases.readNew(QStringLiteral("New passphrase"), &readError);
    if (next.isNull())
        return fail(Error{ErrorCode::InvalidArgument, readError});
    auto vault = Vault::open(m_directory, current);
    if (!vault)
        return fail(vault.error());
    // Without --kdf the file keeps its own settings: a passphrase change never lowers them.
    const auto newKdf = args.has(QStringLiteral("kdf")) ? std::optional<KdfParameters>(*kdf) : std::nullopt;
    if (auto changed = (*vault)->changePassphrase(current, next, newKdf); !changed)
        return fail(changed.error());
    m_out << "passphrase changed" << Qt::endl;
    return Success;
}

ExitCode CliCommands::reviewAdd(const CommandArguments &args)
{
    const QDate start = QDate::fromString(args.value(QStringLiteral("start")), Qt::ISODate);
    const QDate end = QDate::fromString(args.value(QStringLiteral("end")), Qt::ISODate);
    if (args.value(QStringLiteral("title")).isEmpty() || !start.isValid() || !end.isValid())
        return usage(QStringLiteral("review add needs --title, --start YYYY-MM-DD and --end YYYY-MM-DD"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto review = vault->store().addReview(Review{{}, args.value(QStringLiteral("title")), start, end});
    if (!review)
        return fail(review.error());
    m_out << review->id << Qt::endl;
    return Success;
}

ExitCode CliCommands::priorityAdd(const CommandArguments &args)
{
    if (args.value(QStringLiteral("title")).isEmpty())
        return usage(QStringLiteral("priority add needs --title"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    QString reviewId = args.value(QStringLiteral("review"));
    if (reviewId.isEmpty()) {
        auto reviews = vault->store().reviews();
        if (!reviews)
            return fail(reviews.error());
        if (reviews->isEmpty())
            return fail(Error{ErrorCode::NotFound, QStringLiteral("no review yet: add one with 'review add'")});
        reviewId = reviews->last().id;
    }
    auto priority = vault->store().addPriority(Priority{{}, reviewId, args.value(QStringLiteral("title")),
                                                        args.values(QStringLiteral("line")), args.values(QStringLiteral("question"))});
    if (!priority)
        return fail(priority.error());
    m_out << priority->id << Qt::endl;
    return Success;
}

ExitCode CliCommands::engagementAdd(const CommandArguments &args)
{
    const auto kind = engagementKindFromName(args.value(QStringLiteral("kind")));
    if (!kind)
        return usage(QStringLiteral("--kind must be one of: %1").arg(engagementKindNames().join(QStringLiteral(", "))));
    const QDateTime start = QDateTime::fromString(args.value(QStringLiteral("start")), Qt::ISODate);
    bool minutesOk = false;
    const int minutes = args.value(QStringLiteral("minutes")).toInt(&minutesOk);
    if (!start.isValid() || !minutesOk || minutes <= 0 || args.value(QStringLiteral("priority")).isEmpty())
        return usage(QStringLiteral("engagement add needs --priority ID, --start ISO8601 and --minutes N (N > 0)"));
    Engagement engagement;
    engagement.priorityId = args.value(QStringLiteral("priority"));
    engagement.kind = *kind;
    engagement.title = args.value(QStringLiteral("title"));
    engagement.scheduledStart = start.toUTC();
    engagement.agreedMinutes = minutes;
    engagement.introducer = args.value(QStringLiteral("introducer"));
    engagement.noteTaker = args.value(QStringLiteral("note-taker"));
    for (const QString &group : args.values(QStringLiteral("participants"))) {
        const qsizetype equals = group.lastIndexOf(QLatin1Char('='));
        bool countOk = false;
        const int count = equals > 0 ? group.mid(equals + 1).toInt(&countOk) : 0;
        if (!countOk || count <= 0)
            return usage(QStringLiteral("--participants takes ROLE=COUNT, e.g. 'young person=6'"));
        engagement.participants << ParticipantGroup{group.left(equals).trimmed(), count};
    }
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto added = vault->store().addEngagement(engagement);
    if (!added)
        return fail(added.error());
    m_out << added->id << Qt::endl;
    return Success;
}

ExitCode CliCommands::noteAdd(const CommandArguments &args)
{
    const auto kind = noteKindFromName(args.value(QStringLiteral("kind")));
    if (!kind || *kind == NoteKind::Amendment)
        return usage(QStringLiteral("--kind must be one of: %1 (amendments: 'note amend')").arg(noteKindNames().join(QStringLiteral(", "))));
    if (args.value(QStringLiteral("engagement")).isEmpty() || !args.has(QStringLiteral("text")))
        return usage(QStringLiteral("note add needs --engagement ID and --text T"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    Note draft;
    draft.engagementId = args.value(QStringLiteral("engagement"));
    draft.kind = *kind;
    draft.text = args.value(QStringLiteral("text"));
    draft.evidenceAsked = args.flag(QStringLiteral("evidence-asked")) || args.flag(QStringLiteral("evidence-given"));
    draft.evidenceGiven = args.flag(QStringLiteral("evidence-given"));
    draft.evidenceAnswered = draft.evidenceAsked || args.flag(QStringLiteral("evidence-not-asked"));
    if (draft.evidenceAsked && args.flag(QStringLiteral("evidence-not-asked")))
        return usage(QStringLiteral("--evidence-not-asked contradicts --evidence-asked and --evidence-given"));
    auto created = vault->store().createDraft(draft);
    if (!created)
        return fail(created.error());
    m_out << created->id << Qt::endl;
    return Success;
}

ExitCode CliCommands::noteSign(const CommandArguments &args)
{
    if (args.positionals().size() != 1)
        return usage(QStringLiteral("note sign takes one note id"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto signedNote = vault->store().signDraft(args.positionals().first());
    if (!signedNote)
        return fail(signedNote.error());
    m_out << "signed " << signedNote->content.id << " sequence " << signedNote->content.sequence << " at "
          << canonicalTimestamp(signedNote->content.signedAt) << " hash " << signedNote->hash.toHex() << Qt::endl;
    return Success;
}

ExitCode CliCommands::noteAmend(const CommandArguments &args)
{
    if (args.positionals().size() != 1 || args.value(QStringLiteral("text")).isEmpty())
        return usage(QStringLiteral("note amend takes one signed note id and --text T"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto amendment = vault->store().amend(args.positionals().first(), args.value(QStringLiteral("text")));
    if (!amendment)
        return fail(amendment.error());
    m_out << amendment->content.id << Qt::endl;
    return Success;
}

ExitCode CliCommands::noteList(const CommandArguments &args)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto notes = vault->store().notes();
    if (!notes)
        return fail(notes.error());
    if (args.flag(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Note &note : *notes)
            array.append(noteToJson(note));
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const Note &note : *notes) {
        m_out << note.id << "  " << (note.isSigned() ? QStringLiteral("signed #%1").arg(note.sequence) : QStringLiteral("draft"))
              << "  " << noteKindName(note.kind) << "  " << oneLine(note.text, 60) << Qt::endl;
    }
    return Success;
}

namespace {
// The review a listing is for: --review, or the vault's last review.
Result<QString> reviewOf(Vault &vault, const CommandArguments &args)
{
    if (const QString chosen = args.value(QStringLiteral("review")); !chosen.isEmpty())
        return chosen;
    auto reviews = vault.store().reviews();
    if (!reviews)
        return reviews.error();
    if (reviews->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("no review yet: add one with 'review add'")};
    return reviews->last().id;
}
} // namespace

ExitCode CliCommands::reviewList(const CommandArguments &args)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto reviews = vault->store().reviews();
    if (!reviews)
        return fail(reviews.error());
    if (args.flag(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Review &review : std::as_const(*reviews))
            array << QJsonObject{{QStringLiteral("id"), review.id}, {QStringLiteral("title"), review.title},
                                 {QStringLiteral("start"), review.startDate.toString(Qt::ISODate)},
                                 {QStringLiteral("end"), review.endDate.toString(Qt::ISODate)}};
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const Review &review : std::as_const(*reviews))
        m_out << review.id << "  " << review.startDate.toString(Qt::ISODate) << " to " << review.endDate.toString(Qt::ISODate) << "  "
              << review.title << Qt::endl;
    return Success;
}

ExitCode CliCommands::priorityList(const CommandArguments &args)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto reviewId = reviewOf(*vault, args);
    if (!reviewId)
        return fail(reviewId.error());
    auto priorities = vault->store().priorities(*reviewId);
    if (!priorities)
        return fail(priorities.error());
    if (args.flag(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Priority &priority : std::as_const(*priorities))
            array << QJsonObject{{QStringLiteral("id"), priority.id}, {QStringLiteral("review"), priority.reviewId},
                                 {QStringLiteral("title"), priority.title},
                                 {QStringLiteral("lines_of_enquiry"), QJsonArray::fromStringList(priority.linesOfEnquiry)},
                                 {QStringLiteral("questions"), QJsonArray::fromStringList(priority.suggestedQuestions)}};
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const Priority &priority : std::as_const(*priorities))
        m_out << priority.id << "  " << priority.title << Qt::endl;
    return Success;
}

ExitCode CliCommands::engagementList(const CommandArguments &args)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto reviewId = reviewOf(*vault, args);
    if (!reviewId)
        return fail(reviewId.error());
    auto engagements = vault->store().engagements(*reviewId);
    if (!engagements)
        return fail(engagements.error());
    if (args.flag(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Engagement &engagement : std::as_const(*engagements))
            array << sync::engagementToJson(engagement);
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const Engagement &engagement : std::as_const(*engagements))
        m_out << engagement.id << "  " << canonicalTimestamp(engagement.scheduledStart) << "  " << engagementKindName(engagement.kind)
              << "  " << engagement.agreedMinutes << " min  " << engagement.title << Qt::endl;
    return Success;
}

ExitCode CliCommands::search(const CommandArguments &args)
{
    if (args.positionals().isEmpty())
        return usage(QStringLiteral("search needs a QUERY"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto hits = vault->store().search(args.positionals().join(QLatin1Char(' ')));
    if (!hits)
        return fail(hits.error());
    if (args.flag(QStringLiteral("json"))) {
        QJsonArray array;
        for (const SearchHit &hit : *hits) {
            QJsonObject object = noteToJson(hit.note);
            object.insert(QStringLiteral("snippet"), hit.snippet);
            object.insert(QStringLiteral("rank"), hit.rank);
            array.append(object);
        }
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const SearchHit &hit : *hits)
        m_out << hit.note.id << "  " << noteKindName(hit.note.kind) << "  " << hit.snippet.simplified() << Qt::endl;
    return Success;
}

ExitCode CliCommands::exportNotes(const CommandArguments &args)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto notes = vault->store().signedNotes();
    if (!notes)
        return fail(notes.error());
    QByteArray lines;
    for (const SignedNote &note : *notes)
        lines += QJsonDocument(signedNoteToJson(note)).toJson(QJsonDocument::Compact) + '\n';
    const QString path = args.value(QStringLiteral("output"));
    if (path.isEmpty()) {
        m_out << QString::fromUtf8(lines);
        m_out.flush();
        return Success;
    }
    // Written beside the target and renamed over it: a killed export leaves no partial file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size() || !file.commit())
        return fail(Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())});
    m_out << notes->size() << " signed notes written to " << path << Qt::endl;
    return Success;
}

ExitCode CliCommands::verify(const CommandArguments &args)
{
    QList<SignedNote> notes;
    QList<QByteArray> trusted;
    QSet<QByteArray> vouchedRemovals; // only this device's own vault holds the leader's statements
    for (const QString &key : args.values(QStringLiteral("key")))
        trusted << QByteArray::fromBase64(key.toLatin1());

    if (args.positionals().size() > 1)
        return usage(QStringLiteral("verify takes at most one FILE"));
    if (args.positionals().isEmpty()) {
        auto vault = unlock();
        if (!vault)
            return m_failure;
        auto problems = vault->integrityProblems();
        if (!problems)
            return fail(problems.error());
        for (const QString &problem : *problems)
            m_out << "database: " << problem << Qt::endl;
        auto stored = vault->store().signedNotes();
        if (!stored)
            return fail(stored.error());
        notes = *stored;
        trusted << vault->devicePublicKey();
        auto vouched = sync::SyncStore(*vault).vouchedRemovals();
        if (!vouched)
            return fail(vouched.error());
        vouchedRemovals = *vouched;
        if (!problems->isEmpty())
            return VerificationFailed;
    } else {
        QFile file(args.positionals().first());
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error{ErrorCode::NotFound, QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString())});
        int lineNumber = 0;
        bool malformed = false;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++lineNumber;
            if (line.isEmpty())
                continue;
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
            auto note = document.isObject() ? signedNoteFromJson(document.object())
                                            : Result<SignedNote>(Error{ErrorCode::InvalidArgument, QStringLiteral("not a JSON object")});
            if (!note) {
                m_out << "line " << lineNumber << ": " << note.error().message << Qt::endl;
                malformed = true;
                continue;
            }
            notes << *note;
        }
        if (trusted.isEmpty()) {
            // Without --key, the file's own keys are taken as given: only integrity is checked.
            for (const SignedNote &note : std::as_const(notes))
                if (!trusted.contains(note.content.authorKey))
                    trusted << note.content.authorKey;
        }
        if (malformed) {
            m_out << "some lines could not be read; nothing in them was verified" << Qt::endl;
            return VerificationFailed;
        }
    }

    const VerificationReport report = verifyNotes(notes, trusted, vouchedRemovals);
    for (const NoteVerification &verdict : report.notes)
        for (const QString &line : verdict.describe())
            m_out << line << Qt::endl;
    if (!report.allValid())
        return VerificationFailed;
    const auto removed = std::count_if(report.notes.cbegin(), report.notes.cend(), [](const NoteVerification &v) { return v.contentRemoved; });
    m_out << notes.size() - removed << " signed note" << (notes.size() - removed == 1 ? "" : "s") << " verified";
    if (removed > 0)
        m_out << "; " << removed
              << " more collected by the team leader and removed from this device (each vouched for by the leader's signed "
                 "statement of its hash; its place in the chain checked)";
    m_out << Qt::endl;
    return Success;
}

ExitCode CliCommands::check(const CommandArguments &)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto problems = vault->integrityProblems();
    if (!problems)
        return fail(problems.error());
    for (const QString &problem : *problems)
        m_out << problem << Qt::endl;
    if (!problems->isEmpty())
        return VerificationFailed;
    m_out << "ok" << Qt::endl;
    return Success;
}

ExitCode CliCommands::demo(const CommandArguments &)
{
    QString readError;
    SecureBytes passphrase = m_passphrases.read(QStringLiteral("Passphrase for the demo vault"), &readError);
    if (passphrase.isNull())
        return fail(Error{ErrorCode::WrongPassphrase, readError});
    auto vault = Vault::exists(m_directory) ? Vault::open(m_directory, passphrase) : Vault::create(m_directory, passphrase);
    if (!vault)
        return fail(vault.error());
    NoteStore &store = (*vault)->store();
    auto reviews = store.reviews();
    if (!reviews)
        return fail(reviews.error());
    if (reviews->isEmpty()) {
        auto review = seedDemoReview(store, mondayOfThisWeek());
        if (!review)
            return fail(review.error());
        reviews->append(*review);
    }
    auto engagements = store.engagements(reviews->first().id);
    if (!engagements)
        return fail(engagements.error());
    Note draft;
    draft.engagementId = engagements->first().id;
    draft.kind = NoteKind::Statement;
    draft.text = QStringLiteral("A lead officer said attendance rose after the family support pilot; "
                                "they showed the termly attendance report as evidence.");
    draft.evidenceAsked = draft.evidenceGiven = draft.evidenceAnswered = true;
    auto created = store.createDraft(draft);
    if (!created)
        return fail(created.error());
    auto signedNote = store.signDraft(created->id);
    if (!signedNote)
        return fail(signedNote.error());
    m_out << "Review: " << reviews->first().title << " (" << engagements->size() << " engagements)" << Qt::endl;
    m_out << "Signed note:" << Qt::endl
          << QJsonDocument(signedNoteToJson(*signedNote)).toJson(QJsonDocument::Indented);
    auto all = store.signedNotes();
    if (!all)
        return fail(all.error());
    auto vouched = sync::SyncStore(**vault).vouchedRemovals();
    if (!vouched)
        return fail(vouched.error());
    const VerificationReport report = verifyNotes(*all, {(*vault)->devicePublicKey()}, *vouched);
    m_out << (report.allValid() ? "Verified: " : "VERIFICATION FAILED: ") << all->size()
          << (all->size() == 1 ? " signed note in " : " signed notes in ") << m_directory << Qt::endl;
    return report.allValid() ? Success : VerificationFailed;
}

} // namespace fieldnotes::cli

namespace fieldnotes::cli {

ExitCode CliCommands::backup(const CommandArguments &args)
{
    const QString output = args.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usage(QStringLiteral("backup needs --output FILE"));
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto written = sync::writeStoreBackup(output, sync::vaultStoreFiles(), Vault::keyFilePath(m_directory), vault->database());
    if (!written)
        return fail(written.error());
    m_out << "backed up " << m_directory << " to " << output << " (" << QFileInfo(output).size()
          << " bytes, encrypted as the vault is; restoring needs its passphrase)" << Qt::endl;
    return Success;
}

ExitCode CliCommands::restore(const CommandArguments &args)
{
    const QString backupFile = args.value(QStringLiteral("backup"));
    if (backupFile.isEmpty())
        return usage(QStringLiteral("restore needs --backup FILE (and --vault DIR for the new vault)"));
    if (QFileInfo::exists(m_directory))
        return fail(Error{ErrorCode::VaultExists, QStringLiteral("%1 already exists: restore into a new directory").arg(m_directory)});
    // Unpacked beside the target, opened with the passphrase and checked, then moved into place.
    const QString unpacked = m_directory + QStringLiteral(".restoring");
    QDir(unpacked).removeRecursively();
    auto label = sync::unpackStoreBackup(backupFile, sync::vaultStoreFiles(), unpacked);
    if (!label)
        return fail(label.error());
    auto removeUnpacked = qScopeGuard([unpacked] { QDir(unpacked).removeRecursively(); });
    QString readError;
    const SecureBytes passphrase = m_passphrases.read(QStringLiteral("Passphrase of the vault backed up"), &readError);
    if (passphrase.isNull())
        return fail(Error{ErrorCode::WrongPassphrase, readError});
    int signedNotes = 0;
    bool enrolledTablet = false;
    {
        auto vault = Vault::open(unpacked, passphrase);
        if (!vault)
            return fail(vault.error().code == ErrorCode::WrongPassphrase
                            ? Error{ErrorCode::WrongPassphrase, QStringLiteral("wrong passphrase for the vault in %1; nothing restored").arg(backupFile)}
                            : vault.error());
        if (auto wal = (*vault)->database().exec("PRAGMA journal_mode = WAL"); !wal)
            return fail(wal.error());
        auto problems = (*vault)->integrityProblems();
        if (!problems)
            return fail(problems.error());
        if (!problems->isEmpty())
            return fail(Error{ErrorCode::VaultDamaged, QStringLiteral("the restored vault fails its integrity check: ") + problems->join(QStringLiteral("; "))});
        auto notes = (*vault)->store().signedNotes();
        if (!notes)
            return fail(notes.error());
        signedNotes = int(notes->size());
        auto enrolment = sync::SyncStore(**vault).enrolment();
        enrolledTablet = enrolment && enrolment->has_value() && (*enrolment)->role != QLatin1String("team-leader");
    }
    QFile::remove(Vault::unlockFailuresPath(unpacked));
    if (!QDir().rename(unpacked, m_directory))
        return fail(Error{ErrorCode::Io, QStringLiteral("cannot move the restored vault from %1 to %2").arg(unpacked, m_directory)});
    removeUnpacked.dismiss();
    m_out << "restored the vault backed up at " << canonicalTimestamp(label->madeAt) << " into " << m_directory << ": " << signedNotes
          << " signed notes, integrity ok" << Qt::endl;
    if (enrolledTablet)
        m_out << "this tablet's notes signed after the backup are on the archive, not here; a note signed here before it syncs "
                 "may take a number the archive already holds (it would be kept as a conflict for the team leader)"
              << Qt::endl;
    return Success;
}

} // namespace fieldnotes::cli
