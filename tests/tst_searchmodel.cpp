#include "engagementlistmodel.h"
#include "noteeditorcontroller.h"
#include "notesearcher.h"
#include "notestore.h"
#include "searchmodel.h"
#include "sqlitedatabase.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestSearchModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

private slots:
    void findsHighlightsEscapesAndFilters()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        const QList<Engagement> engagements = *session.vault()->store().engagements(session.reviewId());
        const auto write = [&session](const QString &engagementId, const QString &kind, const QString &text) {
            NoteEditorController editor;
            editor.setSession(&session);
            editor.setEngagementId(engagementId);
            editor.setKind(kind);
            editor.setText(text);
            QTRY_VERIFY(editor.isSaved());
        };
        write(engagements[0].id, QStringLiteral("observation"), QStringLiteral("The <b>breakfast</b> club & homework club"));
        write(engagements[1].id, QStringLiteral("good-practice"), QStringLiteral("A breakfast rota run by pupils"));

        SearchModel search;
        QAbstractItemModelTester tester(&search, QAbstractItemModelTester::FailureReportingMode::QtTest);
        search.setSession(&session);
        QSignalSpy countChanges(&search, &SearchModel::countChanged);
        QVERIFY(countChanges.isValid());
        search.setQuery(QStringLiteral("breakfast"));
        QTRY_VERIFY(!search.isBusy()); // the search runs on its own thread
        QCOMPARE(search.rowCount(), 2);
        QCOMPARE(search.count(), 2);
        QVERIFY(countChanges.count() > 0);
        QStringList snippets;
        for (int row = 0; row < 2; ++row)
            snippets << search.data(search.index(row), SearchModel::SnippetRole).toString();
        // Note text is escaped, then only the matching words are marked.
        QVERIFY2(snippets.contains(QStringLiteral("The &lt;b&gt;<b>breakfast</b>&lt;/b&gt; club &amp; homework club")),
                 qPrintable(snippets.join(QLatin1Char('|'))));
        QVERIFY(snippets.contains(QStringLiteral("A <b>breakfast</b> rota run by pupils")));

        search.setKind(QStringLiteral("good-practice"));
        QTRY_VERIFY(!search.isBusy()); // the search runs on its own thread
        QCOMPARE(search.rowCount(), 1);
        QCOMPARE(search.data(search.index(0), SearchModel::KindRole).toString(), QStringLiteral("Good practice"));
        // Where it was said: the engagement's title, for the reader to place the note.
        QCOMPARE(search.data(search.index(0), SearchModel::EngagementTitleRole).toString(), engagements[1].title);
        QVERIFY(!engagements[1].title.isEmpty());
        // An engagement renamed in the programme: the hit says its new name.
        Engagement renamed = engagements[1];
        renamed.title = QStringLiteral("Breakfast club visit, moved");
        QVERIFY(session.vault()->store().updateEngagement(renamed));
        session.markProgrammeChanged();
        QTRY_VERIFY(!search.isBusy());
        QCOMPARE(search.data(search.index(0), SearchModel::EngagementTitleRole).toString(), renamed.title);
        // One with no title goes by its kind, as in the programme.
        renamed.title.clear();
        QVERIFY(session.vault()->store().updateEngagement(renamed));
        session.markProgrammeChanged();
        QTRY_VERIFY(!search.isBusy());
        QCOMPARE(search.data(search.index(0), SearchModel::EngagementTitleRole).toString(),
                 EngagementListModel::kindLabel(renamed.kind));
        // A programme that cannot be read: the hit is still shown, the reader is told why its
        // engagement is missing, and the title comes back once it can be read again.
        QSignalSpy errors(&session, &VaultSession::errorOccurred);
        QVERIFY(session.vault()->database().exec("ALTER TABLE engagements RENAME COLUMN participants TO participants_unreadable"));
        session.markProgrammeChanged();
        QTRY_VERIFY(!search.isBusy());
        QCOMPARE(search.rowCount(), 1);
        QCOMPARE(search.data(search.index(0), SearchModel::EngagementTitleRole).toString(), QString());
        QVERIFY(!errors.isEmpty());
        QVERIFY(session.vault()->database().exec("ALTER TABLE engagements RENAME COLUMN participants_unreadable TO participants"));
        session.markNotesChanged({}); // searched again, the programme unchanged: the failure was not kept
        QVERIFY(search.isBusy()); // a search of its own, not the last one's answer
        QTRY_VERIFY(!search.isBusy());
        QCOMPARE(search.data(search.index(0), SearchModel::EngagementTitleRole).toString(),
                 EngagementListModel::kindLabel(renamed.kind));
        search.setKind(QString());
        search.setEngagementId(engagements[0].id);
        QTRY_VERIFY(!search.isBusy()); // the search runs on its own thread
        QCOMPARE(search.rowCount(), 1);
        search.setEngagementId(QString());
        search.setPriorityId(engagements[1].priorityId);
        QTRY_VERIFY(!search.isBusy()); // the search runs on its own thread
        QCOMPARE(search.rowCount(), engagements[1].priorityId == engagements[0].priorityId ? 2 : 1);
        search.setQuery(QString());
        QCOMPARE(search.rowCount(), 0);
    }

    // Search as you type: a query typed over before it ran is dropped, and only the answer to
    // what is now typed is shown.
    void staleQueriesAreDropped()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("stale")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        const QString engagementId = session.vault()->store().engagements(session.reviewId())->first().id;
        QList<Note> notes;
        for (int i = 0; i < 2000; ++i) {
            Note note;
            note.engagementId = engagementId;
            note.text = i % 2 ? QStringLiteral("breakfast club number %1").arg(i) : QStringLiteral("bread and jam %1").arg(i);
            notes << note;
        }
        QVERIFY(session.vault()->store().createAndSign(notes));
        SearchModel search;
        QAbstractItemModelTester tester(&search, QAbstractItemModelTester::FailureReportingMode::QtTest);
        search.setSession(&session);
        QSignalSpy answered(&session.vault()->searcher(), &NoteSearcher::found);
        QVERIFY(answered.isValid());
        const QString word = QStringLiteral("breakfast");
        for (qsizetype typed = 1; typed <= word.size(); ++typed) {
            search.setQuery(word.left(typed)); // returns at once: the query runs on the searcher's thread
            QVERIFY(search.isBusy());
        }
        QTRY_VERIFY(!search.isBusy());
        QVERIFY2(answered.count() < word.size(), qPrintable(QString::number(answered.count())));
        QCOMPARE(search.count(), 200); // capped, best first
        for (int row = 0; row < search.rowCount(); ++row)
            QVERIFY(search.data(search.index(row), SearchModel::SnippetRole).toString().contains(QStringLiteral("<b>breakfast</b>")));
    }
};

QTEST_MAIN(TestSearchModel)
#include "tst_searchmodel.moc"
