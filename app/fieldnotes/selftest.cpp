#include "selftest.h"

#include "notestore.h"
#include "vaultsession.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>

#include <cstdio>

namespace {
int warningsSeen = 0;
QtMessageHandler previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = QString::fromLatin1(context.category ? context.category : "");
    const bool fromQml = category == QLatin1String("qml") || category == QLatin1String("js") || category.startsWith(QLatin1String("qt.qml"))
        || message.contains(QLatin1String(".qml"));
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml)
        ++warningsSeen;
    previousHandler(type, context, message);
}
} // namespace

void startCountingQmlWarnings()
{
    previousHandler = qInstallMessageHandler(countingHandler);
}

int runSelfTest(QQmlApplicationEngine &engine, fieldnotes::ui::VaultSession &session)
{
    if (session.state() == fieldnotes::ui::VaultSession::NoVault && !session.createVault(QStringLiteral("self-test passphrase 1"), QStringLiteral("self-test passphrase 1")))
        return 1000;
    QCoreApplication::processEvents();
    auto engagements = session.vault()->store().engagements(session.reviewId());
    if (!engagements || engagements->isEmpty())
        return 1001;
    const fieldnotes::Engagement &first = engagements->first();

    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    const QStringList pages = QDir(QStringLiteral(":/Fieldnotes")).entryList({QStringLiteral("*Page.qml")});
    for (const QString &page : pages) {
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/Fieldnotes/") + page));
        QVariantMap properties{{QStringLiteral("session"), QVariant::fromValue(&session)}};
        if (page == QLatin1String("EngagementPage.qml"))
            properties.insert({{QStringLiteral("engagementId"), first.id},
                               {QStringLiteral("engagementTitle"), first.title},
                               {QStringLiteral("agreedMinutes"), first.agreedMinutes}});
        QObject *object = component.createWithInitialProperties(properties);
        if (!object) {
            std::fprintf(stderr, "self-test: %s: %s\n", qPrintable(page), qPrintable(component.errorString()));
            ++warningsSeen;
            continue;
        }
        if (auto *item = qobject_cast<QQuickItem *>(object); item && window) {
            item->setParentItem(window->contentItem());
            item->setSize(window->contentItem()->size());
        }
        QCoreApplication::processEvents();
        delete object;
        std::fprintf(stderr, "self-test: %s loaded\n", qPrintable(page));
    }
    return warningsSeen;
}
