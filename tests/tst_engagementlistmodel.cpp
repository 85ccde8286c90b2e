#include "engagementlistmodel.h"
#include "notestore.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestEngagementListModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

private slots:
    void kindChoicesNameEveryKindInWords()
    {
        const QVariantList choices = EngagementListModel::kindChoices();
        QCOMPARE(choices.size(), engagementKindNames().size());
        QStringList kinds;
        for (const QVariant &choice : choices) {
            const QVariantMap map = choice.toMap();
            kinds << map.value(QStringLiteral("kind")).toString();
            QVERIFY(!map.value(QStringLiteral("label")).toString().contains(QLatin1Char('-')));
        }
        QCOMPARE(kinds, engagementKindNames());
        QCOMPARE(choices.at(1).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Focus group"));
    }

    void addEditAndFollowUp()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        EngagementListModel programme;
        QAbstractItemModelTester tester(&programme, QAbstractItemModelTester::FailureReportingMode::QtTest);
        programme.setSession(&session);
        const int demoCount = programme.rowCount();
        QCOMPARE(demoCount, 8);
        QCOMPARE(programme.priorities().size(), 3);
        QCOMPARE(programme.engagementChoices().size(), demoCount);
        QCOMPARE(programme.engagementChoices().first().toMap().value(QStringLiteral("title")).toString(), QStringLiteral("Lead officers: attendance"));

        const QString priorityId = programme.priorities().first().toMap().value(QStringLiteral("id")).toString();
        const QDateTime start(QDate(2010, 4, 21), QTime(9, 0), Qt::LocalTime);
        // Added, edited, followed up: rows arrive, change and move; the programme never resets.
        QSignalSpy reset(&programme, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&programme, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&programme, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&programme, &QAbstractItemModel::rowsMoved);
        const QString id = programme.save(QString(), QStringLiteral("focus-group"), priorityId, start, 60, QStringLiteral("Parents' group"),
                                          QStringLiteral("Reviewer A"), QStringLiteral("Reviewer B"), QStringLiteral("parent = 5\ncarer=2"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(programme.rowCount(), demoCount + 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), programme.rowOf(id));
        const QVariantMap fields = programme.get(id);
        QCOMPARE(fields.value(QStringLiteral("participants")).toString(), QStringLiteral("parent = 5\ncarer = 2"));
        QCOMPARE(fields.value(QStringLiteral("minutes")).toInt(), 60);

        QCOMPARE(programme.save(id, QStringLiteral("interview"), priorityId, start, 30, QStringLiteral("Parents' group"), {}, {},
                                QStringLiteral("parent = 1")), id);
        QCOMPARE(session.vault()->store().engagement(id)->agreedMinutes, 30);
        QCOMPARE(session.vault()->store().engagement(id)->kind, EngagementKind::Interview);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), programme.rowOf(id));
        const QDateTime later(QDate(2099, 1, 5), QTime(9, 0), Qt::LocalTime);
        QCOMPARE(programme.save(id, QStringLiteral("interview"), priorityId, later, 30, QStringLiteral("Parents' group"), {}, {},
                                QStringLiteral("parent = 1")), id);
        QCOMPARE(programme.rowOf(id), programme.rowCount() - 1); // moved to its new time, last
        QCOMPARE(moved.count(), 1);
        QCOMPARE(programme.save(id, QStringLiteral("interview"), priorityId, start, 30, QStringLiteral("Parents' group"), {}, {},
                                QStringLiteral("parent = 1")), id);
        QCOMPARE(reset.count(), 0);

        const QString followUp = programme.arrangeFollowUp(id);
        QVERIFY(!followUp.isEmpty());
        const Engagement linked = *session.vault()->store().engagement(followUp);
        QCOMPARE(linked.followUpOf, id);
        QCOMPARE(linked.scheduledStart, start.toUTC().addDays(1));
        QVERIFY(linked.title.contains(QStringLiteral("Parents' group")));
    }

    void eachEngagementShowsHowFarItHasGotByItsRowOnly()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("progress")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        EngagementListModel programme;
        QAbstractItemModelTester tester(&programme, QAbstractItemModelTester::FailureReportingMode::QtTest);
        programme.setSession(&session);
        const QString id = programme.data(programme.index(0), EngagementListModel::EngagementIdRole).toString();
        const auto state = [&] { return programme.data(programme.index(programme.rowOf(id)), EngagementListModel::StateRole).toString(); };
        const auto label = [&] { return programme.data(programme.index(programme.rowOf(id)), EngagementListModel::StateLabelRole).toString(); };
        QCOMPARE(state(), QStringLiteral("not-started"));
        QCOMPARE(label(), QStringLiteral("Not started"));

        QSignalSpy reset(&programme, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&programme, &QAbstractItemModel::dataChanged);
        NoteStore &store = session.vault()->store();
        QVERIFY(store.startEngagement(id).ok());
        session.markProgrammeChanged();
        QCOMPARE(state(), QStringLiteral("running"));
        QVERIFY(label().startsWith(QStringLiteral("Started at ")));
        Note draft;
        draft.engagementId = id;
        draft.text = QStringLiteral("The room was set out for a group");
        const QString first = store.createDraft(draft)->id;
        const QString second = store.createDraft(draft)->id;
        session.markNotesChanged({first, second});
        QTRY_COMPARE(state(), QStringLiteral("waiting")); // read once the writes settle
        QCOMPARE(label(), QStringLiteral("2 notes waiting to be signed"));
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), programme.rowOf(id));
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(EngagementListModel::StateRole));
        QVERIFY(store.signDraft(first).ok());
        session.markNotesSigned({first});
        QTRY_COMPARE(label(), QStringLiteral("1 note waiting to be signed")); // plurals through tr()
        QVERIFY(store.signDraft(second).ok());
        QVERIFY(store.setEngagementFinished(id, true).ok());
        session.markNotesSigned({second});
        QTRY_COMPARE(state(), QStringLiteral("done"));
        QCOMPARE(label(), QStringLiteral("Done: 2 notes signed"));
        const int changesSoFar = int(changed.count());
        session.markNotesChanged({second}); // nothing moved: no row changes
        QTest::qWait(500);
        QCOMPARE(changed.count(), changesSoFar);
        QCOMPARE(reset.count(), 0);
    }

    void aFollowUpIsArrangedOnceAtAChosenTime()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("followups")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        EngagementListModel programme;
        QAbstractItemModelTester tester(&programme, QAbstractItemModelTester::FailureReportingMode::QtTest);
        programme.setSession(&session);
        const int before = programme.rowCount();
        const QString id = programme.data(programme.index(0), EngagementListModel::EngagementIdRole).toString();
        QVERIFY(!programme.followUpStart(id).isValid());
        const QString tomorrow = programme.arrangeFollowUp(id);
        QCOMPARE(programme.arrangeFollowUp(id), tomorrow); // tapped twice: one follow-up
        QCOMPARE(programme.rowCount(), before + 1);
        const QDateTime chosen(QDate(2010, 4, 23), QTime(14, 30), Qt::LocalTime);
        const QString later = programme.arrangeFollowUp(id, chosen);
        QVERIFY(later != tomorrow);
        QCOMPARE(programme.arrangeFollowUp(id, chosen), later);
        QCOMPARE(programme.rowCount(), before + 2);
        QCOMPARE(session.vault()->store().engagement(later)->scheduledStart, chosen.toUTC());
        QCOMPARE(programme.followUpStart(id), std::min(chosen.toUTC(), session.vault()->store().engagement(tomorrow)->scheduledStart));

        // A follow-up without notes can go again; the original, continued by the other, cannot yet.
        QVERIFY(programme.remove(later));
        QCOMPARE(programme.rowOf(later), -1);
        QSignalSpy errors(&session, &VaultSession::errorOccurred);
        QVERIFY(!programme.remove(id));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(programme.rowCount(), before + 1);
    }

    void whatIsWrongWithAnEngagementIsSaidBeforeSaving()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("problems")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        EngagementListModel programme;
        programme.setSession(&session);
        QCOMPARE(programme.problemWith(QStringLiteral("Parents' group"), QStringLiteral("parent = 5")), QString());
        QVERIFY(programme.problemWith(QStringLiteral("Parents' group"), QStringLiteral("parents")).contains(QStringLiteral("role = number")));
        QVERIFY(programme.problemWith(QStringLiteral("Meeting with Mrs Jones"), QString()).contains(QStringLiteral("Jones")));
        QVERIFY(programme.problemWith(QString(), QStringLiteral("Jamie = 1")).contains(QStringLiteral("Jamie")));
    }

    void participantsByRoleAndCountOnly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lines") << QStringLiteral("young person = 6\nyouth worker=1") << true;
        QTest::newRow("commas") << QStringLiteral("parent = 2, carer = 1") << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("a name, no count") << QStringLiteral("Sarah Jones") << false;
        QTest::newRow("zero") << QStringLiteral("parent = 0") << false;
        QTest::newRow("no role") << QStringLiteral("= 3") << false;
    }

    void participantsByRoleAndCountOnly()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error;
        EngagementListModel::parseParticipants(text, &error);
        QCOMPARE(error.isEmpty(), valid);
    }
};

QTEST_MAIN(TestEngagementListModel)
#include "tst_engagementlistmodel.moc"
