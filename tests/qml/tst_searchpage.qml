import QtQuick
import QtTest
import Fieldnotes

Item {
    width: 900
    height: 800

    SearchPage { id: page; session: testSession; anchors.fill: parent }

    TestCase {
        name: "SearchPage"
        when: windowShown

        SignalSpy { id: noMatchesShownOrHidden; signalName: "visibleChanged" }

        // While the words are still being typed, "No notes match." stays hidden and holds still:
        // it answers the words last searched, and showing it between keystrokes would move the
        // results list twice a keystroke. It shows once the typing pauses and nothing matches.
        function test_noMatchesHoldsStillWhileTyping() {
            const query = findChild(page, "searchQuery")
            const noMatches = findChild(page, "noMatches")
            query.forceActiveFocus()
            for (const key of "zq")
                keyClick(key)
            tryVerify(() => noMatches.visible, 3000, "nothing matches zq")
            noMatchesShownOrHidden.target = noMatches
            noMatchesShownOrHidden.clear()
            for (const key of "xjvw") {
                keyClick(key)
                wait(40)
                verify(!noMatches.visible)
            }
            compare(noMatchesShownOrHidden.count, 1) // hidden at the first key, and no more
            tryVerify(() => noMatches.visible, 3000)
            compare(findChild(page, "searchResults").query, "zqxjvw")
            compare(noMatchesShownOrHidden.count, 2)
        }
    }
}
