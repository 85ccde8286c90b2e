import QtQuick
import QtTest
import Fieldnotes

Item {
    width: 900
    height: 1000


    ObservationController { id: observation; session: testSession; engagementId: testEngagementIds[2] }
    ObservationForm { id: form; observation: observation; width: 900 }
    SignalSpy { id: signRequested; target: form; signalName: "signRequested" }

    TestCase {
        name: "ObservationForm"
        when: windowShown

        // A Young Inspector is told, in a child's words, when a word may be someone's name.
        function test_aNameIsPointedOutInAChildsWords() {
            const check = findChild(form, "observationNameCheck")
            verify(check)
            verify(!check.visible)
            const good = findChild(form, "good")
            good.forceActiveFocus()
            for (const key of "Ellie from year 8 helped")
                keyClick(key)
            tryVerify(() => check.visible)
            const warning = findChild(check, "nameWarning").text
            verify(warning.indexOf("Ellie") >= 0, warning)
            verify(warning.indexOf("a pupil") >= 0, warning)
            good.selectAll()
            keyClick(Qt.Key_Delete)
            tryVerify(() => !check.visible)
        }

        function test_templateAndSmiley() {
            const finished = findChild(form, "finished")
            verify(!finished.enabled)
            const saw = findChild(form, "saw")
            saw.forceActiveFocus()
            for (const key of "Kids")
                keyClick(key)
            tryCompare(observation, "saw", "Kids")
            tryVerify(() => observation.saved)
            verify(finished.enabled)
            mouseClick(findChild(form, "smiley-3"))
            compare(observation.rating, 3)
            mouseClick(findChild(form, "smiley-3"))
            compare(observation.rating, 0)
            mouseClick(finished)
            compare(signRequested.count, 1)
            verify(observation.sign(testPassphrase))
            compare(observation.saw, "")
        }
    }
}
