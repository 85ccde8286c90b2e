pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Fieldnotes

// A checklist: each point ticked, or skipped with a reason that is recorded.
Column {
    id: card
    required property ChecklistController checklist
    property string heading

    spacing: 6
    Label { text: card.heading; font.pixelSize: 22; font.bold: true; width: card.width; wrapMode: Label.Wrap }
    Column {
        width: card.width
        spacing: 6
        Repeater {
            model: card.checklist
            delegate: ChecklistItemDelegate {
                id: point
                width: parent.width
                onTickRequested: card.checklist.tick(point.index)
                onSkipRequested: reason => card.checklist.skip(point.index, reason)
                onUndoRequested: card.checklist.undo(point.index)
            }
        }
    }
}
