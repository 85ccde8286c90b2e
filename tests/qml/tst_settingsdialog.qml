import QtQuick
import QtQuick.Controls
import QtTest
import Fieldnotes

// Settings on a portrait tablet: every choice of the theme reads whole in its box ("As the
// syster" was seen cut off at 800x1280).
Item {
    width: 800
    height: 1280

    ApplicationWindow {
        id: window
        width: 800
        height: 1280
        visible: true
        SettingsDialog {
            id: settings
            session: testSession
            anchors.centerIn: parent
            width: Math.min(window.width - 32, 640) // as the programme page makes it
        }
    }

    TestCase {
        name: "SettingsDialog"
        when: windowShown

        function test_everyThemeChoiceReadsWhole() {
            settings.open()
            tryVerify(() => settings.opened)
            const combo = findChild(settings.contentItem, "themeChoice")
            verify(combo)
            for (let i = 0; i < combo.count; ++i) {
                combo.currentIndex = i
                const shown = combo.contentItem
                // Room to spare: glyph widths differ a little between displays and font hinting.
                const needed = shown.contentWidth + shown.leftPadding + shown.rightPadding + 8
                verify(needed <= shown.width, `"${combo.displayText}" needs ${needed} px, has ${shown.width}`)
            }
            settings.close()
        }
    }
}
