pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// Young Inspector mode: big buttons, plain words, the same encryption and signing.
Page {
    id: page
    required property VaultSession session
    property string engagementId: ""
    title: qsTr("Young Inspector")

    EngagementListModel { id: programme; session: page.session }
    ObservationController {
        id: observation
        session: page.session
        engagementId: page.engagementId
        onSignedObservation: thanks.visible = true
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        implicitWidth: 400
        implicitHeight: 400
        ColumnLayout {
            width: Math.min(scroller.availableWidth - 32, 900)
            x: (scroller.availableWidth - width) / 2
            spacing: 16
            Item { implicitHeight: 8 }
            Label { text: qsTr("Hello, Young Inspector!"); font.pixelSize: 32; font.bold: true }
            Label {
                visible: page.engagementId === ""
                text: qsTr("Which visit are you at?")
                font.pixelSize: 24
            }
            Repeater {
                model: page.engagementId === "" ? programme : null
                delegate: FieldButton {
                    id: visit
                    required property string engagementId
                    required property string title
                    required property string day
                    required property string time
                    text: title + "\n" + day + ", " + time
                    font.pixelSize: 22
                    implicitHeight: 96
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Choose %1").arg(title)
                    onClicked: { page.engagementId = visit.engagementId; thanks.visible = false }
                }
            }
            Label {
                id: thanks
                visible: false
                text: qsTr("Thank you! Your notes are locked in and safe.")
                font.pixelSize: 24
                color: "#00796b"
            }
            ObservationForm {
                visible: page.engagementId !== ""
                observation: observation
                Layout.fillWidth: true
                onSignRequested: signDialog.open()
            }
            FieldButton {
                visible: page.engagementId !== ""
                text: qsTr("Choose another visit")
                flat: true
                implicitHeight: 56
                Accessible.name: text
                onClicked: page.engagementId = ""
            }
        }
    }

    Dialog {
        id: signDialog
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 560)
        modal: true
        title: qsTr("Type your secret passphrase to lock your notes in")
        ColumnLayout {
            anchors.fill: parent
            PassphraseField { id: passphrase; placeholderText: qsTr("Passphrase"); Layout.fillWidth: true; font.pixelSize: 22 }
            FieldButton {
                text: qsTr("Lock it in")
                highlighted: true
                font.pixelSize: 22
                implicitHeight: 64
                Layout.fillWidth: true
                Accessible.name: text
                onClicked: {
                    const ok = observation.sign(passphrase.text)
                    passphrase.clear()
                    if (ok)
                        signDialog.close()
                }
            }
        }
    }
}
