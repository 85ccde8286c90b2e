pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
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

        // Positioners, not layouts: prompts that appear while typing (names, evidence) and notes
        // added on each keystroke must move everything below them at once.
        Column {
            id: content
            readonly property real columnWidth: page.wide ? (width - 24) / 2 : width
            width: scroller.availableWidth - 32
            x: 16
            spacing: 16
            topPadding: 16
            bottomPadding: 16

            Label {
                id: followUpNotice
                visible: false
                width: content.width
                wrapMode: Label.Wrap
                text: qsTr("A follow-up was added to the programme for tomorrow at the same time.")
            }
            ChecklistCard {
                visible: !opening.complete
                checklist: opening
                heading: qsTr("Before you start: introduce yourselves, then cover each point")
                width: content.width
            }
            Grid {
                visible: opening.complete
                columns: page.wide ? 2 : 1
                columnSpacing: 24
                rowSpacing: 16
                Column {
                    width: content.columnWidth
                    spacing: 16
                    NoteEntry { editor: editor; width: parent.width }
                    Label { text: qsTr("Notes"); font.pixelSize: 22; font.bold: true }
                    Column {
                        width: parent.width
                        spacing: 8
                        Repeater {
                            model: notes
                            delegate: NoteDelegate {
                                width: content.columnWidth
                                onAmendRequested: (noteId, correction) => notes.amend(noteId, correction)
                            }
                        }
                    }
                }
                Column {
                    width: content.columnWidth
                    spacing: 16
                    ChecklistCard { checklist: questions; heading: qsTr("Questions to cover"); width: parent.width }
                    ChecklistCard { checklist: closing; heading: qsTr("Closing"); width: parent.width }
                    Button {
                        text: qsTr("Review and sign %1 notes").arg(notes.draftCount)
                        enabled: notes.draftCount > 0 && closing.complete && !editor.needsEvidenceAnswer
                        highlighted: true
                        implicitHeight: 56
                        width: parent.width
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
