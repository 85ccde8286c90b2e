pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// Fast note entry: one-tap kinds, text saved (encrypted) as it is typed, the evidence question
// for statements, and the non-attribution guard. A Column, not a layout: the prompts that appear
// while typing must push what follows down at once.
Column {
    id: entry
    required property NoteEditorController editor
    spacing: 8

    TypingPause { id: typingPause; interval: 700 }

    Flow {
        width: entry.width
        layer.enabled: true
        spacing: 6
        Repeater {
            model: [
                { kind: "statement", label: qsTr("Statement") },
                { kind: "evidence", label: qsTr("Evidence") },
                { kind: "good-practice", label: qsTr("Good practice") },
                { kind: "area-for-development", label: qsTr("Area for development") },
                { kind: "observation", label: qsTr("Observation") }
            ]
            delegate: FieldButton {
                required property var modelData
                text: modelData.label
                objectName: "kind-" + modelData.kind
                checkable: true
                checked: entry.editor.kind === modelData.kind
                implicitHeight: 48
                Accessible.name: qsTr("Note kind: %1").arg(modelData.label)
                onClicked: entry.editor.kind = modelData.kind
            }
        }
    }
    TextArea {
        id: textArea
        objectName: "noteText"
        width: entry.width
        height: 160
        wrapMode: TextArea.Wrap
        placeholderText: qsTr("What was said or seen. Refer to roles, not names.")
        // The editor's text comes in only when the editor replaces it (a draft brought back, the
        // next note, a lock); what is typed goes out. Not a binding: that would copy the whole
        // text back into the field, and through JavaScript, on every keystroke.
        property bool takingEditorText: false
        function takeEditorText() {
            takingEditorText = true
            text = entry.editor.text
            takingEditorText = false
        }
        Component.onCompleted: takeEditorText()
        Connections {
            target: entry.editor
            function onTextReplaced() { textArea.takeEditorText() }
        }
        onTextChanged: {
            if (takingEditorText)
                return // nothing typed
            typingPause.keystroke()
            entry.editor.takeTypedText(text)
        }
        Accessible.name: qsTr("Note text")
    }
    RowLayout {
        width: entry.width
        Label {
            objectName: "savedStatus"
            // Held at "Saving…" while the hand is moving: flipping with every write behind the
            // typing would redraw the page twice a keystroke. Never "Saved" before it is.
            text: entry.editor.blank ? "" : entry.editor.saved && !typingPause.typing ? qsTr("Saved, encrypted") : qsTr("Saving…")
            opacity: 0.75
            Layout.fillWidth: true
        }
        FieldButton {
            text: qsTr("New note")
            objectName: "newNote"
            enabled: entry.editor.draftId !== "" && !entry.editor.needsEvidenceAnswer
            implicitHeight: 48
            Accessible.name: text
            onClicked: entry.editor.startNew()
        }
    }
    Frame {
        visible: entry.editor.suspectedNames.length > 0
        width: entry.width
        Label {
            anchors.left: parent.left
            anchors.right: parent.right
            wrapMode: Label.Wrap
            text: qsTr("This may name a person: %1. Notes are non-attributable: refer to a role instead (for example \"a youth worker\").")
                  .arg([...entry.editor.suspectedNames].join(", "))
        }
    }
    Frame {
        visible: entry.editor.needsEvidenceAnswer
        width: entry.width
        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            Label {
                text: qsTr("Did you ask for an example or evidence?")
                font.bold: true
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                FieldButton { objectName: "evidenceGiven"; text: qsTr("Asked, and given"); implicitHeight: 48; Accessible.name: text; onClicked: entry.editor.answerEvidence(true, true) }
                FieldButton { objectName: "evidenceNotGiven"; text: qsTr("Asked, none given"); implicitHeight: 48; Accessible.name: text; onClicked: entry.editor.answerEvidence(true, false) }
                FieldButton { objectName: "evidenceNotAsked"; text: qsTr("Not asked"); implicitHeight: 48; Accessible.name: text; onClicked: entry.editor.answerEvidence(false, false) }
            }
        }
    }
    // The answer stays in sight, and can be changed until the note is signed.
    Row {
        visible: entry.editor.kind === "statement" && entry.editor.evidenceAnswered
        spacing: 8
        Label {
            anchors.verticalCenter: parent.verticalCenter
            opacity: 0.75
            text: entry.editor.evidenceGiven ? qsTr("Evidence: asked, and given")
                : entry.editor.evidenceAsked ? qsTr("Evidence: asked, none given") : qsTr("Evidence: not asked")
        }
        Button {
            text: qsTr("Change")
            flat: true
            Accessible.name: qsTr("Change the evidence answer")
            onClicked: entry.editor.clearEvidenceAnswer()
        }
    }
}
