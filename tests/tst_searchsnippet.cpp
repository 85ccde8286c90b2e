#include "searchsnippet.h"

#include <QTest>

using namespace fieldnotes;

class TestSearchSnippet : public QObject
{
    Q_OBJECT

private slots:
    void matchExpressionQuotesEveryWord_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expression");
        QTest::newRow("one word") << QStringLiteral("attendance") << QStringLiteral("\"attendance\"*");
        QTest::newRow("two words") << QStringLiteral("  school   clubs ") << QStringLiteral("\"school\" \"clubs\"*");
        QTest::newRow("FTS syntax is text") << QStringLiteral("a OR \"b") << QStringLiteral("\"a\" \"OR\" \"\"\"b\"*");
        QTest::newRow("blank") << QStringLiteral("  ") << QString();
    }

    void matchExpressionQuotesEveryWord()
    {
        QFETCH(QString, query);
        QFETCH(QString, expression);
        QCOMPARE(SearchTerms(query).matchExpression(), expression);
    }

    void snippetsMarkMatchesIgnoringCaseAndAccents_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("snippet");
        QTest::newRow("case") << QStringLiteral("school") << QStringLiteral("The School said so")
                              << QStringLiteral("The <School> said so");
        QTest::newRow("accents") << QStringLiteral("cafe") << QStringLiteral("Pupils liked the café.")
                                 << QStringLiteral("Pupils liked the <café>.");
        QTest::newRow("prefix on the last word") << QStringLiteral("break club") << QStringLiteral("breakfast club, break clubs")
                                                 << QStringLiteral("breakfast <club>, <break> <clubs>");
        QTest::newRow("earlier words whole") << QStringLiteral("club x") << QStringLiteral("clubs and club")
                                             << QStringLiteral("clubs and <club>");
        QTest::newRow("window with ellipses")
            << QStringLiteral("target")
            << QStringLiteral("one two three four five six seven eight nine ten target eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
            << QStringLiteral("…five six seven eight nine ten <target> eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen");
        QTest::newRow("no words") << QStringLiteral("x") << QStringLiteral("—") << QStringLiteral("—");
    }

    void snippetsMarkMatchesIgnoringCaseAndAccents()
    {
        QFETCH(QString, query);
        QFETCH(QString, text);
        QFETCH(QString, snippet);
        QCOMPARE(SearchTerms(query).snippet(text, QStringLiteral("<"), QStringLiteral(">")), snippet);
    }

    void longTextIsCutOnBothSides()
    {
        QStringList words;
        for (int i = 0; i < 100; ++i)
            words << QStringLiteral("w%1").arg(i);
        words[50] = QStringLiteral("needle");
        const QString snippet = SearchTerms(QStringLiteral("needle")).snippet(words.join(QLatin1Char(' ')), QStringLiteral("["), QStringLiteral("]"), 16);
        QVERIFY(snippet.startsWith(QStringLiteral("…w46 ")));
        QVERIFY(snippet.endsWith(QStringLiteral("w61…")));
        QVERIFY(snippet.contains(QStringLiteral("[needle]")));
        QCOMPARE(snippet.split(QLatin1Char(' ')).size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
