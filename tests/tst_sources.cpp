// Where a collected note came from, for triangulation: sources derived from an engagement's
// participants and kind, and a note's own kind; the set-up's source list read back strictly.
#include "sources.h"

#include <QJsonObject>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;

class TestSources : public QObject
{
    Q_OBJECT

    static Engagement meeting(QList<ParticipantGroup> participants, EngagementKind kind = EngagementKind::Meeting)
    {
        Engagement engagement;
        engagement.kind = kind;
        engagement.participants = std::move(participants);
        return engagement;
    }

private slots:
    void theDemoProgrammesRolesArePlaced_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("source");
        QTest::newRow("lead officer") << "lead officer" << "leaders";
        QTest::newRow("service manager") << "service manager" << "leaders";
        QTest::newRow("head teacher") << "Head teacher" << "leaders";
        QTest::newRow("board member") << "board member" << "leaders";
        QTest::newRow("young person") << "young person" << "children";
        QTest::newRow("pupil") << "pupil" << "children";
        QTest::newRow("parent or carer") << "parent or carer" << "parents";
        QTest::newRow("foster carer") << "foster carer" << "parents";
        QTest::newRow("staff member") << "staff member" << "practitioners";
        QTest::newRow("youth worker") << "youth worker" << "practitioners";
        QTest::newRow("school nurse") << "school nurse" << "practitioners";
        // The word that comes first names the role.
        QTest::newRow("police officer") << "police officer" << "partners";
        QTest::newRow("no match") << "volunteer" << "";
        // Words match at a word's start only: "overhead" is not a head.
        QTest::newRow("inside a word") << "overhead projectionist" << "";
    }

    void theDemoProgrammesRolesArePlaced()
    {
        QFETCH(QString, role);
        QFETCH(QString, source);
        QCOMPARE(derivedSource(defaultSources(), meeting({{role, 1}})), source);
    }

    void theLargestGroupDecidesAndObservationIsDirect()
    {
        const QList<Source> sources = defaultSources();
        QCOMPARE(derivedSource(sources, meeting({{QStringLiteral("youth worker"), 1}, {QStringLiteral("young person"), 8}})),
                 QStringLiteral("children"));
        QCOMPARE(derivedSource(sources, meeting({{QStringLiteral("volunteer"), 9}, {QStringLiteral("parent"), 2}})), QStringLiteral("parents"));
        QCOMPARE(derivedSource(sources, meeting({{QStringLiteral("pupil"), 12}}, EngagementKind::Observation)), QStringLiteral("observation"));
        QCOMPARE(derivedSource(sources, meeting({})), QString());

        QCOMPARE(noteSource(sources, NoteKind::Observation, QStringLiteral("parents")), QStringLiteral("observation"));
        QCOMPARE(noteSource(sources, NoteKind::Evidence, QStringLiteral("parents")), QStringLiteral("documents"));
        QCOMPARE(noteSource(sources, NoteKind::Statement, QStringLiteral("parents")), QStringLiteral("parents"));
        // A review without those sources places every note by its engagement.
        const QList<Source> two{sources.at(0), sources.at(2)};
        QCOMPARE(noteSource(two, NoteKind::Evidence, QStringLiteral("leaders")), QStringLiteral("leaders"));
        QCOMPARE(derivedSource(two, meeting({{QStringLiteral("pupil"), 3}}, EngagementKind::Observation)), QStringLiteral("children"));
    }

    void theSetUpsListRoundTripsAndBadListsAreRefused()
    {
        QString error;
        QCOMPARE(*sourcesFromJson(sourcesToJson(defaultSources()), &error), defaultSources());
        QJsonArray duplicate = sourcesToJson(defaultSources());
        duplicate.append(duplicate.first());
        QVERIFY(!sourcesFromJson(duplicate, &error));
        QVERIFY2(error.contains(QStringLiteral("leaders")), qPrintable(error));
        QVERIFY(!sourcesFromJson(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("Bad Id")}, {QStringLiteral("label"), QStringLiteral("x")}}}, &error));
        QVERIFY(!sourcesFromJson(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("ok")}}}, &error));
    }
};

QTEST_GUILESS_MAIN(TestSources)
#include "tst_sources.moc"
