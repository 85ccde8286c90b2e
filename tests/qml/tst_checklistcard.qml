import QtQuick
import QtTest
import Fieldnotes

Item {
    width: 1000
    height: 900

    id: test

    ChecklistController { id: opening; session: testSession; engagementId: testEngagementIds[0] }
    ChecklistCard { id: card; checklist: opening; heading: "Opening"; width: 1000 }

    TestCase {
        name: "ChecklistCard"
        when: windowShown

        function test_gatingNeedsEveryPoint() {
            compare(opening.rowCount(), 6)
            verify(!opening.complete)
            for (let row = 0; row < 5; ++row) {
                const done = findChild(card, "done-" + row)
                verify(done, "no Done button for row " + row)
                mouseClick(done)
            }
            verify(!opening.complete)
            compare(opening.pendingCount, 1)
            mouseClick(findChild(card, "skip-5"))
            const reason = findChild(card, "reason-5")
            verify(reason && reason.visible)
            reason.forceActiveFocus()
            keyClick(Qt.Key_L); keyClick(Qt.Key_A); keyClick(Qt.Key_T); keyClick(Qt.Key_E)
            const skip = findChild(card, "skipWithReason-5")
            verify(skip.enabled)
            mouseClick(skip)
            verify(opening.complete)
            compare(opening.data(opening.index(5, 0), Qt.UserRole + 4), "late")
        }
    }
}
