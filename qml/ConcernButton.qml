import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// The safeguarding action, reachable from every screen: white on a deep red in either theme
// (the dark theme's red accent is too pale for white text).
FieldButton {
    id: button
    required property VaultSession session
    property string engagementId

    text: qsTr("⚠ Concern")
    Material.background: Material.color(Material.Red, Material.Shade700)
    Material.foreground: "white"
    implicitHeight: 48
    Accessible.name: qsTr("Record a safeguarding concern")
    onClicked: dialog.open()

    ConcernController { id: concerns; session: button.session }

    Dialog {
        id: dialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 640)
        modal: true
        title: qsTr("Safeguarding concern")
        property bool done: false
        onOpened: { done = false; concernText.clear(); concernText.forceActiveFocus() } // type at once
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                font.bold: true
                text: concerns.guidance
            }
            TextArea {
                id: concernText
                objectName: "concernText"
                visible: !dialog.done
                Layout.fillWidth: true
                Layout.preferredHeight: 140
                wrapMode: TextArea.Wrap
                placeholderText: qsTr("What worried you: facts, roles, no names")
                Accessible.name: qsTr("The concern")
            }
            NameCheck {
                objectName: "concernNameCheck"
                visible: !dialog.done && names.length > 0
                session: button.session
                text: concernText.text
                child: button.session.role === "young-inspector"
                Layout.fillWidth: true
            }
            Label {
                visible: dialog.done
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: qsTr("Recorded and signed %1. Now tell the team leader.").arg(concerns.lastSignedAt)
            }
            RowLayout {
                Layout.fillWidth: true
                Button { objectName: "closeConcern"; text: dialog.done ? qsTr("Close") : qsTr("Cancel"); flat: true; implicitHeight: 48; Accessible.name: text; onClicked: dialog.close() }
                Item { Layout.fillWidth: true }
                FieldButton {
                    visible: !dialog.done
                    text: qsTr("Record and sign now")
                    objectName: "recordConcern"
                    highlighted: true
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: dialog.done = concerns.record(concernText.text, button.engagementId)
                }
            }
        }
    }
}
