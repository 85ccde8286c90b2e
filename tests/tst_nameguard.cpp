#include "nameguard.h"

#include <QTest>

using namespace fieldnotes;

class TestNameGuard : public QObject
{
    Q_OBJECT

private slots:
    void flagsWhatLooksLikeAName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("watched");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        // True positives.
        QTest::newRow("full name mid-sentence") << QStringLiteral("The parent said Sarah Jones runs the group.") << none
                                                << QStringList{QStringLiteral("Sarah"), QStringLiteral("Jones")};
        QTest::newRow("after a title") << QStringLiteral("We spoke to Mrs Patel about waiting times.") << none
                                       << QStringList{QStringLiteral("Patel")};
        QTest::newRow("title with a full stop") << QStringLiteral("Dr. Okafor explained the pathway.") << none
                                                << QStringList{QStringLiteral("Okafor")};
        QTest::newRow("first word before said") << QStringLiteral("Kevin said the bus is always late.") << none
                                                << QStringList{QStringLiteral("Kevin")};
        QTest::newRow("single name mid-sentence") << QStringLiteral("The club works because Priya keeps it going.") << none
                                                  << QStringList{QStringLiteral("Priya")};
        QTest::newRow("possessive") << QStringLiteral("It was Tom's idea to start the rota.") << none
                                    << QStringList{QStringLiteral("Tom")};
        QTest::newRow("watched, lower case") << QStringLiteral("then shona explained it") << QStringList{QStringLiteral("Shona Johnstone")}
                                             << QStringList{QStringLiteral("shona")};
        QTest::newRow("watched at sentence start") << QStringLiteral("Laura ran the session.") << QStringList{QStringLiteral("Laura")}
                                                   << QStringList{QStringLiteral("Laura")};
        // False positives it must not raise.
        QTest::newRow("sentence start") << QStringLiteral("Attendance rose. Waiting lists fell.") << none << QStringList();
        QTest::newRow("organisations") << QStringLiteral("The Children's Trust Board asked the County Council for a report.") << none
                                       << QStringList();
        QTest::newRow("calendar words") << QStringLiteral("It opened on Monday in April, before Easter.") << none << QStringList();
        QTest::newRow("acronyms and codes") << QStringLiteral("The CAMHS waiting list in Q3 was shorter, said the NHS lead.") << none
                                            << QStringList();
        QTest::newRow("pronoun I") << QStringLiteral("They said I could ask for the data.") << none << QStringList();
        QTest::newRow("roles instead of names") << QStringLiteral("A youth worker said the head teacher supports it.") << none
                                                << QStringList();
        QTest::newRow("empty") << QString() << none << QStringList();
    }

    void flagsWhatLooksLikeAName()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, watched);
        QFETCH(QStringList, expected);
        QStringList words;
        for (const SuspectedName &name : findSuspectedNames(text, watched))
            words << name.word;
        QCOMPARE(words, expected);
    }

    void reportsWhereAndWhy()
    {
        const QString text = QStringLiteral("We met Mr Brown.");
        const QList<SuspectedName> found = findSuspectedNames(text);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().position, text.indexOf(QStringLiteral("Brown")));
        QCOMPARE(found.first().why, SuspectedName::Why::AfterTitle);
        QCOMPARE(findSuspectedNames(QStringLiteral("ok then brown"), {QStringLiteral("Brown")}).first().why, SuspectedName::Why::Watched);
    }
};

QTEST_GUILESS_MAIN(TestNameGuard)
#include "tst_nameguard.moc"
