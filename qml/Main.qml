pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

ApplicationWindow {
    id: window
    required property VaultSession session

    // On a tablet-sized screen the app fills it (landscape or portrait); on a large desktop it
    // opens a 1280x800 window.
    readonly property bool largeScreen: Screen.desktopAvailableWidth > 1280 || Screen.desktopAvailableHeight > 1280
    width: largeScreen ? 1280 : Screen.desktopAvailableWidth
    height: largeScreen ? 800 : Screen.desktopAvailableHeight
    visible: true
    title: qsTr("Fieldnotes")
    Material.theme: session.theme === "dark" ? Material.Dark : session.theme === "light" ? Material.Light : Material.System
    // Teal 700 in the light theme: white on Teal 500 is under 4.5:1 (tst_contrast). The dark theme
    // lightens its accent itself, and buttons put dark text on it.
    Material.accent: Material.theme === Material.Dark ? Material.Teal : Material.color(Material.Teal, Material.Shade700)
    font.pixelSize: 18

    // Errors reach the user in one place.
    Connections {
        target: window.session
        function onErrorOccurred(message) {
            errorBar.text = message
            errorBar.open()
        }
        function onStateChanged() {
            if (window.session.state === VaultSession.Unlocked)
                errorBar.visible = false // what went wrong on the way in is over
            window.showPageForState()
        }
        // Only a change into or out of Young Inspector mode changes the pages; a reviewer who becomes
        // the leader by connecting the review stays where they are.
        function onRoleChanged() {
            if (window.session.state === VaultSession.Unlocked && (window.session.role === "young-inspector") !== window.showingYoungInspector)
                window.showPageForState()
        }
    }

    property bool showingYoungInspector: false
    function showPageForState() {
        stack.clear()
        showingYoungInspector = session.state === VaultSession.Unlocked && session.role === "young-inspector"
        if (session.state === VaultSession.NoVault)
            stack.push(setupPage)
        else if (session.state === VaultSession.Locked)
            stack.push(unlockPage)
        else if (session.role === "young-inspector")
            stack.push(youngInspectorPage)
        else if (session.openEngagementId !== "") { // where the reviewer was, clock and draft as they were
            const engagementId = session.openEngagementId // the programme, shown first, forgets it
            stack.push(programmePage, {}, StackView.Immediate)
            stack.push(engagementPage, { engagementId: engagementId }, StackView.Immediate)
        } else {
            stack.push(programmePage)
        }
    }
    Component.onCompleted: showPageForState()

    header: ToolBar {
        visible: window.session.state === VaultSession.Unlocked
        layer.enabled: true
        Material.elevation: 0 // its shadow is a layer the width of the window, blended every frame
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            ToolButton {
                text: qsTr("‹ Back")
                visible: stack.depth > 1
                onClicked: stack.pop()
                Accessible.name: qsTr("Back")
            }
            Label {
                text: (stack.currentItem as Page)?.title || window.session.reviewTitle
                elide: Label.ElideRight
                font.bold: true
                Layout.fillWidth: true
                Layout.preferredWidth: 0 // take what is left, and elide
            }
            ToolButton {
                text: qsTr("Search")
                objectName: "searchButton"
                visible: window.session.role !== "young-inspector"
                onClicked: stack.push(searchPage)
                Accessible.name: qsTr("Search notes")
            }
            ConcernButton {
                session: window.session
                engagementId: (stack.currentItem as EngagementPage)?.engagementId ?? ""
            }
            ToolButton {
                text: qsTr("Lock")
                onClicked: window.session.lock()
                Accessible.name: qsTr("Lock the notebook")
            }
        }
    }

    FocusKeeper { id: focusKeeper; scope: stack }
    SyncController { id: syncController; session: window.session }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        anchors.bottomMargin: focusKeeper.keyboardHeight // an on-screen keyboard never covers the page
    }

    Component { id: setupPage; SetupPage { session: window.session } }
    Component { id: unlockPage; UnlockPage { session: window.session } }
    Component {
        id: programmePage
        ProgrammePage {
            session: window.session
            sync: syncController
            onOpenEngagement: engagementId => stack.push(engagementPage, { engagementId: engagementId })
            onOpenLeaderDesk: stack.push(leaderPage)
        }
    }
    Component { id: engagementPage; EngagementPage { session: window.session } }
    Component { id: searchPage; SearchPage { session: window.session } }
    Component { id: leaderPage; LeaderPage { session: window.session } }
    Component { id: youngInspectorPage; YoungInspectorPage { session: window.session } }

    ErrorBar {
        id: errorBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
}
