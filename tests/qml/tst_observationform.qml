import QtQuick
import QtTest
import Fieldnotes

Item {
    width: 900
    height: 1000


    ObservationController { id: observation; session: testSession; engagementId: testEngagementIds[2] }
    ObservationForm { id: form; observation: observation; width: 900 }
    SignalSpy { id: finishRequested; target: form; signalName: "finishRequested" }

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
            const hint = findChild(form, "sawHint")
            // Finishing too early says what to do, next to the question, until it is done.
            mouseClick(finished)
            compare(finishRequested.count, 0)
            verify(hint.visible)
            const saw = findChild(form, "saw")
            saw.forceActiveFocus()
            for (const key of "Kids")
                keyClick(key)
            tryCompare(observation, "saw", "Kids")
            verify(!hint.visible)
            tryVerify(() => observation.saved)
            const chosenFace = findChild(form, "chosenFace")
            mouseClick(findChild(form, "smiley-3"))
            compare(observation.rating, 3)
            verify(findChild(form, "smiley-3").checked)
            compare(chosenFace.text, "You chose: Good")
            mouseClick(findChild(form, "smiley-3"))
            compare(observation.rating, 0)
            mouseClick(findChild(form, "smiley-2"))
            compare(observation.rating, 2)
            mouseClick(finished)
            compare(finishRequested.count, 1)
            verify(observation.lockIn())
            // Locked in: the whole form starts afresh, the face too.
            compare(observation.saw, "")
            compare(saw.text, "")
            compare(observation.rating, 0)
            verify(!findChild(form, "smiley-2").checked)
            compare(chosenFace.text, "You have not chosen a face.")
        }

        // An answer set other than by typing (not the field's own keystrokes) reaches its field.
        function test_anAnswerSetElsewhereReachesItsField() {
            observation.better = "More time to talk"
            compare(findChild(form, "better").text, "More time to talk")
            observation.better = ""
            compare(findChild(form, "better").text, "")
        }
    }
}
