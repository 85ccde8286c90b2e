import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// A new review: its title and dates, then its priorities with lines of enquiry and questions.
Dialog {
    id: dialog
    required property VaultSession session
    title: session.reviewId === "" ? qsTr("Create a review") : qsTr("Add a priority to %1").arg(session.reviewTitle)
    modal: true
    standardButtons: Dialog.Close

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        ColumnLayout {
            width: parent.width
            spacing: 8
            GridLayout {
                visible: dialog.session.reviewId === ""
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Title") }
                TextField { id: reviewTitle; objectName: "reviewTitle"; Layout.fillWidth: true; Accessible.name: qsTr("Review title") }
                Label { text: qsTr("First day") }
                TextField { id: firstDay; placeholderText: "2010-04-19"; Layout.fillWidth: true; Accessible.name: qsTr("First day of the review") }
                Label { text: qsTr("Last day") }
                TextField { id: lastDay; placeholderText: "2010-04-23"; Layout.fillWidth: true; Accessible.name: qsTr("Last day of the review") }
                FieldButton {
                    text: qsTr("Create the review")
                    highlighted: true
                    Layout.columnSpan: 2
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: dialog.session.createReview(reviewTitle.text, Date.fromLocaleDateString(Qt.locale(), firstDay.text, "yyyy-MM-dd"),
                                                           Date.fromLocaleDateString(Qt.locale(), lastDay.text, "yyyy-MM-dd"))
                }
            }
            ColumnLayout {
                visible: dialog.session.reviewId !== ""
                Layout.fillWidth: true
                Label { text: qsTr("Priority"); font.bold: true }
                TextField { id: priorityTitle; Layout.fillWidth: true; Accessible.name: qsTr("Priority title") }
                Label { text: qsTr("Lines of enquiry, one per line") }
                TextArea { id: lines; Layout.fillWidth: true; Layout.preferredHeight: 80; wrapMode: TextArea.Wrap; Accessible.name: qsTr("Lines of enquiry") }
                Label { text: qsTr("Suggested questions, one per line") }
                TextArea { id: questions; Layout.fillWidth: true; Layout.preferredHeight: 80; wrapMode: TextArea.Wrap; Accessible.name: qsTr("Suggested questions") }
                Button {
                    text: qsTr("Add this priority")
                    enabled: priorityTitle.text.trim().length > 0
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: {
                        if (dialog.session.addPriority(priorityTitle.text, lines.text, questions.text)) {
                            priorityTitle.clear()
                            lines.clear()
                            questions.clear()
                        }
                    }
                }
            }
        }
    }
}
