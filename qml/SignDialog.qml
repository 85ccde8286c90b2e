import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Dialog {
    id: dialog
    required property NoteListModel notes
    property string memberName
    signal signed(int count)

    title: qsTr("Sign %1 notes").arg(notes.draftCount)
    modal: true
    ColumnLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: qsTr("Once signed, notes are dated and cannot be changed; a mistake is corrected by a new note.")
        }
        Label {
            visible: dialog.notes.flaggedDraftCount > 0
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            color: "#b35c00"
            text: qsTr("%1 notes may name a person. Go back and refer to roles instead, or sign if they do not.").arg(dialog.notes.flaggedDraftCount)
        }
        PassphraseField { id: passphrase; placeholderText: qsTr("Your passphrase, to sign"); Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Button { text: qsTr("Cancel"); flat: true; implicitHeight: 48; Accessible.name: text; onClicked: { passphrase.clear(); dialog.close() } }
            Item { Layout.fillWidth: true }
            FieldButton {
                text: qsTr("Sign")
                highlighted: true
                implicitHeight: 48
                Accessible.name: qsTr("Sign the notes")
                onClicked: {
                    const count = dialog.notes.signDrafts(passphrase.text)
                    passphrase.clear()
                    if (count > 0) {
                        dialog.signed(count)
                        dialog.close()
                    }
                }
            }
        }
    }
}
