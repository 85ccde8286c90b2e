import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Fieldnotes

// WCAG 2.1 AA: text at least 4.5:1 against what it is drawn on, in both themes. The colours are
// read from the real components, not restated here.
Item {
    id: root
    width: 900
    height: 1200

    Component {
        id: themed
        Pane {
            id: pane
            property int theme: Material.Light
            Material.theme: theme
            // As Main.qml sets it for the whole app.
            Material.accent: theme === Material.Dark ? Material.Teal : Material.color(Material.Teal, Material.Shade700)
            width: 900
            height: 1200
            property alias concern: concern
            property alias unlock: unlock
            property alias plain: plain
            property alias nameCheck: nameCheck
            property alias bar: bar
            property alias countdown: countdown
            Column {
                ConcernButton { id: concern; session: testSession }
                FieldButton { id: unlock; text: "Unlock"; highlighted: true }
                FieldButton { id: plain; text: "Done" }
                NameCheck { id: nameCheck; session: testSession; text: "Kevin said so"; width: 600 }
                CountdownController { id: countdown; agreedMinutes: 60 }
                CountdownBar { id: bar; countdown: countdown; width: 900 }
            }
        }
    }

    function luminance(c) {
        const channel = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    // A translucent colour as it shows over an opaque one.
    function over(top, bottom) {
        return Qt.rgba(top.r * top.a + bottom.r * (1 - top.a), top.g * top.a + bottom.g * (1 - top.a),
                       top.b * top.a + bottom.b * (1 - top.a), 1)
    }
    function contrast(text, background) {
        const a = luminance(over(text, background))
        const b = luminance(background)
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
    }

    TestCase {
        name: "Contrast"
        when: windowShown

        function checkPair(what, text, background) {
            const ratio = contrast(text, background)
            verify(ratio >= 4.5, `${what}: ${text} on ${background} is ${ratio.toFixed(2)}:1, under 4.5:1`)
        }

        function test_textIsReadableInBothThemes_data() {
            return [{ tag: "light", theme: Material.Light }, { tag: "dark", theme: Material.Dark }]
        }

        function test_textIsReadableInBothThemes(data) {
            const page = createTemporaryObject(themed, root, { theme: data.theme })
            verify(page)
            const window = page.Material.backgroundColor
            checkPair("the concern button", page.concern.contentItem.color, page.concern.background.color)
            checkPair("a highlighted button (Unlock)", page.unlock.contentItem.color, over(page.unlock.background.color, window))
            checkPair("a button", page.plain.contentItem.color, over(page.plain.background.color, window))
            checkPair("the name warning", findChild(page.nameCheck, "nameWarning").color, window)
            const clockText = () => page.bar.textColor
            checkPair("the clock before it starts", clockText(), page.bar.Material.background)
            page.countdown.start()
            checkPair("the clock running", clockText(), page.bar.Material.background)
            page.countdown.agreedMinutes = 5
            compare(page.countdown.phase, CountdownController.Warning)
            checkPair("the clock's five-minute warning", clockText(), page.bar.Material.background)
            page.countdown.agreedMinutes = 0
            compare(page.countdown.phase, CountdownController.Overrun)
            checkPair("the clock overrun", clockText(), page.bar.Material.background)
            page.countdown.finish()
            checkPair("the clock finished", clockText(), page.bar.Material.background)
        }
    }
}
