pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Page {
    id: page
    background: PageBackground { page: page }
    required property VaultSession session
    required property SyncController sync
    signal openEngagement(string engagementId)
    signal openLeaderDesk()

    title: session.reviewTitle
    // Back on the programme: nothing to reopen after a lock.
    StackView.onActivated: session.openEngagementId = ""
    EngagementListModel { id: programme; session: page.session }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        // The heading whole, and the actions beside it where there is room, under it where not.
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Label {
                id: heading
                text: qsTr("The week's programme")
                font.pixelSize: 26
                font.bold: true
                width: Math.min(implicitWidth, parent.width)
                height: 48
                verticalAlignment: Text.AlignVCenter
                wrapMode: Label.Wrap
            }
            // Pushes the actions to the right edge when they fit on the heading's line.
            Item {
                readonly property real room: parent.width - heading.width - actions.width - 2 * parent.spacing
                width: Math.max(0, room)
                height: 1
                visible: room > 0
            }
            Row {
                id: actions
                spacing: 4
            Button {
                text: qsTr("Team leader")
                visible: (page.session.role === "team-leader" || page.session.role === "deputy-leader") && page.session.reviewId !== ""
                flat: true
                implicitHeight: 48
                Accessible.name: qsTr("Open the team leader's desk")
                onClicked: page.openLeaderDesk()
            }
            Button {
                text: qsTr("Settings")
                flat: true
                implicitHeight: 48
                Accessible.name: text
                onClicked: settings.open()
            }
            Button {
                text: page.session.reviewId === "" ? qsTr("New review") : qsTr("Add priority")
                flat: true
                implicitHeight: 48
                Accessible.name: text
                onClicked: reviewDialog.open()
            }
            Button {
                text: qsTr("Add engagement")
                visible: page.session.reviewId !== ""
                implicitHeight: 48
                Accessible.name: text
                onClicked: editor.openFor("")
            }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("This tablet is used by %1.").arg(page.session.roleLabel(page.session.role))
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Change role")
                flat: true
                implicitHeight: 48
                Accessible.name: qsTr("Change who uses this tablet")
                onClicked: roleDialog.openForChange()
            }
        }
        Label {
            visible: page.session.reviewId === ""
            text: qsTr("No review yet.")
        }
        Button {
            visible: page.session.reviewId === ""
            text: qsTr("Open the demo review")
            Accessible.name: text
            onClicked: page.session.addDemoReview()
        }
        SyncPanel {
            // The team leader's own notes are already in the review's vault; the leader's page
            // connects the review to its archive.
            visible: page.session.role !== "team-leader"
            sync: page.sync
            Layout.fillWidth: true
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: programme
            spacing: 6
            section.property: "day"

            delegate: EngagementDelegate {
                id: slot
                width: ListView.view.width
                onOpened: page.openEngagement(slot.engagementId)
                onEditRequested: editor.openFor(slot.engagementId)
            }
        }
    }

    ReviewDialog {
        id: reviewDialog
        session: page.session
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 720)
        height: Math.min(page.height - 32, 720)
    }
    SettingsDialog {
        id: settings
        session: page.session
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
    }

    RoleDialog {
        id: roleDialog
        session: page.session
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
    }

    EngagementEditDialog {
        id: editor
        programme: programme
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 720)
        height: Math.min(page.height - 32, 760)
    }
}
