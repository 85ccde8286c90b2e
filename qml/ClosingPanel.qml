import QtQuick
import QtQuick.Controls
import Fieldnotes

// The end of an engagement: the questions to cover, the closing points, and signing.
Column {
    id: panel
    required property ChecklistController questions
    required property ChecklistController closing
    required property NoteListModel notes
    required property NoteEditorController editor
    signal signRequested()

    spacing: 16
    topPadding: 16
    bottomPadding: 16
    ChecklistCard { checklist: panel.questions; heading: qsTr("Questions to cover"); width: panel.width }
    ChecklistCard { checklist: panel.closing; heading: qsTr("Closing"); width: panel.width }
    FieldButton {
        text: qsTr("Review and sign %n note(s)", "", panel.notes.draftCount)
        objectName: "reviewAndSign"
        enabled: panel.notes.draftCount > 0 && panel.closing.complete
        highlighted: true
        implicitHeight: 56
        width: panel.width
        Accessible.name: text
        onClicked: panel.signRequested()
    }
    Label {
        visible: !panel.closing.complete
        text: qsTr("Finish the closing points to sign.")
        opacity: 0.75
    }
}
