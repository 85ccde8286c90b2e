import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Page {
    id: page
    background: PageBackground { page: page }
    required property VaultSession session

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 480)
        spacing: 16
        Label { text: qsTr("Fieldnotes is locked"); font.pixelSize: 28; font.bold: true }
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: qsTr("Enter your passphrase. Anything you were typing is kept, encrypted, and comes back.")
        }
        PassphraseField {
            id: passphrase
            placeholderText: qsTr("Passphrase")
            Layout.fillWidth: true
            onAccepted: unlockButton.clicked()
            Component.onCompleted: forceActiveFocus()
        }
        FieldButton {
            id: unlockButton
            text: qsTr("Unlock")
            highlighted: true
            enabled: page.session.unlockWaitSeconds === 0
            Layout.fillWidth: true
            implicitHeight: 56
            Accessible.name: text
            onClicked: {
                page.session.unlock(passphrase.text)
                passphrase.clear()
            }
        }
        Label {
            visible: page.session.unlockWaitSeconds > 0
            objectName: "unlockWait"
            text: qsTr("Wait %n second(s) before trying again.", "", page.session.unlockWaitSeconds)
        }
    }
}
