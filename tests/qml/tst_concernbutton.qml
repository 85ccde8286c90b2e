import QtQuick
import QtQuick.Controls
import QtTest
import Fieldnotes

Item {
    width: 900
    height: 700


    ApplicationWindow {
        id: window
        width: 900
        height: 700
        visible: true
        ConcernButton { id: button; session: testSession }
    }

    TestCase {
        name: "ConcernButton"
        when: windowShown

        function test_recordsAndSignsAtOnce() {
            const before = testSession.revision
            mouseClick(button)
            const text = findChild(button, "concernText")
            verify(text)
            tryVerify(() => text.visible)
            text.forceActiveFocus()
            for (const key of "Worried")
                keyClick(key)
            mouseClick(findChild(button, "recordConcern"))
            tryVerify(() => testSession.revision > before)
            tryVerify(() => !text.visible) // the dialog now shows it was recorded
            verify(findChild(button, "closeConcern").visible)
        }
    }
}
