import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// What the team leader did about a safeguarding concern, signed with the review's key.
Dialog {
    id: dialog
    required property DeskController desk
    property string noteHash: ""
    signal recorded()

    title: qsTr("Record what was done about this concern")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 32 : 600, 640)
    standardButtons: Dialog.Cancel
    onOpened: { raisedWith.clear(); decision.clear(); raisedWith.forceActiveFocus() }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 8
        Label {
            text: qsTr("It is signed as seen now, by you, with the review's key. It cannot be changed later; a new record can follow it.")
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: raisedWith
            placeholderText: qsTr("Raised with (e.g. the school's designated safeguarding lead)")
            Layout.fillWidth: true
            implicitHeight: 48
            Accessible.name: qsTr("Raised with")
        }
        TextArea {
            id: decision
            placeholderText: qsTr("What was decided")
            wrapMode: TextArea.Wrap
            Layout.fillWidth: true
            Layout.preferredHeight: 120
            Accessible.name: qsTr("Decision")
        }
        FieldButton {
            text: qsTr("Sign the follow-up")
            highlighted: true
            implicitHeight: 48
            Accessible.name: text
            onClicked: {
                if (dialog.desk.recordFollowUp(dialog.noteHash, raisedWith.text, decision.text)) {
                    dialog.recorded()
                    dialog.close()
                }
            }
        }
    }
}
