import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// Changing who uses this tablet is deliberate: the new role, then the passphrase. A tablet the
// team leader has enrolled keeps the role the leader gave it, and says so.
Dialog {
    id: dialog
    required property VaultSession session

    function openForChange() {
        chooser.role = session.role
        passphrase.clear()
        open()
    }

    title: qsTr("Change who uses this tablet")
    modal: true
    onClosed: passphrase.clear()
    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        Label {
            visible: dialog.session.roleFixedReason !== ""
            text: dialog.session.roleFixedReason
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.session.roleFixedReason === ""
            text: qsTr("This tablet is used by %1. A Young Inspector's tablet shows only their visits and form, and not the notes of the review.")
                  .arg(dialog.session.roleLabel(dialog.session.role))
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        RoleChooser { id: chooser; visible: dialog.session.roleFixedReason === ""; Layout.fillWidth: true }
        PassphraseField {
            id: passphrase
            visible: dialog.session.roleFixedReason === ""
            placeholderText: qsTr("The passphrase, to change the role")
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); flat: true; Accessible.name: qsTr("Cancel the role change"); onClicked: dialog.close() }
            FieldButton {
                visible: dialog.session.roleFixedReason === ""
                text: qsTr("Change")
                objectName: "changeRole"
                highlighted: true
                enabled: chooser.role !== dialog.session.role && passphrase.text.length > 0
                Accessible.name: qsTr("Change the role")
                onClicked: if (dialog.session.changeRole(chooser.role, passphrase.text)) dialog.close()
            }
        }
    }
}
