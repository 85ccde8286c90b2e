import QtQuick
import QtQuick.Controls

// A tab of a FittingTabBar, as wide as that bar gives it.
TabButton {
    width: (TabBar.tabBar as FittingTabBar)?.tabWidth(implicitWidth) ?? implicitWidth
}
