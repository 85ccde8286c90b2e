// The Fieldnotes tablet app: builds the session and hands it to the QML window.
//   fieldnotes [--vault DIR] [--demo] [--self-test]
#include "appdatapaths.h"
#include "quicklook.h"
#include "selftest.h"
#include "vaultsession.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(FieldnotesPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("fieldnotes"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Fieldnotes"));
    fieldnotes::ui::useFieldnotesLook();

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("The vault directory."), QStringLiteral("DIR"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Open (creating if needed) the demo vault with a demo review."));
    const QCommandLineOption selfTestOption(QStringLiteral("self-test"), QStringLiteral("Load the UI, report any QML error or warning, and quit."));
    parser.addOptions({vaultOption, demoOption, selfTestOption});
    parser.process(app);

    const bool selfTest = parser.isSet(selfTestOption);
    const bool demo = parser.isSet(demoOption) || selfTest;
    const QString defaultDirectory = fieldnotes::platform::defaultVaultDirectory();
    QTemporaryDir selfTestDirectory;
    const QString directory = selfTest ? selfTestDirectory.filePath(QStringLiteral("vault"))
        : parser.isSet(vaultOption)    ? parser.value(vaultOption)
        : demo                         ? defaultDirectory + QStringLiteral("-demo")
                                       : defaultDirectory;
    if (selfTest)
        startCountingQmlWarnings();

    fieldnotes::ui::VaultSession session(directory, fieldnotes::VaultOptions{}, demo);
    // Leaving the foreground locks, as does idleness (the session's own timer).
    QObject::connect(&app, &QGuiApplication::applicationStateChanged, &session, [&session](Qt::ApplicationState state) {
        if (state == Qt::ApplicationSuspended || state == Qt::ApplicationHidden)
            session.lock();
    });

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)}});
    engine.load(QUrl(QStringLiteral("qrc:/Fieldnotes/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    // Input anywhere restarts the idle countdown.
    struct ActivityFilter : QObject {
        fieldnotes::ui::VaultSession *session;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            switch (event->type()) {
            case QEvent::KeyPress:
            case QEvent::MouseButtonPress:
            case QEvent::TouchBegin:
                session->noteActivity();
                break;
            default:
                break;
            }
            return QObject::eventFilter(watched, event);
        }
    } activity;
    activity.session = &session;
    app.installEventFilter(&activity);

    if (selfTest) {
        QTimer::singleShot(0, &app, [&engine, &session] {
            const int problems = runSelfTest(engine, session);
            std::fprintf(stderr, "self-test: %d QML errors or warnings\n", problems);
            QCoreApplication::exit(problems == 0 ? 0 : 1);
        });
    }
    return app.exec();
}
