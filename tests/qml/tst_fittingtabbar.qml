import QtQuick
import QtQuick.Controls
import QtTest
import Fieldnotes

// The leader's desk tabs: no name cut at either tablet width, equal tabs where they fit.
Item {
    id: root
    width: 1280
    height: 200

    FittingTabBar {
        id: bar
        width: root.width
        font.pixelSize: 18 // the app window's
        FittingTabButton { text: "Collect" }
        FittingTabButton { id: evidence; text: "Evidence" }
        FittingTabButton { text: "Findings" }
        FittingTabButton { text: "Triangulation" }
        FittingTabButton { text: "Report" }
    }

    TestCase {
        name: "FittingTabBar"
        when: windowShown

        function init() { evidence.text = "Evidence" }

        function tabs() {
            const found = []
            for (let i = 0; i < bar.count; ++i)
                found.push(bar.itemAt(i))
            return found
        }
        function verifyNoNameCut() {
            let right = 0
            for (const tab of tabs()) {
                verify(tab.width >= tab.implicitWidth - 0.5,
                       `"${tab.text}" is ${tab.width} wide, its name needs ${tab.implicitWidth}`)
                right += tab.width
            }
            verify(right <= bar.width + 0.5, `the tabs take ${right} of ${bar.width}`)
            fuzzyCompare(right, bar.width, 0.5) // and leave no gap at the end
        }

        function test_landscapeTabsAreEqual() {
            root.width = 1280
            waitForRendering(bar)
            verify(bar.namesFitEqualTabs)
            for (const tab of tabs())
                fuzzyCompare(tab.width, 1280 / 5, 0.5)
            verifyNoNameCut()
        }

        function test_portraitTabsKeepTheirNames() {
            root.width = 800
            waitForRendering(bar)
            verify(!bar.namesFitEqualTabs, "at 800 px \"Triangulation\" needs more than a fifth")
            verifyNoNameCut()
            const triangulation = bar.itemAt(3)
            verify(triangulation.width > bar.itemAt(0).width)
        }

        function test_anyWidthTooNarrowForEqualTabs() {
            root.width = Math.ceil(bar.widestName * bar.count) - 20
            waitForRendering(bar)
            verify(!bar.namesFitEqualTabs)
            verifyNoNameCut()
        }

        function test_aLongerNameTakesItsRoom() {
            root.width = 800
            evidence.text = "Evidence ⚠ 12"
            waitForRendering(bar)
            verifyNoNameCut()
        }
    }
}
