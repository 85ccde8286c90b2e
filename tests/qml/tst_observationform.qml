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
