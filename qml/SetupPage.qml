import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Page {
    id: page
    required property VaultSession session
    readonly property int strength: session.passphraseStrength(passphrase.text)

    title: qsTr("Set up Fieldnotes")
    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        // Fixed implicit size: the content's width follows the view, not the other way round.
        implicitWidth: 400
        implicitHeight: 400
        ColumnLayout {
            width: Math.min(parent.width - 48, 640)
            x: (parent.width - width) / 2
            spacing: 16
            Item { implicitHeight: 24 }
            Label { text: qsTr("Welcome to Fieldnotes"); font.pixelSize: 32; font.bold: true }
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: qsTr("Your notes stay on this tablet in an encrypted notebook that only your passphrase unlocks. "
                           + "Nothing is stored in the clear. Signed notes cannot be changed, only corrected by a new note. "
                           + "If you forget the passphrase, the notes cannot be recovered.")
            }
            PassphraseField { id: passphrase; placeholderText: qsTr("Choose a passphrase"); Layout.fillWidth: true }
            ProgressBar {
                Layout.fillWidth: true
                from: 0; to: 4; value: page.strength
                Accessible.name: qsTr("Passphrase strength")
            }
            Label {
                text: [qsTr("Too short: at least 8 characters"), qsTr("Weak: longer is better"), qsTr("Fair"), qsTr("Good"), qsTr("Strong")][page.strength]
            }
            PassphraseField { id: confirmation; placeholderText: qsTr("Type it again"); Layout.fillWidth: true }
            Label { text: qsTr("I am…"); font.bold: true }
            RoleChooser { id: roleChooser; Layout.fillWidth: true }
            FieldButton {
                text: qsTr("Create my encrypted notebook")
                highlighted: true
                enabled: page.strength > 0 && confirmation.text.length > 0
                Layout.fillWidth: true
                implicitHeight: 56
                Accessible.name: text
                onClicked: {
                    if (page.session.createVault(passphrase.text, confirmation.text, roleChooser.role)) {
                        passphrase.clear()
                        confirmation.clear()
                    }
                }
            }
        }
    }
}
