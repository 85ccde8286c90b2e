import QtQuick
import QtQuick.Controls

// A tab bar that never cuts a tab's name ("Triangulat…" on a portrait tablet): its tabs are
// equal while every name fits in an equal share, and otherwise each is as wide as its name with
// the width left over shared out. Its tabs are FittingTabButtons.
TabBar {
    id: bar
    readonly property real widestName: {
        let widest = 0
        for (let i = 0; i < count; ++i)
            widest = Math.max(widest, itemAt(i).implicitWidth)
        return widest
    }
    readonly property real namesWidth: {
        let sum = 0
        for (let i = 0; i < count; ++i)
            sum += itemAt(i).implicitWidth
        return sum
    }
    readonly property bool namesFitEqualTabs: widestName <= width / Math.max(1, count)

    function tabWidth(nameWidth: real): real {
        return namesFitEqualTabs ? width / Math.max(1, count)
                                 : nameWidth + Math.max(0, width - namesWidth) / Math.max(1, count)
    }
}
