// The team leader's evidence desk in the app, over what a reviewer's and a Young Inspector's
// tablets delivered through a real archive server on 127.0.0.1 and the leader collected: the
// collected notes read off the GUI thread and narrowed, sorted and searched; concerns first with
// signed follow-ups; findings linked to notes and excerpts, substantiated only by two sources;
// recommendations flagged; triangulation. Every model changes by rows, checked throughout by
// QAbstractItemModelTester.
#include "concernfollowups.h"
#include "deskcontroller.h"
#include "deskfixture.h"
#include "deskreview.h"
#include "desknotesmodel.h"
#include "devicesync.h"
#include "enrolmentcode.h"
#include "findingsmodel.h"
#include "leadercontroller.h"
#include "notestore.h"
#include "leaderkit.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::ui;

class TestDeskModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<test::InProcessArchive> m_archive;
    std::unique_ptr<VaultSession> m_session;
    std::unique_ptr<test::ScratchVault> m_reviewer;
    std::unique_ptr<test::ScratchVault> m_youngInspector;
    LeaderController m_leader;
    QString m_focusGroup;
    QString m_headOfService;
    QString m_priorityId;

    QString addEngagement(const QString &title, EngagementKind kind, QList<ParticipantGroup> participants)
    {
        return test::addEngagement(m_session->vault()->store(), m_session->reviewId(), m_priorityId, title, kind, std::move(participants));
    }

    static void sign(test::ScratchVault &tablet, const QString &engagementId, NoteKind kind, const QString &text, bool asked = false,
                     bool given = false)
    {
        QVERIFY(test::signNote(*tablet.vault, engagementId, kind, text, asked, given).ok());
    }

    void enrol(test::ScratchVault &tablet, const QString &role, const QString &label)
    {
        QVERIFY(m_leader.invite(1));
        auto code = EnrolmentCode::fromText(m_leader.inviteCode());
        QVERIFY(code.ok());
        QVERIFY(DeviceSync(*tablet.vault).join(*code, role, label).ok());
        QVERIFY(m_leader.refreshPending());
        QVERIFY(m_leader.approveAll());
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
    }

    static int rowWhere(const QAbstractItemModel &model, int role, const QVariant &value)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(role) == value)
                return row;
        return -1;
    }

    static void settle(DeskNotesModel &model)
    {
        QTRY_VERIFY(!model.isBusy());
    }

private slots:
    void initTestCase()
    {
        m_archive = std::make_unique<test::InProcessArchive>(m_directory.filePath(QStringLiteral("archive")));

        m_session = std::make_unique<VaultSession>(m_directory.filePath(QStringLiteral("leader")), test::fastOptions(), false);
        QVERIFY(m_session->createVault(QStringLiteral("a long enough passphrase"), QStringLiteral("a long enough passphrase")));
        QVERIFY(m_session->createReview(QStringLiteral("Spring review"), QDate(2026, 3, 2), QDate(2026, 3, 6)));
        QVERIFY(m_session->addPriority(QStringLiteral("Attendance"), QString(), QStringLiteral("What changed?")));
        m_priorityId = m_session->vault()->store().priorities(m_session->reviewId())->front().id;
        m_focusGroup = addEngagement(QStringLiteral("Pupils' focus group"), EngagementKind::FocusGroup, {{QStringLiteral("young person"), 6}});
        m_headOfService = addEngagement(QStringLiteral("Head of service"), EngagementKind::Interview, {{QStringLiteral("head of service"), 1}});

        m_leader.setSession(m_session.get());
        QVERIFY(m_leader.connectArchive(m_archive->url, {}, m_archive->store->issueReviewCode(1)));
        QVERIFY(test::keepRecoveryKit(*m_session->vault(), m_session->reviewId()));
        m_reviewer = std::make_unique<test::ScratchVault>();
        m_youngInspector = std::make_unique<test::ScratchVault>();
        enrol(*m_reviewer, QStringLiteral("reviewer"), QStringLiteral("Tablet 3"));
        enrol(*m_youngInspector, QStringLiteral("young-inspector"), QStringLiteral("YI tablet"));

        sign(*m_reviewer, m_headOfService, NoteKind::Statement, QStringLiteral("Attendance rose by four percent, shown in the termly data"), true, true);
        sign(*m_reviewer, m_focusGroup, NoteKind::Statement, QStringLiteral("The pupils said the breakfast club helps them come in"), true, false);
        sign(*m_reviewer, m_focusGroup, NoteKind::Concern, QStringLiteral("A pupil is afraid to walk home past the park"));
        sign(*m_youngInspector, m_focusGroup, NoteKind::Observation, QStringLiteral("We saw 😀 pupils running the breakfast rota"));
        QCOMPARE(DeviceSync(*m_reviewer->vault).syncOnce()->delivered, 3);
        QCOMPARE(DeviceSync(*m_youngInspector->vault).syncOnce()->delivered, 1);
    }

    void collectedNotesReachTheDeskAsRows()
    {
        DeskNotesModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        settle(notes);
        QCOMPARE(notes.count(), 0);

        QSignalSpy resets(&notes, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&notes, &QAbstractItemModel::rowsInserted);
        QVERIFY(m_leader.collect());
        // The report names tablets as the roster does, not by a key.
        QVERIFY2(m_leader.collectionReport().join(QLatin1Char('\n')).contains(QStringLiteral("Tablet 3, a reviewer: 3 notes")),
                 qPrintable(m_leader.collectionReport().join(QLatin1Char('\n'))));
        QTRY_COMPARE(notes.count(), 4);
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserted.count() >= 1);

        const int observation = rowWhere(notes, DeskNotesModel::KindRole, QStringLiteral("observation"));
        QVERIFY(observation >= 0);
        const QVariantMap seen = notes.get(observation);
        QCOMPARE(seen.value(QStringLiteral("author")).toString(), QStringLiteral("Young Inspector, YI tablet"));
        QCOMPARE(seen.value(QStringLiteral("source")).toString(), QStringLiteral("observation"));
        QCOMPARE(seen.value(QStringLiteral("engagementTitle")).toString(), QStringLiteral("Pupils' focus group"));
        QCOMPARE(seen.value(QStringLiteral("priorityTitle")).toString(), QStringLiteral("Attendance"));
        QVERIFY(seen.value(QStringLiteral("verified")).toBool());
        const int manager = rowWhere(notes, DeskNotesModel::SourceRole, QStringLiteral("leaders"));
        QVERIFY(manager >= 0);
        QCOMPARE(notes.get(manager).value(QStringLiteral("evidence")).toString(), QStringLiteral("Example or evidence asked for and given"));
        QCOMPARE(notes.get(manager).value(QStringLiteral("author")).toString(), QStringLiteral("Reviewer, Tablet 3"));
    }

    void filtersOrdersAndSearchNarrowTheRows()
    {
        DeskNotesModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        QTRY_COMPARE(notes.count(), 4);
        QSignalSpy resets(&notes, &QAbstractItemModel::modelReset);

        notes.setSourceId(QStringLiteral("observation"));
        settle(notes);
        QCOMPARE(notes.count(), 1);
        notes.setSourceId({});
        notes.setTablet(QString::fromLatin1(m_reviewer->vault->devicePublicKey().toHex()));
        settle(notes);
        QCOMPARE(notes.count(), 3);
        notes.setKind(QStringLiteral("concern"));
        settle(notes);
        QCOMPARE(notes.count(), 1);
        notes.setKind({});
        notes.setTablet({});
        notes.setVerdict(QStringLiteral("problem"));
        settle(notes);
        QCOMPARE(notes.count(), 0);
        notes.setVerdict(QStringLiteral("verified"));
        settle(notes);
        QCOMPARE(notes.count(), 4);

        notes.setOrder(QStringLiteral("source"));
        settle(notes);
        QCOMPARE(notes.index(0, 0).data(DeskNotesModel::SourceRole).toString(), QStringLiteral("leaders")); // the review's order of sources
        QCOMPARE(notes.index(3, 0).data(DeskNotesModel::SourceRole).toString(), QStringLiteral("observation"));

        // Search as you type: the answer to what is typed last is the one shown.
        notes.setQuery(QStringLiteral("walk"));
        notes.setQuery(QStringLiteral("brea"));
        notes.setQuery(QStringLiteral("breakfast"));
        settle(notes);
        QCOMPARE(notes.count(), 2);
        for (int row = 0; row < notes.count(); ++row)
            QVERIFY(notes.index(row, 0).data(DeskNotesModel::TextRole).toString().contains(QStringLiteral("<b>breakfast</b>")));
        // Marked, not injected: the signed text is escaped.
        QCOMPARE(resets.count(), 0);
    }

    void concernsComeFirstAndTheirFollowUpIsSignedAndChangesOneRow()
    {
        DeskNotesModel concerns;
        QAbstractItemModelTester tester(&concerns, QAbstractItemModelTester::FailureReportingMode::QtTest);
        concerns.setKind(QStringLiteral("concern"));
        concerns.setSession(m_session.get());
        QTRY_COMPARE(concerns.count(), 1);
        QCOMPARE(concerns.awaitingFollowUp(), 1);
        const QString hash = concerns.index(0, 0).data(DeskNotesModel::HashRole).toString();

        DeskController desk;
        desk.setSession(m_session.get());
        QSignalSpy resets(&concerns, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&concerns, &QAbstractItemModel::dataChanged);
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        // A hash no note has: the real one with its first digit changed (one in 16 starts with 0).
        QString unknown = hash;
        unknown[0] = unknown[0] == QLatin1Char('0') ? QLatin1Char('f') : QLatin1Char('0');
        QVERIFY(!desk.recordFollowUp(unknown, {}, {}));
        QCOMPARE(errors.count(), 1);
        QVERIFY(desk.recordFollowUp(hash, QStringLiteral("the school's safeguarding lead"), QStringLiteral("referred the same day")));
        QTRY_COMPARE(concerns.awaitingFollowUp(), 0);
        QCOMPARE(resets.count(), 0);
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(),
                            [](const QList<QVariant> &signal) { return signal.at(2).value<QList<int>>().contains(DeskNotesModel::FollowUpRole); }));
        QVERIFY(concerns.index(0, 0).data(DeskNotesModel::FollowUpRole).toString().contains(QStringLiteral("the school's safeguarding lead")));

        const QVariantList followUps = desk.followUpsOf(hash);
        QCOMPARE(followUps.size(), 1);
        QCOMPARE(followUps.front().toMap().value(QStringLiteral("decision")).toString(), QStringLiteral("referred the same day"));
        auto signedFollowUps = concernFollowUps(*m_session->vault(), m_session->reviewId(), QByteArray::fromHex(hash.toLatin1()));
        QVERIFY(signedFollowUps.ok()); // each verified again against the review's key
        QCOMPARE(signedFollowUps->size(), 1);
    }

    void findingsBecomeSubstantiatedByASecondSourceAndTriangulate()
    {
        DeskNotesModel notes;
        notes.setSession(m_session.get());
        QTRY_COMPARE(notes.count(), 4);
        const QString observation = notes.index(rowWhere(notes, DeskNotesModel::KindRole, QStringLiteral("observation")), 0).data(DeskNotesModel::HashRole).toString();
        const QString manager = notes.index(rowWhere(notes, DeskNotesModel::SourceRole, QStringLiteral("leaders")), 0).data(DeskNotesModel::HashRole).toString();
        const QString observedText = notes.index(rowWhere(notes, DeskNotesModel::KindRole, QStringLiteral("observation")), 0).data(DeskNotesModel::PlainTextRole).toString();

        DeskController desk;
        desk.setSession(m_session.get());
        FindingsModel findings;
        QAbstractItemModelTester tester(&findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        findings.setSession(m_session.get());
        findings.setPriorityId(m_priorityId);
        QSignalSpy resets(&findings, &QAbstractItemModel::modelReset);
        RecommendationsModel recommendations;
        QAbstractItemModelTester recommendationsTester(&recommendations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        recommendations.setSession(m_session.get());

        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QCOMPARE(desk.addFinding(m_priorityId, QStringLiteral("good-practice"), QStringLiteral("  ")), QString());
        const QString finding = desk.addFinding(m_priorityId, QStringLiteral("good-practice"), QStringLiteral("Pupils lead the breakfast club"));
        QCOMPARE(finding, QStringLiteral("F1"));
        QCOMPARE(findings.count(), 1);

        // The words chosen in the app are counted in code points: the emoji before them is one.
        const int from = int(observedText.indexOf(QStringLiteral("pupils")));
        const int to = from + 6;
        QCOMPARE(DeskController::codePointIndex(observedText, from), from - 1);
        QVERIFY(desk.link(finding, observation, DeskController::codePointIndex(observedText, from), DeskController::codePointIndex(observedText, to)));
        QCOMPARE(findings.index(0, 0).data(FindingsModel::SubstantiatedRole).toBool(), false);
        const QVariantList support = findings.index(0, 0).data(FindingsModel::SupportRole).toList();
        QCOMPARE(support.size(), 1);
        QCOMPARE(support.front().toMap().value(QStringLiteral("words")).toString(), QStringLiteral("pupils"));
        QVERIFY(findings.index(0, 0).data(FindingsModel::ShortfallsRole).toString().contains(QStringLiteral("source")));

        // A range beyond the signed text is refused, in words.
        const int errorsBefore = int(errors.count());
        QVERIFY(!desk.link(finding, observation, 0, 10000));
        QCOMPARE(errors.count(), errorsBefore + 1);
        QVERIFY(errors.last().front().toString().contains(QStringLiteral("outside")));

        const QString recommendation = desk.addRecommendation(m_priorityId, QStringLiteral("Extend the pupil-led rota"), {finding});
        QCOMPARE(recommendation, QStringLiteral("R1"));
        QTRY_COMPARE(recommendations.count(), 1);
        QCOMPARE(recommendations.index(0, 0).data(RecommendationsModel::FlaggedRole).toBool(), true);

        QSignalSpy changed(&findings, &QAbstractItemModel::dataChanged);
        QVERIFY(desk.link(finding, manager, 0, -1));
        QCOMPARE(findings.index(0, 0).data(FindingsModel::SubstantiatedRole).toBool(), true);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(recommendations.index(0, 0).data(RecommendationsModel::FlaggedRole).toBool(), false);

        const QVariantMap grid = desk.triangulation(m_priorityId);
        QCOMPARE(grid.value(QStringLiteral("priority")).toString(), QStringLiteral("Attendance"));
        const QVariantList rows = grid.value(QStringLiteral("rows")).toList();
        QCOMPARE(rows.size(), 1);
        QHash<QString, int> cells;
        for (const QVariant &cell : rows.front().toMap().value(QStringLiteral("cells")).toList())
            cells.insert(cell.toMap().value(QStringLiteral("sourceId")).toString(), cell.toMap().value(QStringLiteral("count")).toInt());
        QCOMPARE(cells.value(QStringLiteral("leaders")), 1);
        QCOMPARE(cells.value(QStringLiteral("observation")), 1);
        QCOMPARE(cells.value(QStringLiteral("children")), 0);
        const QVariantList cellNotes = desk.notesIn(m_priorityId, finding, QStringLiteral("observation"));
        QCOMPARE(cellNotes.size(), 1);
        QCOMPARE(cellNotes.front().toMap().value(QStringLiteral("hash")).toString(), observation);

        // Unlinking takes it back below two sources, by rows.
        QVERIFY(desk.unlink(finding, manager, 0, -1));
        QCOMPARE(findings.index(0, 0).data(FindingsModel::SubstantiatedRole).toBool(), false);
        QCOMPARE(resets.count(), 0);
    }

    void aCorrectedSourceMovesTheRowsItTouches()
    {
        DeskNotesModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        notes.setSourceId(QStringLiteral("children"));
        QTRY_COMPARE(notes.count(), 2); // the focus group's statement and concern; the observation is direct observation
        DeskController desk;
        desk.setSession(m_session.get());
        QSignalSpy resets(&notes, &QAbstractItemModel::modelReset);
        QVERIFY(desk.correctSource(m_focusGroup, QStringLiteral("practitioners")));
        QTRY_COMPARE(notes.count(), 0);
        QCOMPARE(resets.count(), 0);
        QVERIFY(desk.correctSource(m_focusGroup, QString()));
        QTRY_COMPARE(notes.count(), 2);
        const auto corrected = std::find_if(desk.engagements().cbegin(), desk.engagements().cend(), [&](const QVariant &engagement) {
            return engagement.toMap().value(QStringLiteral("id")).toString() == m_focusGroup;
        });
        QVERIFY(corrected != desk.engagements().cend());
        QCOMPARE(corrected->toMap().value(QStringLiteral("corrected")).toBool(), false);
    }

    void theDeskTopReviewIsSavedAndReachesTheTablets()
    {
        DeskController desk;
        desk.setSession(m_session.get());
        QVariantMap review = desk.deskReviewOf(m_priorityId);
        QCOMPARE(review.value(QStringLiteral("rag")).toString(), QString());
        QCOMPARE(review.value(QStringLiteral("criteria")).toList().size(), int(deskCriteria().size()));
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QVERIFY(!desk.saveDeskReview(m_priorityId, QStringLiteral("purple"), {}, {}));
        QCOMPARE(errors.count(), 1);
        QVERIFY(desk.saveDeskReview(m_priorityId, QStringLiteral("amber"),
                                    {{QStringLiteral("trend"), QStringLiteral("Persistent absence up two years running")},
                                     {QStringLiteral("quartile"), QStringLiteral("  ")}},
                                    QStringLiteral("Who misses school?\n\nDoes the breakfast club reach them?")));
        QCOMPARE(errors.count(), 1); // saved and published: no message
        review = desk.deskReviewOf(m_priorityId);
        QCOMPARE(review.value(QStringLiteral("rag")).toString(), QStringLiteral("amber"));
        QCOMPARE(review.value(QStringLiteral("lines")).toString(), QStringLiteral("Who misses school?\nDoes the breakfast club reach them?"));
        const QVariantList criteria = review.value(QStringLiteral("criteria")).toList();
        const auto trend = std::find_if(criteria.cbegin(), criteria.cend(),
                                        [](const QVariant &c) { return c.toMap().value(QStringLiteral("id")) == QStringLiteral("trend"); });
        QCOMPARE(trend->toMap().value(QStringLiteral("text")).toString(), QStringLiteral("Persistent absence up two years running"));

        // It travels in the signed set-up: the reviewer's tablet has it after its next sync.
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok());
        auto onTablet = deskReviews(*m_reviewer->vault, m_session->reviewId());
        QVERIFY(onTablet.ok());
        QCOMPARE(onTablet->size(), 1);
        QCOMPARE(onTablet->front().rag, QStringLiteral("amber"));
        QCOMPARE(onTablet->front().evidence.value(QStringLiteral("trend")), QStringLiteral("Persistent absence up two years running"));
        QVERIFY(!onTablet->front().evidence.contains(QStringLiteral("quartile"))); // left empty: not sent
    }

    void aCorrectionShowsBesideTheNoteItCorrects()
    {
        NoteFilter inFocusGroup;
        inFocusGroup.engagementId = m_focusGroup;
        auto signedNotes = m_reviewer->vault->store().notes(inFocusGroup);
        QVERIFY(signedNotes.ok());
        const auto original = std::find_if(signedNotes->cbegin(), signedNotes->cend(),
                                           [](const Note &note) { return note.text.startsWith(QStringLiteral("The pupils said")); });
        QVERIFY(original != signedNotes->cend());
        QVERIFY(m_reviewer->vault->store().amend(original->id, QStringLiteral("They said it helps most on Mondays")).ok());
        QCOMPARE(DeviceSync(*m_reviewer->vault).syncOnce()->delivered, 1);

        DeskNotesModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        QTRY_COMPARE(notes.count(), 4);
        QSignalSpy resets(&notes, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&notes, &QAbstractItemModel::dataChanged);
        QVERIFY(m_leader.collect());
        QTRY_COMPARE(notes.count(), 5);
        QCOMPARE(resets.count(), 0);
        const int row = rowWhere(notes, DeskNotesModel::PlainTextRole, QStringLiteral("The pupils said the breakfast club helps them come in"));
        QVERIFY(row >= 0);
        QTRY_VERIFY(notes.index(row, 0).data(DeskNotesModel::CorrectionsRole).toString().contains(QStringLiteral("“They said it helps most on Mondays”")));
        const int correction = rowWhere(notes, DeskNotesModel::KindRole, QStringLiteral("amendment"));
        QCOMPARE(notes.index(correction, 0).data(DeskNotesModel::AmendsRole).toString(),
                 notes.index(row, 0).data(DeskNotesModel::ShortHashRole).toString());
    }

    void rowsArriveAPageAtATimeAsTheListScrolls()
    {
        QList<Note> batch;
        for (int n = 0; n < 300; ++n) {
            Note note;
            note.engagementId = m_headOfService;
            note.kind = NoteKind::Statement;
            note.text = QStringLiteral("Paged statement %1 about the rota").arg(n);
            batch << note;
        }
        QVERIFY(m_reviewer->vault->store().createAndSign(batch).ok());
        QCOMPARE(DeviceSync(*m_reviewer->vault).syncOnce(100)->delivered, 300);
        QVERIFY(m_leader.collect());

        DeskNotesModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        QTRY_COMPARE(notes.total(), 305);
        settle(notes);
        QCOMPARE(notes.count(), DeskNotesModel::pageSize);
        QVERIFY(notes.index(0, 0).data(DeskNotesModel::PlainTextRole).toString().startsWith(QStringLiteral("Paged statement"))); // newest first
        QVERIFY(notes.canFetchMore({}));
        QSignalSpy resets(&notes, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&notes, &QAbstractItemModel::rowsInserted);
        notes.fetchMore({});
        QTRY_COMPARE(notes.count(), 305);
        QVERIFY(!notes.canFetchMore({}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1); // the second page, appended
        QCOMPARE(inserted.front().at(1).toInt(), DeskNotesModel::pageSize);

        // A filter starts from the top again; a search shows its best 200.
        notes.setSourceId(QStringLiteral("leaders"));
        settle(notes);
        QCOMPARE(notes.total(), 301);
        QCOMPARE(notes.count(), DeskNotesModel::pageSize);
        notes.setQuery(QStringLiteral("paged"));
        settle(notes);
        QCOMPARE(notes.count(), 200);
        QVERIFY(!notes.canFetchMore({}));
    }

    void lockingClosesTheReaderAndUnlockingReadsAgain()
    {
        DeskNotesModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        notes.setQuery(QStringLiteral("attendance"));
        m_session->lock(); // at once, perhaps with the search under way
        QCOMPARE(notes.count(), 0);
        QVERIFY(!notes.isBusy());
        QVERIFY(m_session->unlock(QStringLiteral("a long enough passphrase")));
        QTRY_COMPARE(notes.count(), 1);
        QVERIFY(notes.index(0, 0).data(DeskNotesModel::TextRole).toString().contains(QStringLiteral("<b>Attendance</b>")));
    }
};

QTEST_MAIN(TestDeskModels)
#include "tst_deskmodels.moc"
