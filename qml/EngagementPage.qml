// Not ComponentBehavior: Bound: Qt 6.4 does not create a bound ListView header (it makes it in
// another context and gives up without a word), and the header holds the note field. So the
// header and delegate below reach the page's objects through the context, which qmllint calls
// unqualified access.
import QtQuick
import QtQuick.Controls
import Fieldnotes

// Running an engagement: opening points, then questions and notes against the clock, then the
// closing points and signing.
Page {
    id: page
    background: PageBackground { page: page }
    required property VaultSession session
    property string engagementId
    // Its fields, from the programme (re-read whenever the programme changes).
    readonly property var details: programme.revision, programme.get(engagementId)
    readonly property string engagementTitle: details.title ?? ""
    readonly property int agreedMinutes: details.minutes ?? 0
    readonly property bool wide: width > height
    readonly property date followUpAt: (programme.revision, programme.followUpStart(engagementId))

    title: engagementTitle
    // The page that is open comes back after a lock or a restart.
    StackView.onActivated: session.openEngagementId = engagementId

    CountdownController { id: countdown; session: page.session; engagementId: page.engagementId; agreedMinutes: page.agreedMinutes }
    ChecklistController { id: opening; session: page.session; engagementId: page.engagementId; kind: ChecklistController.Opening }
    ChecklistController { id: questionChecklist; session: page.session; engagementId: page.engagementId; kind: ChecklistController.Questions }
    ChecklistController { id: closingChecklist; session: page.session; engagementId: page.engagementId; kind: ChecklistController.Closing }
    NoteEditorController { id: noteEditor; session: page.session; engagementId: page.engagementId }
    // The note in the editor is shown there, not twice: its writes while typing redraw no row.
    NoteListModel { id: noteModel; session: page.session; engagementId: page.engagementId; heldNoteId: noteEditor.draftId }
    EngagementListModel { id: programme; session: page.session }

    Connections {
        target: opening
        function onProgressChanged() { if (opening.complete) countdown.start() }
    }
    Component.onCompleted: if (opening.complete) countdown.start()

    // The clock stops once the closing points are done and every note is signed, and runs on
    // from its real start if that stops being so (a point unticked, a late note).
    readonly property bool everythingSigned: closingChecklist.complete && noteModel.draftCount === 0 && noteEditor.blank
    onEverythingSignedChanged: everythingSigned ? countdown.finish() : countdown.reopen()

    readonly property bool followUpArranged: !isNaN(followUpAt.getTime())

    header: CountdownBar {
        countdown: countdown
        followUpText: page.followUpArranged ? qsTr("Follow-up %1").arg(Qt.formatDateTime(page.followUpAt, "ddd d MMM, hh:mm")) : ""
        onFollowUpRequested: followUpDialog.openFor(page.followUpArranged ? page.followUpAt : page.details.start)
    }

    Dialog {
        id: followUpDialog
        objectName: "followUpDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
        modal: true
        title: qsTr("Arrange a follow-up")
        standardButtons: Dialog.Save | Dialog.Cancel
        function openFor(from) {
            // By default the next day at the same time.
            followUpChooser.show(page.followUpArranged ? from : new Date(from.getTime() + 24 * 3600 * 1000))
            open()
        }
        onAccepted: programme.arrangeFollowUp(page.engagementId, followUpChooser.value)
        Column {
            width: parent.width
            spacing: 12
            Label {
                width: parent.width
                wrapMode: Label.Wrap
                text: qsTr("The follow-up goes on the programme, linked to this engagement, with the same people and agreed time.")
            }
            DateTimeChooser { id: followUpChooser; accessibleName: qsTr("Follow-up"); width: parent.width }
        }
    }

    // Until the opening points are all covered, they are all there is.
    ScrollView {
        id: openingScroller
        visible: !opening.complete
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        // Fixed implicit size: the content's width follows the view, not the other way round.
        implicitWidth: 400
        implicitHeight: 400
        Column {
            x: 16
            y: 16
            width: openingScroller.availableWidth - 32
            spacing: 24
            ChecklistCard {
                checklist: opening
                heading: qsTr("Before you start: introduce yourselves, then cover each point")
                width: parent.width
            }
            PriorityBriefing {
                objectName: "priorityBriefing"
                width: parent.width
                priority: programme.priorities, programme.priorityOf(page.engagementId) // re-read when the programme is
            }
        }
    }

    // Then the note field above the notes, in a ListView so that only the notes in sight are
    // built, however many the engagement holds. The questions, the closing points and signing
    // sit beside them (landscape) or between the field and the notes (portrait).
    ListView {
        id: noteList
        objectName: "noteList"
        visible: opening.complete
        x: 16
        width: page.wide ? (page.width - 56) / 2 : page.width - 32
        height: parent.height
        clip: true
        spacing: 8
        model: noteModel
        // No current item: a view gives its current item the focus, and the first note would
        // take it from the note field being typed in.
        currentIndex: -1
        keyNavigationEnabled: false
        ScrollBar.vertical: ScrollBar {}
        // Positioners, not layouts: prompts that appear while typing (names, evidence) must move
        // everything below them at once.
        // qmllint disable unqualified
        header: Column {
            width: noteList.width
            spacing: 16
            topPadding: 16
            bottomPadding: 8
            Label {
                objectName: "roles"
                width: parent.width
                wrapMode: Label.Wrap
                opacity: 0.75
                text: qsTr("Introduces: %1 · Takes notes: %2").arg(page.details.introducer || qsTr("not set"))
                          .arg(page.details.noteTaker || qsTr("not set"))
            }
            Button {
                id: briefingToggle
                visible: briefing.rag !== "" || briefing.lines.length > 0
                checkable: true
                flat: true
                text: checked ? qsTr("Hide the priority") : qsTr("The priority and its lines of enquiry")
                Accessible.name: text
            }
            PriorityBriefing {
                id: briefing
                visible: briefingToggle.checked && (rag !== "" || lines.length > 0)
                width: parent.width
                priority: programme.priorities, programme.priorityOf(page.engagementId)
            }
            NoteEntry { editor: noteEditor; width: parent.width }
            Loader { // one panel at a time: a hidden twin would be found by a screen reader
                active: !page.wide
                width: parent.width
                height: active ? implicitHeight : 0 // and nothing left behind when it goes
                sourceComponent: ClosingPanel {
                    questions: questionChecklist
                    closing: closingChecklist
                    notes: noteModel
                    editor: noteEditor
                    onSignRequested: signDialog.openForReview()
                }
            }
            Label { text: qsTr("Notes"); font.pixelSize: 22; font.bold: true }
            Label {
                visible: noteList.count === 0
                width: parent.width
                wrapMode: Label.Wrap
                opacity: 0.75
                text: qsTr("The note being typed stays above. It comes down here when you start the next one.")
            }
        }
        delegate: NoteDelegate {
            session: page.session
            width: noteList.width
            onAmendRequested: (noteId, correction) => noteModel.amend(noteId, correction)
            onEditRequested: noteId => noteEditor.edit(noteId)
            onDeleteRequested: noteId => noteModel.deleteDraft(noteId)
        }
        // qmllint enable unqualified
    }
    ScrollView {
        id: sideScroller
        layer.enabled: true
        visible: opening.complete && page.wide
        x: noteList.x + noteList.width + 24
        width: noteList.width
        height: parent.height
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        implicitWidth: 400
        implicitHeight: 400
        Loader {
            active: page.wide
            width: sideScroller.availableWidth
            // qmllint disable unqualified
            sourceComponent: ClosingPanel {
                questions: questionChecklist
                closing: closingChecklist
                notes: noteModel
                editor: noteEditor
                onSignRequested: signDialog.openForReview()
            }
            // qmllint enable unqualified
        }
    }

    SignDialog {
        id: signDialog
        notes: noteModel
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 720)
        height: Math.min(page.height - 32, 720)
        onFixRequested: noteId => noteEditor.edit(noteId)
    }
}
