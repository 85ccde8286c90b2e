import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Fieldnotes

Page {
    id: page
    background: PageBackground { page: page }
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
            Label { visible: !restoreToggle.open; text: qsTr("I am…"); font.bold: true }
            RoleChooser { id: roleChooser; visible: !restoreToggle.open; Layout.fillWidth: true }
            FieldButton {
                visible: !restoreToggle.open
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

            // A new tablet for a team leader whose tablet was lost: the review comes back from its
            // recovery kit (docs/recovery-kit.md), with the passphrase chosen above.
            Button {
                id: restoreToggle
                property bool open: false
                flat: true
                text: open ? qsTr("Not now: make a new notebook") : qsTr("Taking over a lost team leader's tablet? Restore from the recovery kit")
                Layout.fillWidth: true
                implicitHeight: 48
                Accessible.name: qsTr("Restore from a recovery kit")
                onClicked: open = !open
            }
            Label {
                visible: restoreToggle.open
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: qsTr("Open the kit file, or a photo of its printed page, then type the kit's recovery passphrase. "
                           + "This tablet becomes the team leader's: the lost one is shut out, and every note is collected again from the archive.")
            }
            FieldButton {
                visible: restoreToggle.open
                text: qsTr("Open the kit file or a photo of its page")
                Layout.fillWidth: true
                implicitHeight: 48
                Accessible.name: text
                onClicked: kitPicker.open()
            }
            TextArea {
                id: kitText
                visible: restoreToggle.open
                Layout.fillWidth: true
                Layout.maximumHeight: 160
                wrapMode: TextArea.WrapAnywhere
                placeholderText: qsTr("…or paste the kit's text here")
                Accessible.name: qsTr("Recovery kit")
            }
            PassphraseField {
                id: recoveryPassphrase
                visible: restoreToggle.open
                placeholderText: qsTr("The kit's recovery passphrase")
                Layout.fillWidth: true
            }
            FieldButton {
                visible: restoreToggle.open
                text: restoring ? qsTr("Restoring and collecting…") : qsTr("Restore the team leader's notebook")
                property bool restoring: false
                highlighted: true
                enabled: !restoring && kitText.text.trim() !== "" && recoveryPassphrase.text.length > 0 && page.strength > 0
                         && confirmation.text.length > 0
                Layout.fillWidth: true
                implicitHeight: 56
                Accessible.name: qsTr("Restore the team leader's notebook")
                onClicked: {
                    restoring = true
                    if (page.session.restoreFromKit(kitText.text, recoveryPassphrase.text, passphrase.text, confirmation.text)) {
                        passphrase.clear()
                        confirmation.clear()
                        recoveryPassphrase.clear()
                        kitText.clear()
                    }
                    restoring = false
                }
            }
        }
    }
    FileDialog {
        id: kitPicker
        title: qsTr("Choose the recovery kit, or a photo of its page")
        nameFilters: [qsTr("Recovery kits and photos (*.fnkit *.json *.png *.jpg *.jpeg)"), qsTr("All files (*)")]
        onAccepted: {
            const text = page.session.recoveryKitFrom(selectedFile)
            if (text !== "")
                kitText.text = text
        }
    }
}
