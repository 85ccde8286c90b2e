// fieldnotes-cli's sync commands: the team leader's (leader ...) and a device's (join, sync, status).
#include "clicommands.h"

#include "collectednotes.h"
#include "deskengagements.h"
#include "engagementrecord.h"
#include "devicesync.h"
#include "leaderdesk.h"
#include "recoverykit.h"
#include "recoverykitpage.h"
#include "notestore.h"
#include "syncencoding.h"
#include "syncstore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QDir>
#include <QSaveFile>

#include <qrencode.h>
#include <sodium.h>

namespace fieldnotes::cli {

namespace {
/// The code as a QR code drawn with half-block characters, two modules per character cell.
QString qrCodeText(const QString &text)
{
    QRcode *code = QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return {};
    const int size = code->width;
    const int quiet = 2;
    auto dark = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < size && y < size && (code->data[y * size + x] & 1);
    };
    QString out;
    for (int y = -quiet; y < size + quiet; y += 2) {
        for (int x = -quiet; x < size + quiet; ++x) {
            const bool top = dark(x, y);
            const bool bottom = dark(x, y + 1);
            // Light modules are drawn, so the code reads on a dark terminal as on paper.
            out += !top && !bottom ? QChar(0x2588) : !top ? QChar(0x2580) : !bottom ? QChar(0x2584) : QChar(u' ');
        }
        out += QLatin1Char('\n');
    }
    QRcode_free(code);
    return out;
}

std::optional<QByteArray> deviceKeyArgument(const QString &text)
{
    return sync::fromHex(text.trimmed().toLower(), crypto_sign_PUBLICKEYBYTES);
}
} // namespace

ExitCode CliCommands::withLedReview(const CommandArguments &args, const std::function<ExitCode(Vault &, const QString &)> &command)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto reviewId = leadReviewId(*vault, args);
    if (!reviewId)
        return fail(reviewId.error());
    return command(*vault, *reviewId);
}

Result<QString> CliCommands::leadReviewId(Vault &vault, const CommandArguments &args)
{
    if (args.has(QStringLiteral("review")))
        return args.value(QStringLiteral("review"));
    auto reviews = vault.store().reviews();
    if (!reviews)
        return reviews.error();
    if (reviews->size() != 1)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("this vault holds %1 reviews: say which with --review ID").arg(reviews->size())};
    return reviews->front().id;
}

ExitCode CliCommands::leaderCreateReview(const CommandArguments &args)
{
    const QString archive = args.value(QStringLiteral("archive"));
    if (archive.isEmpty())
        return usage(QStringLiteral("leader create-review needs --archive URL, --creation-code CODE (from `fieldnotes-archive "
                                    "review-code`) and --fingerprint HEX for https"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        if (auto created = sync::LeaderDesk(vault).createReview(reviewId, archive, args.value(QStringLiteral("fingerprint")),
                                                                args.value(QStringLiteral("creation-code")));
            !created)
            return fail(created.error());
        m_out << "review " << reviewId << " created on " << archive << "; this device is enrolled as team leader" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderInvite(const CommandArguments &args)
{
    const int hours = args.has(QStringLiteral("hours")) ? args.value(QStringLiteral("hours")).toInt() : 72;
    if (hours < 1)
        return usage(QStringLiteral("--hours must be a positive number"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        const bool deputy = args.flag(QStringLiteral("deputy"));
        auto code = sync::LeaderDesk(vault).invite(reviewId, hours, deputy);
        if (!code)
            return fail(code.error());
        m_out << qrCodeText(code->toText()) << code->toText() << Qt::endl;
        m_err << "one-time enrolment code" << (deputy ? " for a deputy leader (join it with --role deputy-leader)" : "") << ", valid for "
              << hours << " hours" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderRecoveryKit(const CommandArguments &args)
{
    const QString output = args.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usage(QStringLiteral("leader recovery-kit needs --output FILE"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        QString readError;
        const SecureBytes recovery = m_passphrases.readNew(QStringLiteral("Recovery passphrase (not the vault's)"), &readError);
        if (recovery.isNull())
            return fail(Error{ErrorCode::InvalidArgument, readError});
        auto kit = sync::LeaderDesk(vault).makeRecoveryKit(reviewId, recovery);
        if (!kit)
            return fail(kit.error());
        QSaveFile file(output); // nothing at the path until the whole kit is written
        if (!file.open(QIODevice::WriteOnly) || file.write(*kit) != kit->size() || !file.commit())
            return fail(Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(output, file.errorString())});
        m_out << "recovery kit for review " << reviewId << " written to " << output << Qt::endl;
        if (const QString page = args.value(QStringLiteral("page")); !page.isEmpty()) {
            if (auto written = sync::writeRecoveryKitPage(*kit, page); !written)
                return fail(written.error());
            m_out << "its printable page, with the kit as a QR code, written to " << page << Qt::endl;
        }
        if (auto recorded = sync::LeaderDesk(vault).recordRecoveryKitKept(reviewId, *kit); !recorded)
            return fail(recorded.error());
        m_err << "keep it, and its passphrase, apart from the tablet: with both, anyone can act as the team leader" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderRestore(const CommandArguments &args)
{
    const QString kitPath = args.value(QStringLiteral("kit"));
    if (kitPath.isEmpty())
        return usage(QStringLiteral("leader restore needs --kit FILE (and --vault DIR for the new vault)"));
    auto kdf = kdfFrom(args);
    if (!kdf)
        return usage(kdf.error().message);
    if (Vault::exists(m_directory))
        return fail(Error{ErrorCode::VaultExists, QStringLiteral("a vault already exists in %1: restore into a new one").arg(m_directory)});
    QFile kitFile(kitPath);
    if (!kitFile.open(QIODevice::ReadOnly))
        return fail(Error{ErrorCode::NotFound, QStringLiteral("cannot read the kit %1: %2").arg(kitPath, kitFile.errorString())});
    const QByteArray kitBytes = kitFile.read(64 * 1024);
    QString readError;
    const SecureBytes passphrase = m_passphrases.readNew(QStringLiteral("Passphrase for the new vault"), &readError);
    if (passphrase.isNull())
        return fail(Error{ErrorCode::InvalidArgument, readError});
    const SecureBytes recovery = m_passphrases.read(QStringLiteral("Recovery passphrase"), &readError);
    if (recovery.isNull())
        return fail(Error{ErrorCode::InvalidArgument, readError});
    // The kit is opened before anything is made: a wrong passphrase or a damaged kit leaves nothing behind.
    auto kit = sync::openRecoveryKit(kitBytes, recovery);
    if (!kit)
        return fail(kit.error());
    // Built beside the target and renamed into place only once the archive took the new device.
    const QString building = m_directory + QStringLiteral(".restoring");
    QDir(building).removeRecursively();
    QList<QByteArray> revoked;
    Result<sync::CollectionReport> collected = Error{ErrorCode::NotFound, QString()};
    {
        auto vault = Vault::create(building, passphrase, VaultOptions{systemClock(), *kdf});
        if (!vault)
            return fail(vault.error());
        auto restored = sync::LeaderDesk(**vault).restoreFromKit(*kit);
        if (!restored) {
            vault->reset();
            QDir(building).removeRecursively();
            return fail(restored.error());
        }
        revoked = *restored;
        collected = sync::LeaderDesk(**vault).collect(kit->keys.reviewId);
    }
    if (!QDir().rename(building, m_directory))
        return fail(Error{ErrorCode::Io, QStringLiteral("cannot move the restored vault from %1 to %2").arg(building, m_directory)});
    m_out << "this vault now leads review " << kit->keys.reviewId << " on " << kit->keys.archiveUrl << Qt::endl;
    for (const QByteArray &device : std::as_const(revoked))
        m_out << "revoked the lost team leader's device " << sync::toHex(device).left(16) << "…" << Qt::endl;
    if (!collected) // the vault leads the review; `leader collect` tries again
        return fail(Error{collected.error().code, QStringLiteral("restored, but collecting failed: ") + collected.error().message});
    int problems = collected->conflicts;
    for (const sync::DeviceCollection &device : collected->devices)
        problems += int(device.problems.size() + device.missing.size());
    m_out << collected->newNotes << " notes collected again from the archive and verified"
          << (problems == 0 ? QStringLiteral(", none with a problem") : QStringLiteral("; %1 problems: see `leader collect`").arg(problems)) << Qt::endl;
    return problems == 0 ? Success : VerificationFailed;
}

ExitCode CliCommands::leaderApprove(const CommandArguments &args)
{
    QByteArray only;
    if (!args.flag(QStringLiteral("all"))) {
        if (args.positionals().size() != 1)
            return usage(QStringLiteral("leader approve DEVICE_KEY, or --all"));
        const auto key = deviceKeyArgument(args.positionals().front());
        if (!key)
            return usage(QStringLiteral("a device key is 64 hex characters"));
        only = *key;
    }
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::LeaderDesk desk(vault);
        auto pending = desk.pendingJoins(reviewId);
        if (!pending)
            return fail(pending.error());
        // What the leader approves is what is printed: the device, its role and its label.
        for (const sync::JoinRequest &join : std::as_const(*pending))
            if (!join.problem.isEmpty() && (only.isEmpty() || join.deviceKey == only))
                m_out << "not approved: " << join.deviceKey.toHex() << " (" << join.role << ", \"" << join.label << "\"): " << join.problem
                      << Qt::endl;
        auto approved = desk.approve(reviewId, only.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{only});
        if (!approved)
            return fail(approved.error());
        for (const sync::JoinRequest &join : std::as_const(*approved))
            m_out << "approved " << join.deviceKey.toHex() << " as " << join.role << ", \"" << join.label << "\"" << Qt::endl;
        if (approved->isEmpty()) {
            m_err << "no pending join request to approve" << (only.isEmpty() ? "" : " from that device") << Qt::endl;
            return only.isEmpty() ? Success : NotFound;
        }
        return Success;
    });
}

ExitCode CliCommands::leaderRevoke(const CommandArguments &args)
{
    if (args.positionals().size() != 1)
        return usage(QStringLiteral("leader revoke DEVICE_KEY [--reason TEXT]"));
    const auto key = deviceKeyArgument(args.positionals().front());
    if (!key)
        return usage(QStringLiteral("a device key is 64 hex characters"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        if (auto revoked = sync::LeaderDesk(vault).revoke(reviewId, *key, args.value(QStringLiteral("reason"))); !revoked)
            return fail(revoked.error());
        m_out << "revoked " << key->toHex() << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderPublish(const CommandArguments &args)
{
    // --retention-days N: tablets remove a collected note's content N days after collection;
    // "keep" (the default) keeps it.
    std::optional<int> retention;
    if (args.has(QStringLiteral("retention-days"))) {
        const QString value = args.value(QStringLiteral("retention-days"));
        bool ok = false;
        const int days = value.toInt(&ok);
        if (value == QLatin1String("keep"))
            retention = sync::Enrolment::keepCollected;
        else if (ok && days >= 0 && days <= 3650)
            retention = days;
        else
            return usage(QStringLiteral("--retention-days takes a number of days (0 to 3650) or 'keep'"));
    }
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::LeaderDesk desk(vault);
        if (auto published = retention ? desk.setRetentionDays(reviewId, *retention) : desk.publishSetup(reviewId); !published)
            return fail(published.error());
        auto days = desk.retentionDays(reviewId);
        if (!days)
            return fail(days.error());
        m_out << "review set-up published; tablets "
              << (*days < 0    ? QStringLiteral("keep collected notes")
                  : *days == 0 ? QStringLiteral("remove a collected note's content once the team leader holds it")
                               : QStringLiteral("remove a collected note's content %1 days after collection").arg(*days))
              << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderCollect(const CommandArguments &args)
{
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto report = sync::LeaderDesk(vault).collect(reviewId);
        if (!report)
            return fail(report.error());
        bool clean = report->conflicts == 0;
        QJsonArray devices;
        for (const sync::DeviceCollection &device : report->devices) {
            // A deputy lacks, by design, what was sealed before it was entered: said, not failed.
            clean = clean && device.problems.isEmpty() && (device.missing.isEmpty() || report->sealedForOthers > 0);
            QJsonArray missing;
            for (qint64 sequence : device.missing)
                missing << sequence;
            devices << QJsonObject{{QStringLiteral("device"), sync::toHex(device.deviceKey)},
                                   {QStringLiteral("role"), device.role},
                                   {QStringLiteral("label"), device.label},
                                   {QStringLiteral("received"), device.received},
                                   {QStringLiteral("missing"), missing},
                                   {QStringLiteral("problems"), QJsonArray::fromStringList(device.problems)}};
        }
        if (args.flag(QStringLiteral("json"))) {
            m_out << QJsonDocument(QJsonObject{{QStringLiteral("new_notes"), report->newNotes},
                                               {QStringLiteral("conflicts"), report->conflicts},
                                               {QStringLiteral("sealed_for_others"), report->sealedForOthers},
                                               {QStringLiteral("devices"), devices}})
                         .toJson(QJsonDocument::Indented);
        } else {
            m_out << report->newNotes << " new notes collected" << Qt::endl;
            if (report->sealedForOthers > 0)
                m_out << report->sealedForOthers << " notes were sealed before this deputy was entered: the team leader's key opens them"
                      << Qt::endl;
            for (const sync::DeviceCollection &device : report->devices) {
                if (device.label.isEmpty())
                    m_out << device.deviceKey.toHex().left(16) << "…";
                else
                    m_out << device.label;
                m_out << " (" << device.role << "): " << device.received << " notes";
                if (!device.missing.isEmpty()) {
                    QStringList missing;
                    for (qint64 sequence : device.missing)
                        missing << QString::number(sequence);
                    m_out << ", missing " << missing.join(QStringLiteral(", "));
                }
                m_out << Qt::endl;
                for (const QString &problem : device.problems)
                    m_out << "  " << problem << Qt::endl;
            }
        }
        return clean ? Success : VerificationFailed;
    });
}

ExitCode CliCommands::leaderNotes(const CommandArguments &args)
{
    if (!args.positionals().isEmpty())
        return usage(QStringLiteral("leader notes [--priority ID] [--source S] [--engagement ID] [--kind KIND] [--tablet LABEL|ROLE|KEY] "
                                    "[--verified yes|no] [--sort newest|priority|engagement|source|kind|tablet] [--json]"));
    return printCollected(args, false);
}

ExitCode CliCommands::leaderSearch(const CommandArguments &args)
{
    if (args.positionals().isEmpty())
        return usage(QStringLiteral("leader search QUERY [--priority ID] [--source S] [--engagement ID] [--kind KIND] [--tablet LABEL|ROLE|KEY] "
                                    "[--verified yes|no] [--json]"));
    return printCollected(args, true);
}

// Every engagement the desk places notes by, with where its record came from and its source.
ExitCode CliCommands::leaderEngagements(const CommandArguments &args)
{
    if (!args.positionals().isEmpty())
        return usage(QStringLiteral("leader engagements [--json]"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto engagements = sync::deskEngagements(vault, reviewId);
        if (!engagements)
            return fail(engagements.error());
        QHash<QByteArray, QString> tabletNames;
        auto entries = sync::SyncStore(vault).rosterEntries(reviewId);
        if (!entries)
            return fail(entries.error());
        for (const sync::RosterEntry &entry : std::as_const(*entries))
            if (entry.type == sync::RosterEntry::Type::Member)
                tabletNames.insert(entry.deviceKey, QStringLiteral("%1 \"%2\"").arg(entry.role, entry.label));
        const auto recordedBy = [&](const sync::DeskEngagement &placed) {
            return placed.recordedBy.isEmpty() ? QStringLiteral("the leader's programme")
                                               : tabletNames.value(placed.recordedBy, QStringLiteral("a tablet not on the roster"));
        };
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const sync::DeskEngagement &placed : std::as_const(*engagements)) {
                QJsonObject object = sync::engagementToJson(placed.engagement);
                object.insert(QStringLiteral("recorded_by"), placed.recordedBy.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                         : QJsonValue(sync::toHex(placed.recordedBy)));
                object.insert(QStringLiteral("recorded_by_name"), recordedBy(placed));
                object.insert(QStringLiteral("records"), placed.records);
                object.insert(QStringLiteral("source"), placed.source());
                object.insert(QStringLiteral("derived_source"), placed.derivedSource);
                array << object;
            }
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::DeskEngagement &placed : std::as_const(*engagements)) {
            const Engagement &e = placed.engagement;
            QStringList participants;
            for (const ParticipantGroup &group : e.participants)
                participants << QStringLiteral("%1 %2").arg(group.count).arg(group.role);
            m_out << canonicalTimestamp(e.scheduledStart) << "  " << engagementKindName(e.kind) << "  " << e.title << Qt::endl
                  << "  " << e.id << "  priority " << e.priorityId << "  " << e.agreedMinutes << " min" << Qt::endl
                  << "  introduces " << (e.introducer.isEmpty() ? QStringLiteral("(not said)") : e.introducer) << ", takes notes "
                  << (e.noteTaker.isEmpty() ? QStringLiteral("(not said)") : e.noteTaker) << "; "
                  << (participants.isEmpty() ? QStringLiteral("no participants recorded") : participants.join(QStringLiteral(", "))) << Qt::endl
                  << "  source " << (placed.source().isEmpty() ? QStringLiteral("NOT PLACED") : placed.source()) << "; from "
                  << recordedBy(placed) << Qt::endl;
        }
        m_out << engagements->size() << " engagements" << Qt::endl;
        return Success;
    });
}

// The review's list of sources (published in the signed set-up), and the leader's correction of
// an engagement's source, or its undoing; each change kept in the desk's history.
ExitCode CliCommands::leaderSource(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const bool setting = words.size() == 3 && words.at(0) == QLatin1String("set");
    const bool clearing = words.size() == 2 && words.at(0) == QLatin1String("clear");
    const bool listing = words == QStringList{QStringLiteral("list")};
    const bool adding = words.size() == 2 && words.at(0) == QLatin1String("add") && args.has(QStringLiteral("label"));
    const bool removing = words.size() == 2 && words.at(0) == QLatin1String("remove");
    if (!setting && !clearing && !listing && !adding && !removing)
        return usage(QStringLiteral("leader source list [--json]; leader source add ID --label LABEL [--word ROLE-WORD]...; leader source remove ID;\n"
                                    "  leader source set ENGAGEMENT SOURCE; leader source clear ENGAGEMENT (each change takes [--by WHO])"));
    const QString by = args.has(QStringLiteral("by")) ? args.value(QStringLiteral("by")) : QStringLiteral("team leader");
    if (listing || adding || removing) {
        return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
            if (adding || removing) {
                auto changed = adding ? sync::addReviewSource(vault, reviewId, sync::Source{words.at(1), args.value(QStringLiteral("label")), args.values(QStringLiteral("word"))}, by)
                                      : sync::removeReviewSource(vault, reviewId, words.at(1), by);
                if (!changed)
                    return fail(changed.error());
                m_out << "source " << words.at(1) << (adding ? " added" : " removed") << " by " << by << Qt::endl;
                // The list travels in the signed set-up: published now, or with the next publish.
                if (auto published = sync::LeaderDesk(vault).publishSetup(reviewId); !published) {
                    m_err << "fieldnotes-cli: saved, but not yet published to tablets (" << published.error().message
                          << "); run leader publish when the archive can be reached" << Qt::endl;
                    return Refused;
                }
                m_out << "published to tablets in the signed set-up" << Qt::endl;
                return Success;
            }
            auto sources = sync::reviewSources(vault, reviewId);
            if (!sources)
                return fail(sources.error());
            if (args.flag(QStringLiteral("json"))) {
                m_out << QJsonDocument(sync::sourcesToJson(*sources)).toJson(QJsonDocument::Indented);
                return Success;
            }
            for (const sync::Source &source : std::as_const(*sources))
                m_out << source.id << "  " << source.label << "  (" << source.roleWords.join(QStringLiteral(", ")) << ")" << Qt::endl;
            m_out << sources->size() << " sources" << Qt::endl;
            return Success;
        });
    }
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        const QString engagementId = words.at(1);
        if (auto corrected = sync::correctEngagementSource(vault, reviewId, engagementId, setting ? words.at(2) : QString(), by); !corrected)
            return fail(corrected.error());
        m_out << "engagement " << engagementId
              << (setting ? QStringLiteral(": source set to %1").arg(words.at(2)) : QStringLiteral(": source back to the derived one")) << " by "
              << by << Qt::endl;
        return Success;
    });
}

// The collected notes of the led review, filtered, listed or searched: what the leader reads.
ExitCode CliCommands::printCollected(const CommandArguments &args, bool searching)
{
    sync::CollectedFilter filter;
    filter.engagementId = args.value(QStringLiteral("engagement"));
    filter.priorityId = args.value(QStringLiteral("priority"));
    filter.sourceId = args.value(QStringLiteral("source"));
    if (args.has(QStringLiteral("kind"))) {
        filter.kind = noteKindFromName(args.value(QStringLiteral("kind")));
        if (!filter.kind)
            return usage(QStringLiteral("--kind is one of %1").arg(noteKindNames().join(QStringLiteral(", "))));
    }
    if (args.has(QStringLiteral("verified"))) {
        const QString verified = args.value(QStringLiteral("verified"));
        if (verified != QLatin1String("yes") && verified != QLatin1String("no"))
            return usage(QStringLiteral("--verified is yes or no"));
        filter.verified = verified == QLatin1String("yes");
    }
    const auto order = sync::collectedOrderFromName(args.has(QStringLiteral("sort")) ? args.value(QStringLiteral("sort")) : QStringLiteral("newest"));
    if (!order)
        return usage(QStringLiteral("--sort is newest, priority, engagement, source, kind or tablet"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::CollectedNotes collected(vault, reviewId);
        if (!filter.sourceId.isEmpty()) {
            auto sources = sync::reviewSources(vault, reviewId);
            if (!sources)
                return fail(sources.error());
            QStringList ids;
            for (const sync::Source &source : std::as_const(*sources))
                ids << source.id;
            if (!ids.contains(filter.sourceId))
                return fail(Error{ErrorCode::InvalidArgument, QStringLiteral("this review has no source \"%1\"; its sources are %2")
                                                                  .arg(filter.sourceId, ids.join(QStringLiteral(", ")))});
        }
        if (args.has(QStringLiteral("tablet"))) {
            auto tablets = collected.tabletsNamed(args.value(QStringLiteral("tablet")));
            if (!tablets)
                return fail(tablets.error());
            if (tablets->size() != 1)
                return fail(Error{ErrorCode::InvalidArgument,
                                  tablets->isEmpty() ? QStringLiteral("no tablet on the roster is called \"%1\"").arg(args.value(QStringLiteral("tablet")))
                                                     : QStringLiteral("%1 tablets match \"%2\": give more of the key").arg(tablets->size()).arg(args.value(QStringLiteral("tablet")))});
            filter.authorKey = tablets->front();
        }
        auto notes = searching ? collected.search(args.positionals().join(QLatin1Char(' ')), filter) : collected.list(filter, *order);
        if (!notes)
            return fail(notes.error());
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const sync::CollectedNoteView &view : *notes) {
                const SignedNoteContent &content = view.note.content;
                QJsonObject object{{QStringLiteral("hash"), sync::toHex(view.note.hash)},
                                   {QStringLiteral("id"), content.id},
                                   {QStringLiteral("engagement"), content.engagementId},
                                   {QStringLiteral("priority"), view.priorityId},
                                   {QStringLiteral("source"), view.source},
                                   {QStringLiteral("kind"), noteKindName(content.kind)},
                                   {QStringLiteral("text"), content.text},
                                   {QStringLiteral("signed_at"), canonicalTimestamp(content.signedAt)},
                                   {QStringLiteral("evidence_asked"), content.evidenceAsked},
                                   {QStringLiteral("evidence_given"), content.evidenceGiven},
                                   {QStringLiteral("amends"), sync::toHex(content.amendsHash)},
                                   {QStringLiteral("tablet"), QJsonObject{{QStringLiteral("key"), sync::toHex(content.authorKey)},
                                                                          {QStringLiteral("role"), view.tabletRole},
                                                                          {QStringLiteral("label"), view.tabletLabel}}},
                                   {QStringLiteral("sequence"), content.sequence},
                                   {QStringLiteral("verdict"), view.verdict},
                                   {QStringLiteral("collected_at"), view.collectedAt}};
                if (searching) {
                    object.insert(QStringLiteral("snippet"), view.snippet);
                    object.insert(QStringLiteral("rank"), view.rank);
                }
                array.append(object);
            }
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::CollectedNoteView &view : *notes) {
            const SignedNoteContent &content = view.note.content;
            const QString tablet = view.tabletRole.isEmpty() ? QStringLiteral("a tablet not on the roster")
                                                             : QStringLiteral("%1 \"%2\"").arg(view.tabletRole, view.tabletLabel);
            m_out << canonicalTimestamp(content.signedAt) << "  " << noteKindName(content.kind) << "  " << tablet << "  "
                  << (view.verified() ? QStringLiteral("verified") : QStringLiteral("NOT VERIFIED: ") + view.verdict);
            if (content.evidenceAsked)
                m_out << (content.evidenceGiven ? "  evidence given" : "  evidence asked, none given");
            m_out << Qt::endl << "  " << (searching ? view.snippet : content.text).simplified() << Qt::endl
                  << "  note " << view.note.hash.toHex().left(16) << "  engagement " << content.engagementId << "  priority "
                  << (view.priorityId.isEmpty() ? QStringLiteral("(none)") : view.priorityId) << "  source "
                  << (view.source.isEmpty() ? QStringLiteral("NOT PLACED") : view.source) << Qt::endl;
        }
        m_out << notes->size() << (searching ? " collected notes match" : " collected notes") << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::join(const CommandArguments &args)
{
    if (args.positionals().size() != 1)
        return usage(QStringLiteral("join CODE [--role reviewer|young-inspector|deputy-leader] [--label TEXT]"));
    auto code = sync::EnrolmentCode::fromText(args.positionals().front());
    if (!code)
        return fail(code.error());
    auto vault = unlock();
    if (!vault)
        return m_failure;
    // A code made for a deputy says so: the tablet joins as one unless told otherwise (and the
    // leader turns away any other role with it).
    const QString role = args.has(QStringLiteral("role")) ? args.value(QStringLiteral("role"))
                         : code->forDeputy                ? sync::RosterEntry::deputyRole
                                                          : QStringLiteral("reviewer");
    if (auto joined = sync::DeviceSync(*vault).join(*code, role, args.value(QStringLiteral("label"))); !joined)
        return fail(joined.error());
    m_out << "join requested; this device's key is " << vault->devicePublicKey().toHex() << Qt::endl;
    m_out << "ask the team leader to approve it, then run sync" << Qt::endl;
    return Success;
}

ExitCode CliCommands::sync(const CommandArguments &)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    auto outcome = sync::DeviceSync(*vault).syncOnce();
    if (!outcome) {
        sync::SyncStore(*vault).saveSetting(QStringLiteral("sync-last-error"), outcome.error().message).ok();
        return fail(outcome.error());
    }
    if (outcome->enrolmentState == QLatin1String("revoked")) {
        m_err << "fieldnotes-cli: this device was revoked by the team leader; nothing was sent" << Qt::endl;
        return Refused;
    }
    m_out << "enrolment: " << outcome->enrolmentState << "; delivered " << outcome->delivered << ", refused "
          << outcome->refused << ", newly collected " << outcome->collected;
    if (outcome->resent > 0)
        m_out << ", sent again (the archive no longer held them) " << outcome->resent;
    if (outcome->contentRemoved > 0)
        m_out << ", content removed (retention) " << outcome->contentRemoved;
    if (outcome->untrustedStatements > 0)
        m_out << "; ignored " << outcome->untrustedStatements << " collected statements not signed by the team leader";
    m_out << Qt::endl;
    return outcome->refused == 0 ? Success : Refused;
}

ExitCode CliCommands::status(const CommandArguments &args)
{
    auto vault = unlock();
    if (!vault)
        return m_failure;
    sync::SyncStore store(*vault);
    auto enrolment = store.enrolment();
    auto counts = store.outboxCounts();
    auto states = store.noteSyncStates();
    auto notes = vault->store().notes();
    auto lastSuccess = store.setting(QStringLiteral("sync-last-success"));
    auto lastError = store.setting(QStringLiteral("sync-last-error"));
    for (const Error *error : {!enrolment ? &enrolment.error() : nullptr, !counts ? &counts.error() : nullptr,
                               !states ? &states.error() : nullptr, !notes ? &notes.error() : nullptr,
                               !lastSuccess ? &lastSuccess.error() : nullptr, !lastError ? &lastError.error() : nullptr}) {
        if (error)
            return fail(*error);
    }
    QJsonArray noteList;
    int unsent = 0;
    int removed = 0;
    for (const Note &note : *notes) {
        QString state = note.isSigned() ? states->value(note.id, QStringLiteral("signed")) : QStringLiteral("draft");
        if (state == QLatin1String("signed"))
            ++unsent;
        QJsonObject entry{{QStringLiteral("id"), note.id}, {QStringLiteral("state"), state}};
        if (note.contentRemovedAt.isValid()) {
            entry.insert(QStringLiteral("content_removed_at"), canonicalTimestamp(note.contentRemovedAt));
            ++removed;
        }
        noteList << entry;
    }
    const QJsonObject status{
        {QStringLiteral("review"), *enrolment ? (*enrolment)->reviewId : QString()},
        {QStringLiteral("enrolment"), *enrolment ? (*enrolment)->state : QStringLiteral("none")},
        {QStringLiteral("device_key"), sync::toHex(vault->devicePublicKey())},
        {QStringLiteral("signed_not_queued"), unsent},
        {QStringLiteral("queued"), counts->queued},
        {QStringLiteral("delivered"), counts->delivered},
        {QStringLiteral("collected"), counts->collected},
        {QStringLiteral("content_removed"), removed},
        {QStringLiteral("retention_days"), *enrolment ? (*enrolment)->retentionDays : sync::Enrolment::keepCollected},
        {QStringLiteral("last_success"), *lastSuccess},
        {QStringLiteral("last_error"), *lastError},
        {QStringLiteral("notes"), noteList},
    };
    if (args.flag(QStringLiteral("json"))) {
        m_out << QJsonDocument(status).toJson(QJsonDocument::Indented);
    } else {
        m_out << "enrolment: " << status[QStringLiteral("enrolment")].toString() << Qt::endl
              << "queued " << counts->queued << ", delivered " << counts->delivered << ", collected " << counts->collected << Qt::endl;
    }
    return Success;
}

} // namespace fieldnotes::cli
