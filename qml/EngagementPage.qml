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
    required property VaultSession session
    property string engagementId
    property string engagementTitle
    property int agreedMinutes
    readonly property bool wide: width > height

    title: engagementTitle

    CountdownController { id: countdown; agreedMinutes: page.agreedMinutes }
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

    property bool followUpArranged: false

    header: CountdownBar {
        countdown: countdown
        onFollowUpRequested: {
            if (programme.arrangeFollowUp(page.engagementId) !== "")
                page.followUpArranged = true
        }
    }

    // Until the opening points are all covered, they are all there is.
    ScrollView {
        id: openingScroller
        visible: !opening.complete
        anchors.fill: parent
        contentWidth: availableWidth
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
                visible: page.followUpArranged
                width: parent.width
                wrapMode: Label.Wrap
                text: qsTr("A follow-up was added to the programme for tomorrow at the same time.")
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
                    onSignRequested: signDialog.open()
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
                onSignRequested: signDialog.open()
            }
            // qmllint enable unqualified
        }
    }

    SignDialog {
        id: signDialog
        notes: noteModel
        memberName: page.session.memberName
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
        onSigned: noteEditor.startNew()
    }
}
