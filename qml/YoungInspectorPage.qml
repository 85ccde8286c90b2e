pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// Young Inspector mode: only the visits, focus groups and observations a Young Inspector goes to, big buttons,
// plain words, and the same encryption and signing: an observation is locked in with the key
// unlocked for this session, after the child says they are finished (no passphrase to type).
Page {
    id: page
    background: PageBackground { page: page }
    required property VaultSession session
    property string engagementId: ""
    property string visitTitle: ""
    readonly property bool wide: width > height
    title: qsTr("Young Inspector")

    EngagementListModel { id: visits; session: page.session; youngInspectorVisits: true }
    ObservationController {
        id: observation
        session: page.session
        engagementId: page.engagementId
        onSignedObservation: { thanks.visible = true; form.reset() }
    }
    NoteListModel { id: earlier; session: page.session; engagementId: page.engagementId; signedObservationsOnly: true }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        implicitWidth: 400
        implicitHeight: 400
        ColumnLayout {
            width: Math.min(scroller.availableWidth - 32, 1200)
            x: (scroller.availableWidth - width) / 2
            spacing: 12
            Item { implicitHeight: 4 }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: page.engagementId === "" ? qsTr("Hello, Young Inspector!") : qsTr("Young Inspector")
                    font.pixelSize: page.engagementId === "" ? 32 : 24
                    font.bold: true
                    Layout.fillWidth: true
                }
                Button {
                    // For the adult with the child: changing who uses the tablet needs the passphrase.
                    text: qsTr("Not a Young Inspector?")
                    flat: true
                    font.capitalization: Font.MixedCase
                    Accessible.name: qsTr("Change who uses this tablet")
                    onClicked: roleDialog.openForChange()
                }
            }
            Label {
                visible: page.engagementId === ""
                text: qsTr("Which visit are you at?")
                font.pixelSize: 24
            }
            Label {
                visible: page.engagementId === "" && visitButtons.count === 0
                text: qsTr("There are no visits for Young Inspectors yet. Ask the adult with you.")
                font.pixelSize: 22
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                id: visitButtons
                model: page.engagementId === "" ? visits : null
                delegate: FieldButton {
                    id: visit
                    required property string engagementId
                    required property string title
                    required property string kindLabel
                    required property string day
                    required property string time
                    text: title + "\n" + kindLabel + " · " + day + ", " + time
                    font.pixelSize: 22
                    font.capitalization: Font.MixedCase // plain words, not shouting capitals
                    implicitHeight: 96
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Choose %1").arg(title)
                    onClicked: {
                        page.engagementId = visit.engagementId
                        page.visitTitle = visit.title
                        thanks.visible = false
                    }
                }
            }
            Label {
                id: thanks
                objectName: "thanks"
                visible: false
                text: qsTr("Thank you! Your notes are locked in and safe.")
                font.pixelSize: 24
                color: Material.color(Material.Teal, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800)
            }
            ObservationForm {
                id: form
                visible: page.engagementId !== ""
                observation: observation
                visitTitle: page.visitTitle
                wide: page.wide
                Layout.fillWidth: true
                onFinishRequested: lockInDialog.open()
            }
            FieldButton {
                visible: page.engagementId !== ""
                text: qsTr("Choose another visit")
                flat: true
                font.capitalization: Font.MixedCase
                implicitHeight: 56
                Accessible.name: text
                onClicked: { page.engagementId = ""; form.reset() }
            }
            Label {
                visible: page.engagementId !== "" && earlierList.count > 0
                text: qsTr("What you wrote before")
                font.pixelSize: 22
                font.bold: true
            }
            Repeater {
                id: earlierList
                model: page.engagementId !== "" ? earlier : null
                delegate: Frame {
                    id: earlierNote
                    required property string kind
                    required property string noteState
                    required property string text
                    required property string signedAt
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        Label { text: qsTr("Locked in %1").arg(earlierNote.signedAt); opacity: 0.75; font.pixelSize: 18 }
                        Label { text: earlierNote.text; wrapMode: Label.Wrap; font.pixelSize: 20; Layout.fillWidth: true }
                    }
                }
            }
            Item { implicitHeight: 16 }
        }
    }

    Dialog {
        id: lockInDialog
        objectName: "lockInDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 560)
        modal: true
        title: qsTr("Are you finished?")
        ColumnLayout {
            anchors.fill: parent
            spacing: 12
            Label {
                text: qsTr("When you lock it in, your notes are saved safely and can't be changed any more.")
                font.pixelSize: 22
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                FieldButton {
                    text: qsTr("Not yet")
                    flat: true
                    font.pixelSize: 22
                    font.capitalization: Font.MixedCase
                    implicitHeight: 64
                    Accessible.name: text
                    onClicked: lockInDialog.close()
                }
                Item { Layout.fillWidth: true }
                FieldButton {
                    text: qsTr("Yes, lock it in")
                    objectName: "lockIn"
                    highlighted: true
                    font.pixelSize: 22
                    font.capitalization: Font.MixedCase
                    implicitHeight: 64
                    Accessible.name: text
                    onClicked: if (observation.lockIn()) lockInDialog.close()
                }
            }
        }
    }

    RoleDialog {
        id: roleDialog
        session: page.session
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
    }
}
