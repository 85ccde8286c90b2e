import QtQuick
import QtTest
import Fieldnotes

Item {
    width: 800
    height: 200


    CountdownController { id: countdown; agreedMinutes: 1 }
    CountdownBar { id: bar; countdown: countdown; width: 800 }
    SignalSpy { id: followUp; target: bar; signalName: "followUpRequested" }

    TestCase {
        name: "CountdownBar"
        when: windowShown

        function init() { countdown.reset(); countdown.agreedMinutes = 1 }

        function test_states() {
            compare(countdown.phase, CountdownController.NotStarted)
            verify(!bar.warning && !bar.overrun)
            countdown.start()
            // One agreed minute is already inside the five-minute warning.
            compare(countdown.phase, CountdownController.Warning)
            verify(bar.warning)
            countdown.agreedMinutes = 0
            compare(countdown.phase, CountdownController.Overrun)
            verify(bar.overrun)
            tryVerify(() => countdown.displayText.startsWith("+"))
        }

        function test_followUpButtonAppearsWhenTimeIsShort() {
            countdown.reset()
            countdown.agreedMinutes = 0
            countdown.start()
            const found = findChild(bar, "followUp")
            tryVerify(() => found.visible)
            verify(found)
            mouseClick(found)
            compare(followUp.count, 1)
        }
    }
}
