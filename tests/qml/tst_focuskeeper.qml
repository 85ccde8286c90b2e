import QtQuick
import QtQuick.Controls
import QtTest
import Fieldnotes

Item {
    id: root
    width: 600
    height: 400

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        Column {
            width: scroller.availableWidth
            Rectangle { width: parent.width; height: 1500; color: "lightgrey" }
            TextField { id: farField; width: parent.width; objectName: "farField" }
        }
    }
    FocusKeeper { id: keeper; scope: root }

    TestCase {
        name: "FocusKeeper"
        when: windowShown

        function test_focusedFieldIsScrolledIntoView() {
            const flickable = scroller.contentItem
            compare(flickable.contentY, 0)
            farField.forceActiveFocus()
            tryVerify(() => flickable.contentY > 0)
            const top = farField.mapToItem(scroller, 0, 0).y
            verify(top >= 0 && top + farField.height <= scroller.height, "field at " + top)
            compare(keeper.keyboardHeight, 0) // no on-screen keyboard here
        }
    }
}
