#pragma once

#include "commandarguments.h"
#include "exitcodes.h"
#include "passphrasereader.h"
#include "vault.h"

#include <QTextStream>

#include <functional>
#include <memory>

namespace fieldnotes::cli {

/// Runs one fieldnotes-cli command against a vault directory; prints results on out and one
/// clear error line on err. Each command's usage is in usageText().
class CliCommands
{
public:
    CliCommands(QString vaultDirectory, PassphraseReader passphrases, QTextStream &out, QTextStream &err);

    ExitCode run(const QStringList &commandWords);
    static QString usageText();

private:
    ExitCode init(const CommandArguments &args);
    ExitCode passwd(const CommandArguments &args);
    ExitCode reviewAdd(const CommandArguments &args);
    ExitCode priorityAdd(const CommandArguments &args);
    ExitCode engagementAdd(const CommandArguments &args);
    ExitCode noteAdd(const CommandArguments &args);
    ExitCode noteSign(const CommandArguments &args);
    ExitCode noteAmend(const CommandArguments &args);
    ExitCode noteList(const CommandArguments &args);
    /// The vault's reviews, a review's priorities and its programme, so a script can find ids.
    ExitCode reviewList(const CommandArguments &args);
    ExitCode priorityList(const CommandArguments &args);
    ExitCode engagementList(const CommandArguments &args);
    ExitCode search(const CommandArguments &args);
    ExitCode exportNotes(const CommandArguments &args);
    ExitCode verify(const CommandArguments &args);
    ExitCode check(const CommandArguments &args);
    ExitCode backup(const CommandArguments &args);
    ExitCode restore(const CommandArguments &args);
    ExitCode demo(const CommandArguments &args);
    // Sync (synccommands.cpp)
    ExitCode leaderCreateReview(const CommandArguments &args);
    ExitCode leaderInvite(const CommandArguments &args);
    ExitCode leaderRecoveryKit(const CommandArguments &args);
    ExitCode leaderRestore(const CommandArguments &args);
    ExitCode leaderApprove(const CommandArguments &args);
    ExitCode leaderRevoke(const CommandArguments &args);
    ExitCode leaderPublish(const CommandArguments &args);
    ExitCode leaderCollect(const CommandArguments &args);
    ExitCode leaderNotes(const CommandArguments &args);
    ExitCode leaderEngagements(const CommandArguments &args);
    ExitCode leaderSource(const CommandArguments &args);
    ExitCode leaderSearch(const CommandArguments &args);
    ExitCode printCollected(const CommandArguments &args, bool searching);
    // The evidence desk (deskcommands.cpp)
    ExitCode leaderFinding(const CommandArguments &args);
    ExitCode leaderRecommendation(const CommandArguments &args);
    ExitCode leaderTriangulation(const CommandArguments &args);
    ExitCode leaderSetting(const CommandArguments &args);
    ExitCode leaderHistory(const CommandArguments &args);
    ExitCode leaderConcerns(const CommandArguments &args);
    ExitCode leaderReport(const CommandArguments &args);
    ExitCode leaderReportIssue(const CommandArguments &args);
    ExitCode leaderReportVersions(const CommandArguments &args);
    ExitCode leaderConsultation(const CommandArguments &args);
    ExitCode leaderExport(const CommandArguments &args);
    ExitCode leaderBundle(const CommandArguments &args);
    ExitCode verifyBundle(const CommandArguments &args);
    ExitCode leaderConcern(const CommandArguments &args);
    ExitCode leaderDeskReview(const CommandArguments &args);
    ExitCode join(const CommandArguments &args);
    ExitCode sync(const CommandArguments &args);
    ExitCode status(const CommandArguments &args);
    /// Unlocks the vault and runs command on the review it leads (--review, or its only review).
    ExitCode withLedReview(const CommandArguments &args, const std::function<ExitCode(Vault &, const QString &)> &command);
    Result<QString> leadReviewId(Vault &vault, const CommandArguments &args);

    /// Unlocks the vault, waiting out the delay after failed attempts; nullptr after reporting why.
    std::unique_ptr<Vault> unlock();
    ExitCode fail(const Error &error);
    ExitCode usage(const QString &message);
    Result<KdfParameters> kdfFrom(const CommandArguments &args);

    QString m_directory;
    PassphraseReader m_passphrases;
    QTextStream &m_out;
    QTextStream &m_err;
    ExitCode m_failure = Success; // the code of the last fail(), for callers of unlock()
};

} // namespace fieldnotes::cli
