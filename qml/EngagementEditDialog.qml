import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

Dialog {
    id: dialog
    required property EngagementListModel programme
    property string engagementId: ""
    property bool deletable: false

    function openFor(id) {
        engagementId = id
        const fields = programme.get(id)
        const isNew = fields.title === undefined
        titleField.text = isNew ? "" : fields.title
        kindBox.currentIndex = Math.max(0, kindBox.indexOfValue(isNew ? "interview" : fields.kind))
        priorityBox.currentIndex = Math.max(0, priorityBox.indexOfValue(isNew ? "" : fields.priorityId))
        startChooser.show(isNew ? new Date() : fields.start)
        problem.text = ""
        deletable = !isNew && fields.draftCount === 0 && fields.signedCount === 0
        minutesBox.value = isNew ? 45 : fields.minutes
        introducerField.text = isNew ? "" : fields.introducer
        noteTakerField.text = isNew ? "" : fields.noteTaker
        participantsField.text = isNew ? "" : fields.participants
        open()
    }

    title: engagementId === "" ? qsTr("Add an engagement") : qsTr("Edit the engagement")
    modal: true
    // Saved only when it is right: what is wrong is said here, and what was typed stays.
    // Deleting asks first, in place of the buttons.
    property bool confirmingDelete: false
    onOpened: confirmingDelete = false
    footer: RowLayout {
        spacing: 8
        Button {
            text: qsTr("Delete")
            visible: dialog.deletable && !dialog.confirmingDelete
            flat: true
            objectName: "deleteEngagement"
            Layout.leftMargin: 16
            Accessible.name: qsTr("Delete this engagement")
            onClicked: dialog.confirmingDelete = true
        }
        Label {
            visible: dialog.confirmingDelete
            text: qsTr("Delete it? It holds no notes; it leaves the programme with its ticked points.")
            wrapMode: Label.Wrap
            Layout.fillWidth: true
            Layout.leftMargin: 16
        }
        Item { visible: !dialog.confirmingDelete; Layout.fillWidth: true }
        Button {
            text: dialog.confirmingDelete ? qsTr("Keep it") : qsTr("Cancel")
            flat: true
            Accessible.name: text
            onClicked: dialog.confirmingDelete ? (dialog.confirmingDelete = false) : dialog.reject()
        }
        FieldButton {
            text: dialog.confirmingDelete ? qsTr("Delete") : qsTr("Save")
            objectName: dialog.confirmingDelete ? "confirmDeleteEngagement" : "saveEngagement"
            highlighted: true
            Layout.rightMargin: 16
            Accessible.name: dialog.confirmingDelete ? qsTr("Delete the engagement") : text
            onClicked: {
                if (!dialog.confirmingDelete)
                    dialog.trySave()
                else if (dialog.programme.remove(dialog.engagementId))
                    dialog.close()
            }
        }
    }
    function trySave() {
        problem.text = programme.problemWith(titleField.text, participantsField.text)
        if (problem.text !== "")
            return
        const id = programme.save(engagementId, kindBox.currentValue, priorityBox.currentIndex >= 0 ? priorityBox.currentValue : "",
                                  startChooser.value, minutesBox.value, titleField.text, introducerField.text, noteTakerField.text,
                                  participantsField.text)
        if (id !== "")
            accept()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
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
            DateTimeChooser { id: startChooser; accessibleName: qsTr("Start"); Layout.fillWidth: true }
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
            Label {
                id: problem
                visible: text !== ""
                Layout.columnSpan: 2
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
    }
}
