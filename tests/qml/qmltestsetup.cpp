// Runner for the Qt Quick tests (tst_*.qml): each test file gets a session on a fresh demo
// vault as the context property `testSession`, with the real QML module and its plugin.
#include "notestore.h"
#include "quicklook.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(FieldnotesPlugin)

class QmlTestSetup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable() { fieldnotes::ui::useFieldnotesLook(); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 puts a static module's qmldir and files under qrc:/<URI>.
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_session = std::make_unique<fieldnotes::ui::VaultSession>(m_directory.filePath(QStringLiteral("vault")),
                                                                   fieldnotes::test::fastOptions(), true);
        if (!m_session->createVault(QStringLiteral("qml test passphrase"), QStringLiteral("qml test passphrase")))
            qFatal("cannot create the test vault");
        engine->rootContext()->setContextProperty(QStringLiteral("testSession"), m_session.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testPassphrase"), QStringLiteral("qml test passphrase"));
        QStringList engagementIds;
        const auto engagements = m_session->vault()->store().engagements(m_session->reviewId());
        for (const fieldnotes::Engagement &engagement : engagements.value())
            engagementIds << engagement.id;
        engine->rootContext()->setContextProperty(QStringLiteral("testEngagementIds"), engagementIds);
    }

private:
    QTemporaryDir m_directory;
    std::unique_ptr<fieldnotes::ui::VaultSession> m_session;
};

QUICK_TEST_MAIN_WITH_SETUP(fieldnotes_qml, QmlTestSetup)
#include "qmltestsetup.moc"
