import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Dialog {
    id: dialog
    required property VaultSession session
    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Close
    onOpened: watched.text = [...session.watchedNames].join("\n")
    onClosed: session.watchedNames = watched.text.split("\n")

    GridLayout {
        anchors.fill: parent
        columns: 2
        Label { text: qsTr("My name as a team member") }
        TextField {
            text: dialog.session.memberName
            Layout.fillWidth: true
            Accessible.name: qsTr("My name as a team member")
            onEditingFinished: dialog.session.memberName = text
        }
        Label { text: qsTr("How to reach the team leader") }
        TextField {
            text: dialog.session.leaderContact
            placeholderText: qsTr("e.g. a phone number")
            Layout.fillWidth: true
            Accessible.name: qsTr("How to reach the team leader")
            onEditingFinished: dialog.session.leaderContact = text
        }
        Label { text: qsTr("Lock after (minutes idle)") }
        SpinBox {
            from: 1
            to: 60
            value: dialog.session.idleMinutes
            Accessible.name: qsTr("Minutes before locking")
            onValueModified: dialog.session.idleMinutes = value
        }
        Label { text: qsTr("Theme") }
        ComboBox {
            model: [{ value: "system", label: qsTr("As the system") }, { value: "light", label: qsTr("Light") }, { value: "dark", label: qsTr("Dark") }]
            objectName: "themeChoice"
            textRole: "label"
            valueRole: "value"
            Layout.fillWidth: true
            currentIndex: Math.max(0, indexOfValue(dialog.session.theme))
            Accessible.name: qsTr("Theme")
            onActivated: dialog.session.theme = currentValue
        }
        Label { text: qsTr("Names to watch for in notes, one per line"); Layout.columnSpan: 2 }
        TextArea {
            id: watched
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Layout.preferredHeight: 120
            Accessible.name: qsTr("Names to watch for")
        }
    }
}
