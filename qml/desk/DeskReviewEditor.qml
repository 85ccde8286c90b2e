pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// Stage 1 for one priority: is it progressing well (red, amber or green), what the desk-top
// evidence showed under each of the methodology's criteria, and the lines of enquiry for the
// week. Saving publishes it to the tablets in the signed set-up.
Frame {
    id: editor
    required property DeskController desk
    required property string priorityId
    property var review: ({})
    property bool editing: false
    property var draft: ({}) // criterion id -> what is typed

    function reload() {
        review = priorityId !== "" ? desk.deskReviewOf(priorityId) : ({})
        const typed = {}
        for (const criterion of review.criteria ?? [])
            typed[criterion.id] = criterion.text
        draft = typed
        editing = false
    }
    onPriorityIdChanged: reload()
    Component.onCompleted: reload()

    readonly property string rag: review.rag ?? ""
    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Desk-top review")
                font.bold: true
                font.pixelSize: 20
            }
            Rectangle {
                visible: editor.rag !== ""
                width: 18; height: 18; radius: 9
                color: editor.rag === "red" ? "#c62828" : editor.rag === "amber" ? "#ef8f00" : "#2e7d32"
            }
            Label {
                // The word says it too: colour alone is not enough.
                text: editor.rag === "red" ? qsTr("Red: issues are affecting progress")
                      : editor.rag === "amber" ? qsTr("Amber: some concerns about progress")
                      : editor.rag === "green" ? qsTr("Green: progressing well") : qsTr("Not rated yet")
                elide: Label.ElideRight
                Layout.fillWidth: true
                Layout.preferredWidth: 0
            }
            Button {
                text: editor.editing ? qsTr("Cancel") : qsTr("Edit")
                flat: true
                implicitHeight: 48
                Accessible.name: editor.editing ? qsTr("Cancel editing the desk-top review") : qsTr("Edit the desk-top review")
                onClicked: editor.editing ? editor.reload() : editor.editing = true
            }
        }
        Label {
            visible: !editor.editing && (editor.review.lines ?? "") !== ""
            text: qsTr("Lines of enquiry: %1").arg((editor.review.lines ?? "").split("\n").join("; "))
            wrapMode: Label.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        RowLayout {
            visible: editor.editing
            Layout.fillWidth: true
            ButtonGroup { id: ragChoice }
            RadioButton { id: red; text: qsTr("Red"); checked: editor.rag === "red"; ButtonGroup.group: ragChoice; Accessible.name: qsTr("Red: issues are affecting progress") }
            RadioButton { id: amber; text: qsTr("Amber"); checked: editor.rag === "amber"; ButtonGroup.group: ragChoice; Accessible.name: qsTr("Amber: some concerns about progress") }
            RadioButton { id: green; text: qsTr("Green"); checked: editor.rag === "green"; ButtonGroup.group: ragChoice; Accessible.name: qsTr("Green: progressing well") }
        }
        Repeater {
            model: editor.editing ? editor.review.criteria : []
            delegate: ColumnLayout {
                id: criterion
                required property var modelData
                Layout.fillWidth: true
                spacing: 2
                Label { text: criterion.modelData.label; font.bold: true; wrapMode: Label.Wrap; Layout.fillWidth: true }
                TextArea {
                    text: criterion.modelData.text
                    onTextChanged: editor.draft[criterion.modelData.id] = text
                    wrapMode: TextArea.Wrap
                    Layout.fillWidth: true
                    Accessible.name: criterion.modelData.label
                }
            }
        }
        Label { visible: editor.editing; text: qsTr("Lines of enquiry, one a line"); font.bold: true }
        TextArea {
            id: lines
            visible: editor.editing
            text: editor.review.lines ?? ""
            wrapMode: TextArea.Wrap
            Layout.fillWidth: true
            Accessible.name: qsTr("Lines of enquiry")
        }
        FieldButton {
            visible: editor.editing
            text: qsTr("Save and send to the tablets")
            highlighted: true
            enabled: red.checked || amber.checked || green.checked
            implicitHeight: 48
            Accessible.name: text
            onClicked: {
                if (editor.desk.saveDeskReview(editor.priorityId, red.checked ? "red" : amber.checked ? "amber" : "green", editor.draft, lines.text))
                    editor.reload()
            }
        }
    }
}
