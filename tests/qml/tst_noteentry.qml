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
    }
}
