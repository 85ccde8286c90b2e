pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// Running an engagement: opening points, then questions and notes against the clock, then the
// closing points and signing.
Page {
    id: page
    required property VaultSession session
    property string engagementId
    property string engagementTitle
    property int agreedMinutes
    readonly property bool wide: width > height

    title: engagementTitle

    CountdownController { id: countdown; agreedMinutes: page.agreedMinutes }
    ChecklistController { id: opening; session: page.session; engagementId: page.engagementId; kind: ChecklistController.Opening }
    ChecklistController { id: questions; session: page.session; engagementId: page.engagementId; kind: ChecklistController.Questions }
    ChecklistController { id: closing; session: page.session; engagementId: page.engagementId; kind: ChecklistController.Closing }
    NoteEditorController { id: editor; session: page.session; engagementId: page.engagementId }
    NoteListModel { id: notes; session: page.session; engagementId: page.engagementId }
    EngagementListModel { id: programme; session: page.session }

    Connections {
        target: opening
        function onProgressChanged() { if (opening.complete) countdown.start() }
    }
    Component.onCompleted: if (opening.complete) countdown.start()

    header: CountdownBar {
        countdown: countdown
        onFollowUpRequested: {
            if (programme.arrangeFollowUp(page.engagementId) !== "")
                followUpNotice.visible = true
        }
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        // Fixed implicit size: the content's width follows the view, not the other way round.
        implicitWidth: 400
        implicitHeight: 400

        GridLayout {
            width: scroller.availableWidth - 32
            x: 16
            columns: page.wide && opening.complete ? 2 : 1
            columnSpacing: 24
            rowSpacing: 16

            Item { implicitHeight: 4; Layout.columnSpan: parent.columns }
            Label {
                id: followUpNotice
                visible: false
                text: qsTr("A follow-up was added to the programme for tomorrow at the same time.")
                Layout.columnSpan: parent.columns
            }
            ChecklistCard {
                visible: !opening.complete
                checklist: opening
                heading: qsTr("Before you start: introduce yourselves, then cover each point")
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
            }
            ColumnLayout {
                visible: opening.complete
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: 16
                NoteEntry { editor: editor; Layout.fillWidth: true }
                Label { text: qsTr("Notes"); font.pixelSize: 22; font.bold: true }
                // A Column, not the layout: delegates re-created on every model reset stay in place.
                Column {
                    Layout.fillWidth: true
                    spacing: 8
                    Repeater {
                        model: notes
                        delegate: NoteDelegate {
                            width: parent.width
                            onAmendRequested: (noteId, correction) => notes.amend(noteId, correction)
                        }
                    }
                }
            }
            ColumnLayout {
                visible: opening.complete
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: 16
                ChecklistCard { checklist: questions; heading: qsTr("Questions to cover"); Layout.fillWidth: true }
                ChecklistCard { checklist: closing; heading: qsTr("Closing"); Layout.fillWidth: true }
                Button {
                    text: qsTr("Review and sign %1 notes").arg(notes.draftCount)
                    enabled: notes.draftCount > 0 && closing.complete && !editor.needsEvidenceAnswer
                    highlighted: true
                    implicitHeight: 56
                    Layout.fillWidth: true
                    Accessible.name: text
                    onClicked: signDialog.open()
                }
                Label {
                    visible: !closing.complete
                    text: qsTr("Finish the closing points to sign.")
                    opacity: 0.75
                }
            }
        }
    }

    SignDialog {
        id: signDialog
        notes: notes
        memberName: page.session.memberName
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
        onSigned: editor.startNew()
    }
}
