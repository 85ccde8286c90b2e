// Types into the real app's note field until it is killed, for tst_drafttyping: loads Main.qml
// over an unlocked vault, opens an engagement, and sends one key event every 20 ms. After each
// it prints "typed LENGTH MS" (the field's length, CLOCK_MONOTONIC in milliseconds), and after
// the first "draft ID".
//   draft-kill-child VAULT ENGAGEMENT_ID   (the passphrase on stdin)
#include "noteeditorcontroller.h"
#include "quickitems.h"
#include "quicklook.h"
#include "vaultsession.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <ctime>

Q_IMPORT_QML_PLUGIN(FieldnotesPlugin)

namespace {
long long monotonicMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000LL + now.tv_nsec / 1000000;
}

int fail(const char *why)
{
    std::fprintf(stderr, "draft-kill-child: %s\n", why);
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    fieldnotes::ui::useFieldnotesLook();
    if (argc != 3)
        return fail("usage: draft-kill-child VAULT ENGAGEMENT_ID");
    const QString passphrase = QTextStream(stdin).readLine();
    fieldnotes::ui::VaultSession session(QString::fromLocal8Bit(argv[1]), fieldnotes::VaultOptions{}, false);
    if (!session.unlock(passphrase))
        return fail("cannot unlock");
    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)}});
    engine.load(QUrl(QStringLiteral("qrc:/Fieldnotes/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window || !QTest::qWaitForWindowExposed(window))
        return fail("no window");
    window->requestActivate();
    if (!QTest::qWaitForWindowActive(window))
        return fail("the window is not active");
    QQuickItem *stack = fieldnotes::test::findItemNamed(window->contentItem(), QStringLiteral("stack"));
    auto *current = stack ? qvariant_cast<QQuickItem *>(stack->property("currentItem")) : nullptr;
    if (!current)
        return fail("no page");
    // After a kill the app opens where it was: on the engagement, its draft back in the editor.
    const bool resumed = current->property("engagementId").toString() == QString::fromLocal8Bit(argv[2]);
    if (!resumed)
        QMetaObject::invokeMethod(current, "openEngagement", Q_ARG(QString, QString::fromLocal8Bit(argv[2])));
    QTest::qWait(500);
    QQuickItem *field = fieldnotes::test::findItemNamed(window->contentItem(), QStringLiteral("noteText"));
    if (!field)
        return fail("no note field");
    field->forceActiveFocus();
    if (!field->hasActiveFocus())
        return fail("the note field has no focus");
    auto *page = qvariant_cast<QQuickItem *>(stack->property("currentItem"));
    auto *editor = page ? page->findChild<fieldnotes::ui::NoteEditorController *>() : nullptr;
    if (!editor)
        return fail("no note editor");
    if (resumed) {
        std::printf("resumed %s %lld\n", qPrintable(editor->draftId()), qlonglong(editor->text().size()));
        editor->startNew(); // each round types a note of its own
    }
    std::printf("ready\n");
    std::fflush(stdout);

    const QString text = QStringLiteral("a parent said the club keeps her son in school on most days of the week ");
    int typed = 0;
    QTimer typist;
    QObject::connect(&typist, &QTimer::timeout, [&] {
        const QChar character = text.at(typed++ % text.size());
        const int key = character == QLatin1Char(' ') ? int(Qt::Key_Space) : int(Qt::Key_A) + (character.unicode() - 'a');
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(character));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(character));
        QCoreApplication::sendEvent(window, &press);
        QCoreApplication::sendEvent(window, &release);
        if (typed == 1)
            std::printf("draft %s\n", qPrintable(editor->draftId()));
        std::printf("typed %lld %lld\n", qlonglong(field->property("text").toString().size()), monotonicMs());
        std::fflush(stdout);
    });
    typist.start(20);
    return app.exec();
}
