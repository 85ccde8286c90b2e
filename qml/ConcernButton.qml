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
    readonly property bool child: session.role === "young-inspector"

    text: child ? qsTr("⚠ I'm worried") : qsTr("⚠ Concern")
    fillColor: Material.color(Material.Red, Material.Shade700)
    textColor: "white"
    implicitHeight: 48
    Accessible.name: child ? qsTr("I'm worried about something") : qsTr("Record a safeguarding concern")
    onClicked: dialog.open()

    ConcernController { id: concerns; session: button.session }

    Dialog {
        id: dialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 640)
        modal: true
        title: button.child ? qsTr("I'm worried about something") : qsTr("Safeguarding concern")
        property bool done: false
        onOpened: { done = false; concernText.clear(); concernText.forceActiveFocus() } // type at once
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                font.bold: true
                text: button.child ? qsTr("Tell the adult who is with you, now. They will listen and help. "
                                          + "You can also write it here; only the team leader will read it.")
                                   : concerns.guidance
            }
            Label {
                visible: !button.child && button.session.leaderContact !== ""
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: qsTr("The team leader: %1").arg(button.session.leaderContact)
            }
            TextArea {
                id: concernText
                objectName: "concernText"
                visible: !dialog.done
                Layout.fillWidth: true
                Layout.preferredHeight: 140
                wrapMode: TextArea.Wrap
                placeholderText: button.child ? qsTr("What worried you? Say what happened, not who.")
                                              : qsTr("What worried you: facts, roles, no names")
                Accessible.name: qsTr("The concern")
            }
            NameCheck {
                objectName: "concernNameCheck"
                visible: !dialog.done && names.length > 0
                session: button.session
                text: concernText.text
                child: button.child
                Layout.fillWidth: true
            }
            Label {
                visible: dialog.done
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: button.child ? qsTr("Thank you for telling us. Now tell the adult who is with you.")
                                   : qsTr("Recorded and signed %1. Now tell the team leader%2.").arg(concerns.lastSignedAt)
                                         .arg(button.session.leaderContact !== "" ? qsTr(" (%1)").arg(button.session.leaderContact) : "")
            }
            RowLayout {
                Layout.fillWidth: true
                Button { objectName: "closeConcern"; text: dialog.done ? qsTr("Close") : qsTr("Cancel"); flat: true; implicitHeight: 48; Accessible.name: text; onClicked: dialog.close() }
                Item { Layout.fillWidth: true }
                FieldButton {
                    visible: !dialog.done
                    text: button.child ? qsTr("Send it to the team leader") : qsTr("Record and sign now")
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
