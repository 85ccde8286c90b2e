import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
import QtTest
import Fieldnotes

// A real on-screen keyboard (Qt Virtual Keyboard, QT_IM_MODULE=qtvirtualkeyboard) laid out the
// way Main.qml does it: the page ends where the keyboard begins, and the field being typed in
// stays visible above it.
Item {
    id: root
    width: 800
    height: 1280

    ScrollView {
        id: scroller
        anchors.fill: parent
        anchors.bottomMargin: keeper.keyboardHeight
        contentWidth: availableWidth
        Column {
            width: scroller.availableWidth
            Rectangle { width: parent.width; height: 1100; color: "lightgrey" }
            TextArea { id: noteField; width: parent.width; height: 120 }
            Rectangle { width: parent.width; height: 40; color: "lightgrey" }
        }
    }
    FocusKeeper { id: keeper; scope: root }
    InputPanel { id: keyboard; anchors.left: parent.left; anchors.right: parent.right; y: active ? root.height - height : root.height }

    TestCase {
        name: "OnScreenKeyboard"
        when: windowShown

        function test_fieldBeingTypedInStaysAboveTheKeyboard() {
            const before = noteField.mapToItem(root, 0, 0).y
            verify(before + noteField.height <= root.height, "field visible before the keyboard opens")
            noteField.forceActiveFocus()
            tryVerify(() => keyboard.active, 5000, "the on-screen keyboard opened")
            tryVerify(() => keeper.keyboardHeight > 100, 5000, "keyboard height " + keeper.keyboardHeight)
            tryVerify(() => noteField.mapToItem(root, 0, 0).y + noteField.height <= keyboard.y, 5000,
                      "field bottom " + (noteField.mapToItem(root, 0, 0).y + noteField.height) + " keyboard top " + keyboard.y)
            verify(noteField.mapToItem(root, 0, 0).y >= 0)
            noteField.focus = false
            tryVerify(() => keeper.keyboardHeight === 0, 5000, "keyboard closed")
        }
    }
}
