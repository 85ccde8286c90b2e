// The engagement page: why its priority is looked at (the leader's desk-top review), and with
// 2,500 notes it opens, builds only the notes in sight, and scrolls to the last and back. The
// real EngagementPage.qml over a real vault, in a window (offscreen).
#include "checklistcontroller.h"
#include "deskreview.h"
#include "notestore.h"
#include "testvault.h"
#include "quickitems.h"
#include "quicklook.h"
#include "vaultsession.h"

#include <QElapsedTimer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickGraphicsConfiguration>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <functional>

Q_IMPORT_QML_PLUGIN(FieldnotesPlugin)

using namespace fieldnotes;
using namespace fieldnotes::ui;

namespace {
void collect(QQuickItem *item, const char *className, QList<QQuickItem *> &found)
{
    if (QByteArray(item->metaObject()->className()).startsWith(className))
        found << item;
    for (QQuickItem *child : item->childItems())
        collect(child, className, found);
}
} // namespace

class TestEngagementPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { fieldnotes::ui::useFieldnotesLook(); }

    // A 2D page needs neither buffer, and without them the software rasteriser takes its fast
    // path (README, "Typing (the UI)"). Offscreen, Qt Quick draws without OpenGL and so without
    // either buffer anyway; what shows here is that its windows are told to draw without a depth
    // buffer (the same switch as the OpenGL surface's, QSG_NO_DEPTH_BUFFER).
    void windowsDrawWithoutADepthBuffer()
    {
        QQuickWindow window;
        QVERIFY(!window.graphicsConfiguration().isDepthBufferEnabledFor2D());
    }

    void theBriefingSaysWhyThePriorityIsLookedAt()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        const Engagement engagement = session.vault()->store().engagements(session.reviewId())->first();
        // As a tablet has it from the leader's signed set-up (importDeskSetup writes the same table).
        sync::DeskReview review{engagement.priorityId, QStringLiteral("amber"), {{QStringLiteral("trend"), QStringLiteral("Absence up two years running")}},
                                {QStringLiteral("Who misses school on Mondays?")}, {}};
        QVERIFY(sync::saveDeskReview(*session.vault(), session.reviewId(), review, QStringLiteral("team leader")).ok());

        QQuickWindow window;
        window.resize(800, 1280);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QQmlEngine engine;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/Fieldnotes/EngagementPage.qml")));
        std::unique_ptr<QObject> object(component.createWithInitialProperties(
            {{QStringLiteral("session"), QVariant::fromValue(&session)}, {QStringLiteral("engagementId"), engagement.id},
             {QStringLiteral("engagementTitle"), engagement.title}, {QStringLiteral("agreedMinutes"), 60}}));
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *page = qobject_cast<QQuickItem *>(object.get());
        page->setParentItem(window.contentItem());
        page->setSize(window.size());
        QQuickItem *briefing = fieldnotes::test::findItemNamed(page, QStringLiteral("priorityBriefing"));
        QVERIFY(briefing);
        QTRY_VERIFY(briefing->isVisible());
        // Labels are the style's QML types: found by what they inherit, not by class name.
        QStringList shown;
        const std::function<void(QQuickItem *)> read = [&](QQuickItem *item) {
            if (item->inherits("QQuickText") && item->isVisible())
                shown << item->property("text").toString();
            for (QQuickItem *child : item->childItems())
                read(child);
        };
        read(briefing);
        const QString all = shown.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("Amber: some concerns about progress")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Trends over the last 3 years: Absence up two years running")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Who misses school on Mondays?")), qPrintable(all));
    }

    void aPageOf2500NotesOpensAndScrolls()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        const Engagement engagement = session.vault()->store().engagements(session.reviewId())->first();
        ChecklistController opening;
        opening.setSession(&session);
        opening.setEngagementId(engagement.id);
        for (int row = 0; row < opening.rowCount(); ++row)
            QVERIFY(opening.tick(row));
        QList<Note> notes;
        for (int i = 0; i < 2500; ++i) {
            Note note;
            note.engagementId = engagement.id;
            note.kind = NoteKind::Observation;
            note.text = QStringLiteral("Note %1 of the long session").arg(i + 1);
            notes << note;
        }
        QVERIFY(session.vault()->store().createAndSign(notes));

        QQuickWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QQmlEngine engine;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/Fieldnotes/EngagementPage.qml")));
        QElapsedTimer opened;
        opened.start();
        std::unique_ptr<QObject> object(component.createWithInitialProperties(
            {{QStringLiteral("session"), QVariant::fromValue(&session)}, {QStringLiteral("engagementId"), engagement.id},
             {QStringLiteral("engagementTitle"), engagement.title}, {QStringLiteral("agreedMinutes"), 60}}));
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *page = qobject_cast<QQuickItem *>(object.get());
        page->setParentItem(window.contentItem());
        page->setSize(window.size());
        QQuickItem *list = fieldnotes::test::findItemNamed(page, QStringLiteral("noteList"));
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 2500);
        QTRY_VERIFY(fieldnotes::test::findItemNamed(page, QStringLiteral("noteText")));
        // Only the notes in sight (and the view's small cache) are built.
        QList<QQuickItem *> built;
        QTRY_VERIFY((built.clear(), collect(list, "NoteDelegate", built), !built.isEmpty()));
        qInfo("2,500-note engagement page created and laid out in %lld ms", opened.elapsed());
        QVERIFY2(built.size() < 60, qPrintable(QString::number(built.size())));

        QMetaObject::invokeMethod(list, "positionViewAtEnd");
        const auto shows = [&](const QString &text) {
            QList<QQuickItem *> delegates;
            collect(list, "NoteDelegate", delegates);
            for (QQuickItem *delegate : delegates)
                if (delegate->isVisible() && delegate->property("text").toString() == text)
                    return true;
            return false;
        };
        QTRY_VERIFY(shows(QStringLiteral("Note 2500 of the long session")));
        built.clear();
        collect(list, "NoteDelegate", built);
        QVERIFY(built.size() < 60);
        QMetaObject::invokeMethod(list, "positionViewAtBeginning");
        QTRY_VERIFY(shows(QStringLiteral("Note 1 of the long session")));
    }
};

QTEST_MAIN(TestEngagementPage)
#include "tst_engagementpage.moc"
