import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Fieldnotes

// A page paints its background only while it slides over another; at rest the window's own
// colour, the same, is all that is drawn behind it.
Item {
    id: root
    width: 600
    height: 400

    Component {
        id: pageComponent
        Page {
            id: page
            property alias backgroundItem: pageBackground
            background: PageBackground { id: pageBackground; page: page }
        }
    }
    StackView {
        id: stack
        anchors.fill: parent
        pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 400 } }
        pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 400 } }
    }
    Loader { id: outside; active: false; sourceComponent: pageComponent }

    TestCase {
        name: "PageBackground"
        when: windowShown

        function test_paintedOnlyWhileSliding() {
            const first = stack.push(pageComponent, {}, StackView.Immediate)
            compare(first.StackView.status, StackView.Active)
            verify(!first.backgroundItem.visible)
            compare(first.backgroundItem.color, first.Material.backgroundColor)

            const second = stack.push(pageComponent)
            verify(stack.busy)
            verify(second.backgroundItem.visible, "the page coming in covers the one going out")
            verify(first.backgroundItem.visible, "so does the one going out, over what is below")
            tryVerify(() => !stack.busy)
            compare(second.StackView.status, StackView.Active)
            verify(!second.backgroundItem.visible)

            stack.pop(StackView.Immediate)
            compare(first.StackView.status, StackView.Active)
            verify(!first.backgroundItem.visible)
        }

        function test_pageOutsideAStackViewAlwaysPaintsIt() {
            outside.active = true
            verify(outside.item.backgroundItem.visible)
            outside.active = false
        }
    }
}
