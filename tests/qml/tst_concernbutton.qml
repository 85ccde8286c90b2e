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

        // The non-attribution guard runs on concerns too, before anything is signed.
        function test_aNameInAConcernIsPointedOut() {
            mouseClick(button)
            const text = findChild(button, "concernText")
            tryVerify(() => text.visible)
            const check = findChild(button, "concernNameCheck")
            verify(check)
            verify(!check.visible)
            // The dialog is a popup of another window than this test's: the text is set, as typing would.
            text.text = "Jamie, aged 7, is scared"
            tryVerify(() => check.visible)
            verify(findChild(check, "nameWarning").text.indexOf("Jamie") >= 0)
            text.text = "A pupil is scared"
            tryVerify(() => !check.visible)
            mouseClick(findChild(button, "closeConcern"))
        }

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
