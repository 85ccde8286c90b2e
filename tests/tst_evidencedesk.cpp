// The team leader's evidence desk over what two tablets (a reviewer and a Young Inspector)
// delivered through a real archive server on 127.0.0.1: notes placed by priority and source,
// findings substantiated only by enough independent sources and more than hearsay, excerpts
// cut in code points out of the signed text, recommendations flagged when they rest on an
// unsubstantiated finding, triangulation, the desk's immutable history, the desk-top review
// travelling in the signed set-up, and a concern's follow-up signed and checked with openssl.
#include "collectednotes.h"
#include "concernfollowups.h"
#include "deskfixture.h"
#include "deskengagements.h"
#include "deskreview.h"
#include "devicesync.h"
#include "findings.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "leaderkit.h"
#include "testvault.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

class TestEvidenceDesk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<InProcessArchive> m_archive;
    std::unique_ptr<ScratchVault> m_leader;
    std::unique_ptr<ScratchVault> m_reviewer;
    std::unique_ptr<ScratchVault> m_youngInspector;
    QString m_secondPriority;
    QString m_parentsEngagement;
    QHash<QString, QByteArray> m_notes; // by a short name, the collected note's hash

    Vault &leader() { return *m_leader->vault; }
    EvidenceDesk desk() { return EvidenceDesk(leader(), m_leader->reviewId); }

    QString addEngagement(const QString &title, EngagementKind kind, const QString &priorityId, QList<ParticipantGroup> participants)
    {
        return test::addEngagement(leader().store(), m_leader->reviewId, priorityId, title, kind, std::move(participants));
    }

    void enrol(ScratchVault &tablet, const QString &role, const QString &label)
    {
        auto enrolled = enrolTablet(leader(), m_leader->reviewId, *tablet.vault, role, label);
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
    }

    Finding findingNamed(const QString &id)
    {
        auto all = desk().findings();
        if (all.ok())
            for (const Finding &finding : *all)
                if (finding.id == id)
                    return finding;
        return {};
    }

private slots:
    void initTestCase()
    {
        m_archive = std::make_unique<InProcessArchive>(m_directory.filePath(QStringLiteral("archive")));
        const QString url = m_archive->url;

        // The leader's programme: a children's focus group, a managers' interview and a parents'
        // group under the first priority, an interview under a second.
        m_leader = std::make_unique<ScratchVault>();
        m_secondPriority = leader().store().addPriority(Priority{{}, m_leader->reviewId, QStringLiteral("Early help"), {}, {}})->id;
        const QString children = addEngagement(QStringLiteral("Pupils' focus group"), EngagementKind::FocusGroup, m_leader->priorityId,
                                               {{QStringLiteral("young person"), 6}, {QStringLiteral("teacher"), 1}});
        const QString managers = addEngagement(QStringLiteral("Head of service"), EngagementKind::Interview, m_leader->priorityId,
                                               {{QStringLiteral("head of service"), 1}});
        const QString parents = m_parentsEngagement = addEngagement(QStringLiteral("Parents' group"), EngagementKind::FocusGroup, m_leader->priorityId,
                                              {{QStringLiteral("parent"), 5}});
        const QString earlyHelp = addEngagement(QStringLiteral("Early help workers"), EngagementKind::Interview, m_secondPriority,
                                                {{QStringLiteral("early help practitioner"), 3}});
        auto created = LeaderDesk(leader()).createReview(m_leader->reviewId, url, {}, m_archive->store->issueReviewCode(1));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(keepRecoveryKit(leader(), m_leader->reviewId));

        m_reviewer = std::make_unique<ScratchVault>();
        m_youngInspector = std::make_unique<ScratchVault>();
        enrol(*m_reviewer, QStringLiteral("reviewer"), QStringLiteral("Tablet 3"));
        enrol(*m_youngInspector, QStringLiteral("young-inspector"), QStringLiteral("YI tablet"));

        const auto note = [&](const char *name, ScratchVault &tablet, const QString &engagement, NoteKind kind, const QString &text,
                              bool asked = false, bool given = false) {
            auto hash = signNote(*tablet.vault, engagement, kind, text, asked, given);
            if (!hash)
                qFatal("could not sign a note: %s", qPrintable(hash.error().message));
            m_notes.insert(QString::fromLatin1(name), *hash);
        };
        note("manager", *m_reviewer, managers, NoteKind::Statement, QStringLiteral("The head of service said attendance rose by four percent"), true,
             false);
        note("pupils", *m_reviewer, children, NoteKind::Statement,
             QStringLiteral("Pupils said the breakfast club gets them in on time, and showed the sign-in sheet"), true, true);
        note("parents", *m_reviewer, parents, NoteKind::Statement, QStringLiteral("Parents said mornings are easier since the club opened"));
        note("concern", *m_reviewer, children, NoteKind::Concern, QStringLiteral("A pupil described being kept home to look after siblings"));
        note("early-help", *m_reviewer, earlyHelp, NoteKind::Statement, QStringLiteral("Workers said referrals wait three weeks"));
        note("observed", *m_youngInspector, children, NoteKind::Observation,
             QStringLiteral("The café 😀 club was full by 8:15 and pupils signed themselves in"));
        for (ScratchVault *tablet : {m_reviewer.get(), m_youngInspector.get()})
            QVERIFY(DeviceSync(*tablet->vault).syncOnce().ok());
        auto report = LeaderDesk(leader()).collect(m_leader->reviewId);
        QVERIFY(report.ok());
        QCOMPARE(report->newNotes, 6);
    }

    void notesArePlacedByPriorityAndSource()
    {
        CollectedNotes collected(leader(), m_leader->reviewId);
        CollectedFilter fromChildren;
        fromChildren.sourceId = QStringLiteral("children");
        auto children = collected.list(fromChildren);
        QVERIFY(children.ok());
        QSet<QByteArray> hashes;
        for (const CollectedNoteView &view : *children) {
            hashes.insert(view.note.hash);
            QCOMPARE(view.source, QStringLiteral("children"));
            QCOMPARE(view.priorityId, m_leader->priorityId);
        }
        // The Young Inspector's observation in the same group is direct observation, not children.
        QCOMPARE(hashes, (QSet<QByteArray>{m_notes.value(QStringLiteral("pupils")), m_notes.value(QStringLiteral("concern"))}));

        CollectedFilter secondPriority;
        secondPriority.priorityId = m_secondPriority;
        auto early = collected.list(secondPriority);
        QCOMPARE(early->size(), 1);
        QCOMPARE(early->front().note.hash, m_notes.value(QStringLiteral("early-help")));
        QCOMPARE(early->front().source, QStringLiteral("practitioners"));

        CollectedFilter both;
        both.sourceId = QStringLiteral("observation");
        both.priorityId = m_leader->priorityId;
        auto observed = collected.search(QStringLiteral("signed"), both);
        QVERIFY(observed.ok());
        QCOMPARE(observed->size(), 1);
        QCOMPARE(observed->front().tabletLabel, QStringLiteral("YI tablet"));
        QVERIFY(observed->front().snippet.contains(QStringLiteral("[signed]")));

        // By priority: the review's order of priorities; by source: the review's order of sources.
        auto byPriority = collected.list({}, CollectedOrder::Priority);
        QCOMPARE(byPriority->last().priorityId, m_secondPriority);
        auto bySource = collected.list({}, CollectedOrder::Source);
        QCOMPARE(bySource->first().source, QStringLiteral("leaders"));
        QCOMPARE(bySource->last().source, QStringLiteral("observation"));

        // The leader's correction moves the notes of that engagement on the next reading.
        QVERIFY(correctEngagementSource(leader(), m_leader->reviewId, m_parentsEngagement, QStringLiteral("partners"), QStringLiteral("Team leader")).ok());
        CollectedFilter partners;
        partners.sourceId = QStringLiteral("partners");
        auto moved = CollectedNotes(leader(), m_leader->reviewId).list(partners);
        QCOMPARE(moved->size(), 1);
        QCOMPARE(moved->front().note.hash, m_notes.value(QStringLiteral("parents")));
        QVERIFY(correctEngagementSource(leader(), m_leader->reviewId, m_parentsEngagement, {}, QStringLiteral("Team leader")).ok());
        QVERIFY(CollectedNotes(leader(), m_leader->reviewId).list(partners)->isEmpty());
    }

    void aFindingFromOneSourceIsNotSubstantiatedUntilASecondIsLinked()
    {
        auto id = desk().addFinding(m_leader->priorityId, FindingKind::GoodPractice, QStringLiteral("The breakfast club has raised attendance"),
                                    QStringLiteral("Team leader"));
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
        QCOMPARE(*id, QStringLiteral("F1"));
        QVERIFY(desk().link(*id, Excerpt{m_notes.value(QStringLiteral("pupils")), 0, -1}, QStringLiteral("Team leader")).ok());
        Finding finding = findingNamed(*id);
        QCOMPARE(finding.sources, QStringList{QStringLiteral("children")});
        QVERIFY(!finding.hearsayOnly); // the pupils showed the sign-in sheet
        QVERIFY(!finding.substantiated);
        QVERIFY2(finding.shortfalls.join(QLatin1Char(';')).contains(QStringLiteral("1 of the 2 independent sources")),
                 qPrintable(finding.shortfalls.join(QLatin1Char(';'))));

        // A second note from the same source is not a second source.
        auto sameSource = desk().link(*id, Excerpt{m_notes.value(QStringLiteral("concern")), 0, 10}, QStringLiteral("Team leader"));
        QVERIFY(sameSource.ok());
        QVERIFY(!findingNamed(*id).substantiated);
        QCOMPARE(*desk().unlink(*id, Excerpt{m_notes.value(QStringLiteral("concern")), 0, -1}, QStringLiteral("Team leader")), 1);

        // What the Young Inspector saw is a second, independent source.
        auto linked = desk().link(*id, Excerpt{m_notes.value(QStringLiteral("observed")), 0, 29}, QStringLiteral("Reviewer A"));
        QVERIFY(linked.ok());
        finding = findingNamed(*id);
        QCOMPARE(finding.sources, (QStringList{QStringLiteral("children"), QStringLiteral("observation")}));
        QVERIFY(finding.substantiated);
        QVERIFY(finding.shortfalls.isEmpty());
        // The excerpt is cut in code points: the emoji is one character.
        const auto excerpt = std::find_if(finding.support.cbegin(), finding.support.cend(),
                                          [&](const Support &s) { return s.excerpt.noteHash == m_notes.value(QStringLiteral("observed")); });
        QCOMPARE(excerpt->words, QStringLiteral("The café 😀 club was full by 8"));
        QCOMPARE(excerpt->kind, NoteKind::Observation);

        // A review may ask for more.
        QVERIFY(desk().setRequiredSources(3, QStringLiteral("Team leader")).ok());
        QVERIFY(!findingNamed(*id).substantiated);
        QVERIFY(!desk().setRequiredSources(0, QStringLiteral("Team leader")).ok());
        QVERIFY(desk().setRequiredSources(2, QStringLiteral("Team leader")).ok());
        QVERIFY(findingNamed(*id).substantiated);

        // Unlinking the second source takes it back.
        QCOMPARE(*desk().unlink(*id, Excerpt{m_notes.value(QStringLiteral("observed")), 0, 29}, QStringLiteral("Reviewer A")), 1);
        QVERIFY(!findingNamed(*id).substantiated);
        QVERIFY(desk().link(*id, Excerpt{m_notes.value(QStringLiteral("observed")), 0, -1}, QStringLiteral("Reviewer A")).ok());
        QVERIFY(findingNamed(*id).substantiated);
    }

    void hearsayAloneIsFlaggedWhateverTheSources()
    {
        auto id = desk().addFinding(m_leader->priorityId, FindingKind::GoodPractice, QStringLiteral("Mornings are easier for families"),
                                    QStringLiteral("Team leader"));
        QVERIFY(id.ok());
        QVERIFY(desk().link(*id, Excerpt{m_notes.value(QStringLiteral("manager")), 0, -1}, QStringLiteral("Team leader")).ok());
        QVERIFY(desk().link(*id, Excerpt{m_notes.value(QStringLiteral("parents")), 0, 7}, QStringLiteral("Team leader")).ok());
        const Finding finding = findingNamed(*id);
        QCOMPARE(finding.sources, (QStringList{QStringLiteral("leaders"), QStringLiteral("parents")}));
        QVERIFY(finding.hearsayOnly);
        QVERIFY(!finding.substantiated);
        QVERIFY(finding.shortfalls.contains(QStringLiteral("only statements where no example or evidence was given")));
    }

    void anExcerptOutsideTheSignedTextIsRefused()
    {
        const QByteArray observed = m_notes.value(QStringLiteral("observed"));
        const qint64 length = QStringLiteral("The café 😀 club was full by 8:15 and pupils signed themselves in").toUcs4().size();
        for (const auto &[start, end] : {std::pair<qint64, qint64>(0, length + 1), {-1, 4}, {5, 5}, {9, 3}}) {
            auto refused = desk().link(QStringLiteral("F1"), Excerpt{observed, start, end}, QStringLiteral("Team leader"));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(refused.error().message.contains(QStringLiteral("is outside note")), qPrintable(refused.error().message));
            QVERIFY2(refused.error().message.contains(QString::number(length)), qPrintable(refused.error().message));
        }
        // The last character is inside.
        QVERIFY(desk().link(QStringLiteral("F1"), Excerpt{observed, length - 2, length}, QStringLiteral("Team leader")).ok());
        QVERIFY(!desk().link(QStringLiteral("F1"), Excerpt{observed, length - 2, length}, QStringLiteral("Team leader")).ok()); // once
        // A note the leader never collected, and a finding that does not exist.
        QCOMPARE(desk().link(QStringLiteral("F1"), Excerpt{QByteArray(32, 'x'), 0, -1}, QStringLiteral("Team leader")).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(desk().link(QStringLiteral("F99"), Excerpt{observed, 0, -1}, QStringLiteral("Team leader")).error().code, ErrorCode::NotFound);
        // A note is named by enough of its hash.
        QCOMPARE(*desk().collectedNoteNamed(toHex(observed).left(12)), observed);
        QVERIFY(!desk().collectedNoteNamed(QStringLiteral("abc")).ok());
        // The support is the signed note: the desk cannot change it.
        QVERIFY(!leader().database().exec("UPDATE collected_notes SET note = '{}'").ok());
    }

    void recommendationsCiteFindingsAndAreFlaggedOnUnsubstantiatedOnes()
    {
        QCOMPARE(desk().addRecommendation(m_leader->priorityId, QStringLiteral("Keep the club"), {}, QStringLiteral("Team leader")).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(desk().addRecommendation(m_leader->priorityId, QStringLiteral("Keep the club"), {QStringLiteral("F9")}, QStringLiteral("Team leader"))
                     .error()
                     .code,
                 ErrorCode::NotFound);
        auto sound = desk().addRecommendation(m_leader->priorityId, QStringLiteral("Fund the breakfast club for three more years"),
                                              {QStringLiteral("F1")}, QStringLiteral("Team leader"));
        QVERIFY(sound.ok());
        auto shaky = desk().addRecommendation(m_leader->priorityId, QStringLiteral("Open the club to families"),
                                              {QStringLiteral("F1"), QStringLiteral("F2")}, QStringLiteral("Team leader"));
        QVERIFY(shaky.ok());
        QCOMPARE(*shaky, QStringLiteral("R2"));
        auto all = desk().recommendations();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QVERIFY(!all->at(0).flagged());
        QCOMPARE(all->at(1).findingIds, (QStringList{QStringLiteral("F1"), QStringLiteral("F2")}));
        QCOMPARE(all->at(1).unsubstantiatedFindings, QStringList{QStringLiteral("F2")});
        // Substantiating F2 clears the flag: it is worked out, never stored.
        QVERIFY(desk().link(QStringLiteral("F2"), Excerpt{m_notes.value(QStringLiteral("pupils")), 0, 6}, QStringLiteral("Team leader")).ok());
        QVERIFY(findingNamed(QStringLiteral("F2")).substantiated);
        QVERIFY(!desk().recommendations()->at(1).flagged());
        QCOMPARE(*desk().unlink(QStringLiteral("F2"), Excerpt{m_notes.value(QStringLiteral("pupils")), 0, -1}, QStringLiteral("Team leader")), 1);
        QVERIFY(desk().recommendations()->at(1).flagged());
    }

    void theTriangulationViewCountsNotesPerSource()
    {
        auto views = desk().triangulation();
        QVERIFY2(views.ok(), qPrintable(views.ok() ? QString() : views.error().message));
        QCOMPARE(views->size(), 2);
        const Triangulation &first = views->front();
        QCOMPARE(first.priorityId, m_leader->priorityId);
        QCOMPARE(first.sources.size(), defaultSources().size());
        QCOMPARE(first.findings.size(), 2);
        const Finding &f1 = first.findings.at(0);
        QCOMPARE(first.notesIn(f1, QStringLiteral("children")), QList<QByteArray>{m_notes.value(QStringLiteral("pupils"))});
        // Two excerpts of one observation are one note in the cell.
        QCOMPARE(first.notesIn(f1, QStringLiteral("observation")), QList<QByteArray>{m_notes.value(QStringLiteral("observed"))});
        QVERIFY(first.notesIn(f1, QStringLiteral("parents")).isEmpty());
        QVERIFY(views->at(1).findings.isEmpty());
        QCOMPARE(desk().triangulation(QStringLiteral("no-such")).error().code, ErrorCode::InvalidArgument);
    }

    void editsAreKeptInTheDesksHistory()
    {
        QVERIFY(desk().editFinding(QStringLiteral("F2"), FindingKind::AreaForDevelopment, QStringLiteral("Families are not yet offered the club"),
                                   QStringLiteral("Reviewer A"))
                    .ok());
        QCOMPARE(findingNamed(QStringLiteral("F2")).kind, FindingKind::AreaForDevelopment);
        QVERIFY(!desk().editFinding(QStringLiteral("F2"), std::nullopt, QStringLiteral("  "), QStringLiteral("Reviewer A")).ok());
        auto history = deskHistory(leader(), m_leader->reviewId, QStringLiteral("finding:F2"));
        QVERIFY(history.ok());
        QStringList actions;
        for (const DeskChange &change : *history)
            actions << change.action;
        QCOMPARE(actions, (QStringList{QStringLiteral("added"), QStringLiteral("linked"), QStringLiteral("linked"), QStringLiteral("linked"),
                                       QStringLiteral("unlinked"), QStringLiteral("edited")}));
        QCOMPARE(history->last().by, QStringLiteral("Reviewer A"));
        QVERIFY(history->last().detail.contains(QStringLiteral("Mornings are easier for families")));
        QCOMPARE(deskHistory(leader(), m_leader->reviewId, QStringLiteral("recommendation:R2"))->size(), 1);
        QVERIFY(!leader().database().exec("DELETE FROM desk_history WHERE subject = 'finding:F2'").ok());
    }

    void aConcernsFollowUpIsSignedAndVerifiesWithOpenssl()
    {
        const QByteArray concern = m_notes.value(QStringLiteral("concern"));
        auto refused = recordConcernFollowUp(leader(), m_leader->reviewId, m_notes.value(QStringLiteral("pupils")), {}, {}, {}, QStringLiteral("Team leader"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("not a safeguarding concern")), qPrintable(refused.error().message));
        const QDateTime seen = QDateTime::currentDateTimeUtc().addSecs(-600);
        auto followUp = recordConcernFollowUp(leader(), m_leader->reviewId, concern, seen, QStringLiteral("the school's safeguarding lead"),
                                              QStringLiteral("referred to children's social care the same day"), QStringLiteral("Team leader"));
        QVERIFY2(followUp.ok(), qPrintable(followUp.ok() ? QString() : followUp.error().message));
        auto kept = concernFollowUps(leader(), m_leader->reviewId, concern);
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->front().hash(), followUp->hash());
        QCOMPARE(kept->front().raisedWith, QStringLiteral("the school's safeguarding lead"));
        QCOMPARE(canonicalTimestamp(kept->front().seenAt), canonicalTimestamp(seen));
        QVERIFY(!leader().database().exec("UPDATE concern_followups SET record = '{}'").ok());

        // Anyone with the leader's public key checks it with openssl.
        QTemporaryDir work;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(work.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        write(QStringLiteral("public.der"), QByteArray::fromHex("302a300506032b6570032100") + followUp->leaderKey);
        write(QStringLiteral("signed.bin"), followUp->signedBytes());
        write(QStringLiteral("signature.bin"), followUp->signature);
        QVERIFY(followUp->signedBytes().startsWith("fieldnotes-concern-followup-v1\n"));
        const auto openssl = [&](const QStringList &arguments) {
            QProcess process;
            process.setWorkingDirectory(work.path());
            process.start(QStringLiteral("openssl"), arguments);
            process.waitForFinished(30'000);
            return std::pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
        };
        QCOMPARE(openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                          QStringLiteral("public.der"), QStringLiteral("-out"), QStringLiteral("public.pem")})
                     .first,
                 0);
        const QStringList verify{QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                                 QStringLiteral("public.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"), QStringLiteral("signed.bin"),
                                 QStringLiteral("-sigfile"), QStringLiteral("signature.bin")};
        const auto verified = openssl(verify);
        QVERIFY2(verified.first == 0 && verified.second.contains(QStringLiteral("Signature Verified Successfully")), qPrintable(verified.second));
        QByteArray changed = followUp->signedBytes();
        changed.replace("same day", "next week");
        write(QStringLiteral("signed.bin"), changed);
        QVERIFY(openssl(verify).first != 0);
        // And the desk's own check refuses the changed record.
        QJsonObject tampered = followUp->toJson();
        QJsonObject record = tampered.value(QStringLiteral("record")).toObject();
        record.insert(QStringLiteral("decision"), QStringLiteral("no action"));
        tampered.insert(QStringLiteral("record"), record);
        QVERIFY(!ConcernFollowUp::fromJson(tampered, followUp->leaderKey).ok());
        QVERIFY(!ConcernFollowUp::fromJson(followUp->toJson(), m_reviewer->vault->devicePublicKey()).ok());
    }

    void theDeskTopReviewTravelsToTabletsInTheSignedSetup()
    {
        DeskReview review{m_leader->priorityId, QStringLiteral("amber"), {}, {QStringLiteral("Why do Year 9 absences rise in spring?")}, {}};
        review.evidence.insert(QStringLiteral("trend"), QStringLiteral("Persistent absence up two years of the last three"));
        review.evidence.insert(QStringLiteral("quartile"), QStringLiteral("Third quartile"));
        QVERIFY(saveDeskReview(leader(), m_leader->reviewId, review, QStringLiteral("Team leader")).ok());
        review.rag = QStringLiteral("purple");
        QVERIFY(!saveDeskReview(leader(), m_leader->reviewId, review, QStringLiteral("Team leader")).ok());
        review.rag = QStringLiteral("amber");
        review.evidence.insert(QStringLiteral("horoscope"), QStringLiteral("favourable"));
        QVERIFY(!saveDeskReview(leader(), m_leader->reviewId, review, QStringLiteral("Team leader")).ok());
        QVERIFY(LeaderDesk(leader()).publishSetup(m_leader->reviewId).ok());

        // The tablet was enrolled long before: the newer set-up still brings it.
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok());
        auto onTablet = deskReviews(*m_reviewer->vault, m_leader->reviewId);
        QVERIFY(onTablet.ok());
        QCOMPARE(onTablet->size(), 1);
        QCOMPARE(onTablet->front().rag, QStringLiteral("amber"));
        QCOMPARE(onTablet->front().evidence.value(QStringLiteral("trend")), QStringLiteral("Persistent absence up two years of the last three"));
        QCOMPARE(onTablet->front().linesOfEnquiry, QStringList{QStringLiteral("Why do Year 9 absences rise in spring?")});
        QCOMPARE(*reviewSources(*m_reviewer->vault, m_leader->reviewId), *reviewSources(leader(), m_leader->reviewId));
        // And its history on the leader's desk.
        QCOMPARE(deskHistory(leader(), m_leader->reviewId, QStringLiteral("priority:") + m_leader->priorityId)->size(), 1);
    }

    void theLeaderAddsAndRemovesSourcesAndTabletsFollow()
    {
        const QString by = QStringLiteral("Team leader");
        const int before = int(reviewSources(leader(), m_leader->reviewId)->size());
        QVERIFY(!addReviewSource(leader(), m_leader->reviewId, Source{QStringLiteral("Youth Workers!"), QStringLiteral("Youth workers"), {}}, by).ok());
        QVERIFY(!addReviewSource(leader(), m_leader->reviewId, Source{QStringLiteral("youth-workers"), QStringLiteral(" "), {}}, by).ok());
        QVERIFY(!addReviewSource(leader(), m_leader->reviewId, Source{QStringLiteral("children"), QStringLiteral("Again"), {}}, by).ok());
        QVERIFY(addReviewSource(leader(), m_leader->reviewId,
                                Source{QStringLiteral("youth-workers"), QStringLiteral("Youth workers"), {QStringLiteral("youth worker")}}, by)
                    .ok());
        auto sources = reviewSources(leader(), m_leader->reviewId);
        QCOMPARE(sources->size(), before + 1);
        QCOMPARE(sources->back().id, QStringLiteral("youth-workers"));
        QCOMPARE(deskHistory(leader(), m_leader->reviewId, QStringLiteral("source:youth-workers"))->size(), 1);

        // Notes are placed there by kind, and a correction names this one: both stay.
        const auto refusal = removeReviewSource(leader(), m_leader->reviewId, QStringLiteral("observation"), by);
        QVERIFY(!refusal.ok());
        QVERIFY(refusal.error().message.contains(QStringLiteral("by their kind")));
        QVERIFY(correctEngagementSource(leader(), m_leader->reviewId, m_parentsEngagement, QStringLiteral("youth-workers"), by).ok());
        QVERIFY(!removeReviewSource(leader(), m_leader->reviewId, QStringLiteral("youth-workers"), by).ok());
        QCOMPARE(reviewSources(leader(), m_leader->reviewId)->size(), before + 1); // nothing half-done
        QVERIFY(correctEngagementSource(leader(), m_leader->reviewId, m_parentsEngagement, {}, by).ok());
        QVERIFY(!removeReviewSource(leader(), m_leader->reviewId, QStringLiteral("nobody"), by).ok());

        // The list travels in the signed set-up.
        QVERIFY(LeaderDesk(leader()).publishSetup(m_leader->reviewId).ok());
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok());
        QCOMPARE(reviewSources(*m_reviewer->vault, m_leader->reviewId)->back().id, QStringLiteral("youth-workers"));
        QVERIFY(removeReviewSource(leader(), m_leader->reviewId, QStringLiteral("youth-workers"), by).ok());
        QVERIFY(LeaderDesk(leader()).publishSetup(m_leader->reviewId).ok());
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok());
        QCOMPARE(reviewSources(*m_reviewer->vault, m_leader->reviewId)->size(), before);
    }
};

QTEST_GUILESS_MAIN(TestEvidenceDesk)
#include "tst_evidencedesk.moc"
