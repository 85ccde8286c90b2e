#pragma once

#include <QAbstractItemModel>
#include <QtQml/qqml.h>

// Qt 6.4's QML type information does not describe QAbstractItemModel (6.5 adds exactly this
// declaration to QtQml), so qmllint cannot resolve any of our models. Declaring it here makes
// the module's own qmltypes complete; at run time it only registers an anonymous type.
struct ItemModelForeign
{
    Q_GADGET
    QML_FOREIGN(QAbstractItemModel)
    QML_ANONYMOUS
};
