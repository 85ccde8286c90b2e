#include "checkliststore.h"
#include "testvault.h"

#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::test;

class TestChecklistStore : public QObject
{
    Q_OBJECT

private slots:
    void ticksAndSkipsAreRecordedAndSurviveReopening()
    {
        ScratchVault scratch;
        ChecklistStore &checklists = scratch.vault->checklists();
        QVERIFY(checklists.tick(scratch.engagementId, QStringLiteral("opening"), QStringLiteral("not-an-inspection")).ok());
        auto skipped = checklists.skip(scratch.engagementId, QStringLiteral("opening"), QStringLiteral("critical-friends"),
                                       QStringLiteral("  covered in the invitation letter "));
        QVERIFY(skipped.ok());
        QCOMPARE(skipped->reason, QStringLiteral("covered in the invitation letter"));
        QVERIFY(checklists.tick(scratch.engagementId, QStringLiteral("closing"), QStringLiteral("thanked")).ok());

        scratch.vault.reset();
        auto reopened = Vault::open(scratch.path(), secret("scratch passphrase"), fastOptions());
        QVERIFY(reopened.ok());
        auto opening = (*reopened)->checklists().marks(scratch.engagementId, QStringLiteral("opening"));
        QVERIFY(opening.ok());
        QCOMPARE(opening->size(), 2);
        QCOMPARE(opening->at(0).item, QStringLiteral("not-an-inspection"));
        QVERIFY(opening->at(0).ticked);
        QVERIFY(!opening->at(1).ticked);
        QCOMPARE(opening->at(1).reason, QStringLiteral("covered in the invitation letter"));
        QVERIFY(opening->at(1).markedAt.isValid());
        QCOMPARE((*reopened)->checklists().marks(scratch.engagementId, QStringLiteral("closing"))->size(), 1);
    }

    void aSkipNeedsAReasonAndAMarkCanChangeOrBeCleared()
    {
        ScratchVault scratch;
        ChecklistStore &checklists = scratch.vault->checklists();
        auto refused = checklists.skip(scratch.engagementId, QStringLiteral("opening"), QStringLiteral("openness"), QStringLiteral("   "));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(checklists.marks(scratch.engagementId, QStringLiteral("opening"))->isEmpty());

        QVERIFY(checklists.skip(scratch.engagementId, QStringLiteral("opening"), QStringLiteral("openness"), QStringLiteral("late start")).ok());
        QVERIFY(checklists.tick(scratch.engagementId, QStringLiteral("opening"), QStringLiteral("openness")).ok());
        auto marks = checklists.marks(scratch.engagementId, QStringLiteral("opening"));
        QCOMPARE(marks->size(), 1);
        QVERIFY(marks->first().ticked);
        QVERIFY(marks->first().reason.isEmpty());
        QVERIFY(checklists.clear(scratch.engagementId, QStringLiteral("opening"), QStringLiteral("openness")).ok());
        QVERIFY(checklists.marks(scratch.engagementId, QStringLiteral("opening"))->isEmpty());
    }

    void anUnknownEngagementIsRefused()
    {
        ScratchVault scratch;
        auto refused = scratch.vault->checklists().tick(QStringLiteral("no-such-engagement"), QStringLiteral("opening"), QStringLiteral("x"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestChecklistStore)
#include "tst_checkliststore.moc"
