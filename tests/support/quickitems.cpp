#include "quickitems.h"

namespace fieldnotes::test {

QQuickItem *findItemNamed(QQuickItem *root, const QString &objectName)
{
    if (root->objectName() == objectName)
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findItemNamed(child, objectName))
            return found;
    return nullptr;
}

} // namespace fieldnotes::test
