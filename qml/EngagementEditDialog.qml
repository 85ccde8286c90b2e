import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Dialog {
    id: dialog
    required property EngagementListModel programme
    property string engagementId: ""

    function openFor(id) {
        engagementId = id
        const fields = programme.get(id)
        const isNew = fields.title === undefined
        titleField.text = isNew ? "" : fields.title
        kindBox.currentIndex = Math.max(0, kindBox.indexOfValue(isNew ? "interview" : fields.kind))
        priorityBox.currentIndex = Math.max(0, priorityBox.indexOfValue(isNew ? "" : fields.priorityId))
        dateField.text = Qt.formatDateTime(isNew ? new Date() : fields.start, "yyyy-MM-dd hh:mm")
        minutesBox.value = isNew ? 45 : fields.minutes
        introducerField.text = isNew ? "" : fields.introducer
        noteTakerField.text = isNew ? "" : fields.noteTaker
        participantsField.text = isNew ? "" : fields.participants
        open()
    }

    title: engagementId === "" ? qsTr("Add an engagement") : qsTr("Edit the engagement")
    modal: true
    standardButtons: Dialog.Save | Dialog.Cancel
    onAccepted: {
        const start = Date.fromLocaleString(Qt.locale(), dateField.text, "yyyy-MM-dd hh:mm")
        programme.save(engagementId, kindBox.currentValue, priorityBox.currentIndex >= 0 ? priorityBox.currentValue : "",
                       start, minutesBox.value, titleField.text, introducerField.text, noteTakerField.text, participantsField.text)
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        GridLayout {
            width: parent.width
            columns: 2
            columnSpacing: 12
            Label { text: qsTr("Title") }
            TextField { id: titleField; Layout.fillWidth: true; Accessible.name: qsTr("Title") }
            Label { text: qsTr("Kind") }
            ComboBox {
                id: kindBox
                model: dialog.programme.kindChoices
                textRole: "label"
                valueRole: "kind"
                Layout.fillWidth: true
                Accessible.name: qsTr("Kind")
            }
            Label { text: qsTr("Priority") }
            ComboBox {
                id: priorityBox
                model: dialog.programme.priorities
                textRole: "title"
                valueRole: "id"
                Layout.fillWidth: true
                Accessible.name: qsTr("Priority")
            }
            Label { text: qsTr("Starts") }
            TextField {
                id: dateField
                placeholderText: "2010-04-19 09:30"
                inputMethodHints: Qt.ImhDate | Qt.ImhTime
                Layout.fillWidth: true
                Accessible.name: qsTr("Start date and time")
            }
            Label { text: qsTr("Agreed minutes") }
            SpinBox { id: minutesBox; from: 5; to: 240; stepSize: 5; editable: true; Accessible.name: qsTr("Agreed minutes") }
            Label { text: qsTr("Introduces") }
            TextField { id: introducerField; placeholderText: qsTr("team member"); Layout.fillWidth: true; Accessible.name: qsTr("Who introduces") }
            Label { text: qsTr("Takes notes") }
            TextField { id: noteTakerField; placeholderText: qsTr("team member"); Layout.fillWidth: true; Accessible.name: qsTr("Who takes notes") }
            Label { text: qsTr("Participants") }
            TextArea {
                id: participantsField
                placeholderText: qsTr("role = number, one per line (no names)")
                Layout.fillWidth: true
                Layout.preferredHeight: 96
                Accessible.name: qsTr("Participants by role and number")
            }
        }
    }
}
