#include "settingsstore.h"
#include "testvault.h"

#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::test;

class TestSettingsStore : public QObject
{
    Q_OBJECT

private slots:
    void valuesRoundTripWithAFallback()
    {
        ScratchVault scratch;
        SettingsStore &settings = scratch.vault->settings();
        QCOMPARE(*settings.value(QStringLiteral("role"), QStringLiteral("reviewer")), QStringLiteral("reviewer"));
        QVERIFY(settings.setValue(QStringLiteral("role"), QStringLiteral("young-inspector")).ok());
        QVERIFY(settings.setValue(QStringLiteral("role"), QStringLiteral("team-leader")).ok());
        QCOMPARE(*settings.value(QStringLiteral("role")), QStringLiteral("team-leader"));
    }

    void watchedNamesAreKeptPerReview()
    {
        ScratchVault scratch;
        SettingsStore &settings = scratch.vault->settings();
        QVERIFY(settings.setWatchedNames(scratch.reviewId, {QStringLiteral("Shona"), QStringLiteral(" Laura "), QString(), QStringLiteral("Shona")}).ok());
        QCOMPARE(*settings.watchedNames(scratch.reviewId), (QStringList{QStringLiteral("Laura"), QStringLiteral("Shona")}));
        QVERIFY(settings.setWatchedNames(scratch.reviewId, {QStringLiteral("Mary")}).ok());
        QCOMPARE(*settings.watchedNames(scratch.reviewId), QStringList{QStringLiteral("Mary")});
        QCOMPARE(settings.setWatchedNames(QStringLiteral("no-such-review"), {QStringLiteral("X")}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(*settings.watchedNames(scratch.reviewId), QStringList{QStringLiteral("Mary")});
    }
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
