#pragma once

#include <QQuickItem>
#include <QString>

namespace fieldnotes::test {

/// The item with this objectName under `root`, searched through the visual tree: items that
/// views make (a ListView's header and delegates) have no QObject parent to find them by.
QQuickItem *findItemNamed(QQuickItem *root, const QString &objectName);

} // namespace fieldnotes::test
