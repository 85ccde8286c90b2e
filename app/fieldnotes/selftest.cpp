#include "selftest.h"

#include "checkliststore.h"
#include "notestore.h"
#include "synccontroller.h"
#include "vaultsession.h"

#include <QAccessible>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>

#include <cstdio>

namespace {
int warningsSeen = 0;
QtMessageHandler previousHandler = nullptr;

// Every warning counts, from QML or from Qt about QML components ("Component is not ready"),
// except the platform's note about a missing runtime directory.
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && !message.startsWith(QLatin1String("QStandardPaths:")))
        ++warningsSeen;
    previousHandler(type, context, message);
}

// Touch targets: every visible control a finger must hit is at least 48 px (at 160 dpi) tall,
// and has an accessible name for screen readers.
int checkControls(QQuickItem *item, const QString &page)
{
    if (!item || !item->isVisible())
        return 0;
    int problems = 0;
    const bool control = item->inherits("QQuickAbstractButton") || item->inherits("QQuickTextField")
        || item->inherits("QQuickComboBox") || item->inherits("QQuickSpinBox") || item->inherits("QQuickTextArea");
    if (control) {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(item);
        const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
        const QString label = name.isEmpty() ? QString::fromLatin1(item->metaObject()->className()) : name;
        if (name.isEmpty()) {
            std::fprintf(stderr, "self-test: %s: a %s has no accessible name\n", qPrintable(page), qPrintable(label));
            ++problems;
        }
        if (item->height() < 48 && !item->inherits("QQuickTextArea")) {
            std::fprintf(stderr, "self-test: %s: %s is %.0f px tall (touch targets need 48)\n", qPrintable(page), qPrintable(label), item->height());
            ++problems;
        }
    }
    if (control)
        return problems; // a control's own parts (a combo box's text field) are not separate targets
    for (QQuickItem *child : item->childItems())
        problems += checkControls(child, page);
    return problems;
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

    // The second engagement is already under way, so its page shows notes, questions and closing.
    const fieldnotes::Engagement &running = engagements->at(1);
    for (const char *point : {"not-an-inspection", "at-trusts-request", "critical-friends", "views-gathered-widely", "openness", "non-attributable"})
        (void)session.vault()->checklists().tick(running.id, QStringLiteral("opening"), QString::fromLatin1(point));

    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    fieldnotes::ui::SyncController sync;
    sync.setSession(&session);
    QStringList pages = QDir(QStringLiteral(":/Fieldnotes")).entryList({QStringLiteral("*Page.qml")});
    pages << QStringLiteral("EngagementPage.qml#running");
    for (const QString &entry : pages) {
        const QString page = entry.section(QLatin1Char('#'), 0, 0);
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/Fieldnotes/") + page));
        QVariantMap properties{{QStringLiteral("session"), QVariant::fromValue(&session)}};
        if (page == QLatin1String("ProgrammePage.qml"))
            properties.insert(QStringLiteral("sync"), QVariant::fromValue(&sync));
        if (page == QLatin1String("EngagementPage.qml")) {
            const fieldnotes::Engagement &shown = entry.endsWith(QLatin1String("#running")) ? running : first;
            properties.insert({{QStringLiteral("engagementId"), shown.id},
                               {QStringLiteral("engagementTitle"), shown.title},
                               {QStringLiteral("agreedMinutes"), shown.agreedMinutes}});
        }
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
        warningsSeen += checkControls(qobject_cast<QQuickItem *>(object), page);
        delete object;
        std::fprintf(stderr, "self-test: %s loaded\n", qPrintable(entry));
    }
    return warningsSeen;
}
