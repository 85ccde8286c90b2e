import QtQuick
import QtTest
import Fieldnotes

Item {
    width: 900
    height: 800


    NoteEditorController { id: editor; session: testSession; engagementId: testEngagementIds[1] }
    NoteEntry { id: entry; editor: editor; width: 900 }

    TestCase {
        name: "NoteEntry"
        when: windowShown

        function test_statementAsksForEvidenceAndNamesAreFlagged() {
            mouseClick(findChild(entry, "kind-statement"))
            compare(editor.kind, "statement")
            const text = findChild(entry, "noteText")
            text.forceActiveFocus()
            for (const key of "Then Kevin said ok")
                keyClick(key)
            tryCompare(editor, "text", "Then Kevin said ok")
            tryVerify(() => editor.saved) // once the draft writer has it on disk
            verify(editor.draftId !== "")
            compare(editor.suspectedNames, ["Kevin"])
            verify(editor.needsEvidenceAnswer)
            verify(findChild(entry, "evidenceGiven").visible)
            // Prompts that appear while typing sit below the text, never over it.
            const evidence = findChild(entry, "evidenceGiven")
            const area = findChild(entry, "noteText")
            tryVerify(() => evidence.mapToItem(entry, 0, 0).y > area.y + area.height, 2000, "the evidence question overlaps the text")
            mouseClick(findChild(entry, "evidenceGiven"))
            verify(!editor.needsEvidenceAnswer)
            verify(editor.evidenceAsked && editor.evidenceGiven)
            verify(!findChild(entry, "evidenceGiven").visible)
            mouseClick(findChild(entry, "newNote"))
            compare(editor.text, "")
            compare(editor.draftId, "")
        }

        // useFieldnotesLook (the app's and this runner's): glyphs rasterised once, not distance
        // fields shaded in every frame, for labels and the field typed in alike.
        function test_textIsRenderedNatively() {
            compare(findChild(entry, "savedStatus").renderType, Text.NativeRendering)
            compare(findChild(entry, "noteText").renderType, Text.NativeRendering)
        }

        SignalSpy { id: statusChanges; signalName: "textChanged" }

        // While the hand moves the status holds at "Saving…", even between writes that are
        // already durable, and not only between keystrokes: within one either (every change
        // relays it out and redraws it). "Saved, encrypted" comes once the typing pauses and the
        // text is on disk.
        function test_savedStatusHoldsStillWhileTyping() {
            const status = findChild(entry, "savedStatus")
            const text = findChild(entry, "noteText")
            text.forceActiveFocus()
            statusChanges.target = status
            statusChanges.clear()
            let durableBetweenKeys = 0
            let typed = 0
            for (const key of "the club helps") {
                keyClick(key)
                // A short pause now and then, long enough for the draft writer to sync (150 ms
                // after its last write), shorter than the field's pause in the typing (700 ms).
                wait(++typed % 5 === 0 ? 450 : 60)
                verify(status.text !== "Saved, encrypted" || editor.saved)
                if (editor.saved)
                    ++durableBetweenKeys
            }
            verify(durableBetweenKeys > 0) // a keystroke came after a durable write
            compare(statusChanges.count, 1) // from nothing to "Saving…", and no more while typing
            compare(status.text, "Saving…")
            tryCompare(status, "text", "Saved, encrypted", 3000)
            verify(editor.saved)
            mouseClick(findChild(entry, "newNote"))
        }

        SignalSpy { id: replaced; target: editor; signalName: "textReplaced" }
        SignalSpy { id: blankFlips; target: editor; signalName: "blankChanged" }

        // Typing goes out to the editor without coming back into the field; the field takes the
        // editor's text only when the editor replaces it (the next note, a draft brought back).
        function test_theFieldTakesTheEditorsTextOnlyWhenItIsReplaced() {
            const field = findChild(entry, "noteText")
            field.forceActiveFocus()
            replaced.clear()
            blankFlips.clear()
            verify(editor.blank)
            for (const key of "  a quiet room")
                keyClick(key)
            compare(editor.text, "  a quiet room")
            compare(replaced.count, 0)
            compare(blankFlips.count, 1) // once, at the first letter; not per keystroke
            verify(!editor.blank)
            tryVerify(() => editor.saved)
            const typedDraft = editor.draftId
            mouseClick(findChild(entry, "newNote"))
            compare(replaced.count, 1)
            compare(field.text, "")
            verify(editor.blank)
            verify(editor.edit(typedDraft))
            compare(field.text, "  a quiet room")
            editor.text = "a quiet room, set from elsewhere"
            compare(field.text, "a quiet room, set from elsewhere")
            field.forceActiveFocus()
            keyClick(Qt.Key_End)
            keyClick("!")
            compare(editor.text, "a quiet room, set from elsewhere!")
            tryVerify(() => editor.saved)
            // Another engagement takes the field with it, and coming back brings the draft back.
            editor.engagementId = testEngagementIds[2]
            compare(field.text, "")
            editor.engagementId = testEngagementIds[1]
            compare(field.text, "a quiet room, set from elsewhere!")
            mouseClick(findChild(entry, "newNote"))
        }
    }
}
