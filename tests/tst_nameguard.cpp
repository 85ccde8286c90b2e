#include "nameguard.h"

#include <QFile>
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

    // Real cases (tests/data/nameguard-cases.tsv): the share of names found, and of flags that
    // were not names, printed for the README and held to a floor.
    void hitAndFalseAlarmRatesOnRealCases()
    {
        QFile file(QStringLiteral(FIELDNOTES_TEST_DATA "/nameguard-cases.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        int names = 0, found = 0, flags = 0, falseAlarms = 0, cases = 0, clean = 0;
        QStringList misses, alarms;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1Char('#')))
                continue;
            const QString text = line.section(QLatin1Char('\t'), 0, 0);
            const QStringList expected = line.section(QLatin1Char('\t'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
            QStringList flagged;
            for (const SuspectedName &name : findSuspectedNames(text))
                flagged << name.word;
            ++cases;
            names += int(expected.size());
            for (const QString &name : expected) {
                if (flagged.contains(name))
                    ++found;
                else
                    misses << QStringLiteral("%1 in \"%2\"").arg(name, text);
            }
            flags += int(flagged.size());
            bool anyAlarm = false;
            for (const QString &word : flagged) {
                if (!expected.contains(word)) {
                    ++falseAlarms;
                    anyAlarm = true;
                    alarms << QStringLiteral("%1 in \"%2\"").arg(word, text);
                }
            }
            clean += expected.isEmpty() && !anyAlarm ? 1 : 0;
        }
        const double hitRate = double(found) / names;
        const double falseAlarmRate = double(falseAlarms) / std::max(1, flags);
        qInfo("name guard on %d real cases: %d of %d names found (hit rate %.0f%%); %d of %d flags not a name (false-alarm rate %.0f%%)",
              cases, found, names, 100 * hitRate, falseAlarms, flags, 100 * falseAlarmRate);
        for (const QString &miss : std::as_const(misses))
            qInfo("  missed: %s", qPrintable(miss));
        for (const QString &alarm : std::as_const(alarms))
            qInfo("  false alarm: %s", qPrintable(alarm));
        QVERIFY2(hitRate >= 0.9, qPrintable(misses.join(QStringLiteral("; "))));
        QVERIFY2(falseAlarmRate <= 0.1, qPrintable(alarms.join(QStringLiteral("; "))));
        Q_UNUSED(clean);
    }

    void reportsWhereAndWhy()
    {
        const QString text = QStringLiteral("We met Mr Brown.");
        const QList<SuspectedName> found = findSuspectedNames(text);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().position, text.indexOf(QStringLiteral("Brown")));
        QCOMPARE(found.first().why, SuspectedName::Why::AfterTitle);
        QCOMPARE(findSuspectedNames(QStringLiteral("then john came")).first().why, SuspectedName::Why::GivenName);
        QCOMPARE(findSuspectedNames(QStringLiteral("Kayleigh, aged 9, said so.")).first().why, SuspectedName::Why::DescribedByAge);
        QCOMPARE(findSuspectedNames(QStringLiteral("ok then brown"), {QStringLiteral("Brown")}).first().why, SuspectedName::Why::Watched);
    }
};

QTEST_GUILESS_MAIN(TestNameGuard)
#include "tst_nameguard.moc"
