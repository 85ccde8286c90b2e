<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChecklistItemDelegate</name>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="34"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="37"/>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="42"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="46"/>
        <source>Skip: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="51"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="54"/>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="60"/>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="71"/>
        <source>Why is this skipped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="73"/>
        <source>Reason for skipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChecklistItemDelegate.qml" line="76"/>
        <source>Skip with this reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosingPanel</name>
    <message>
        <location filename="../qml/ClosingPanel.qml" line="17"/>
        <source>Questions to cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ClosingPanel.qml" line="18"/>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ClosingPanel.qml" line="20"/>
        <source>Review and sign %1 notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ClosingPanel.qml" line="30"/>
        <source>Finish the closing points to sign.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcernButton</name>
    <message>
        <location filename="../qml/ConcernButton.qml" line="14"/>
        <source>⚠ Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="18"/>
        <source>Record a safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="29"/>
        <source>Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="47"/>
        <source>What worried you: facts, roles, no names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="48"/>
        <source>The concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="54"/>
        <source>Recorded and signed %1. Now tell the team leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="58"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="58"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConcernButton.qml" line="62"/>
        <source>Record and sign now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountdownBar</name>
    <message>
        <location filename="../qml/CountdownBar.qml" line="27"/>
        <source>Time left %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CountdownBar.qml" line="33"/>
        <source>Agreed time: %1 minutes. The clock starts with the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CountdownBar.qml" line="34"/>
        <source>Over the agreed time. Close now, or arrange a follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CountdownBar.qml" line="35"/>
        <source>Five minutes left: time to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CountdownBar.qml" line="35"/>
        <source>Time left of %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CountdownBar.qml" line="39"/>
        <source>Arrange a follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngagementDelegate</name>
    <message>
        <location filename="../qml/EngagementDelegate.qml" line="26"/>
        <source>Open %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementDelegate.qml" line="46"/>
        <source>%1 · %2 min · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementDelegate.qml" line="60"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementDelegate.qml" line="63"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngagementEditDialog</name>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="26"/>
        <source>Add an engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="26"/>
        <source>Edit the engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="42"/>
        <location filename="../qml/EngagementEditDialog.qml" line="43"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="44"/>
        <location filename="../qml/EngagementEditDialog.qml" line="51"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="53"/>
        <location filename="../qml/EngagementEditDialog.qml" line="60"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="62"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="68"/>
        <source>Start date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="70"/>
        <location filename="../qml/EngagementEditDialog.qml" line="71"/>
        <source>Agreed minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="72"/>
        <source>Introduces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="73"/>
        <location filename="../qml/EngagementEditDialog.qml" line="75"/>
        <source>team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="73"/>
        <source>Who introduces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="74"/>
        <source>Takes notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="75"/>
        <source>Who takes notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="76"/>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="79"/>
        <source>role = number, one per line (no names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementEditDialog.qml" line="82"/>
        <source>Participants by role and number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngagementPage</name>
    <message>
        <location filename="../qml/EngagementPage.qml" line="94"/>
        <source>A follow-up was added to the programme for tomorrow at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementPage.qml" line="57"/>
        <source>Before you start: introduce yourselves, then cover each point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementPage.qml" line="109"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/EngagementPage.qml" line="115"/>
        <source>The note being typed stays above. It comes down here when you start the next one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <location filename="../qml/ErrorBar.qml" line="24"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ErrorBar.qml" line="27"/>
        <source>Dismiss the message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaderPage</name>
    <message>
        <location filename="../qml/LeaderPage.qml" line="12"/>
        <source>Team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="30"/>
        <source>Connect this review to the team&apos;s archive. Its address and certificate fingerprint are printed by fieldnotes-archive when it starts; the one-time review-creation code comes from the archive&apos;s operator (fieldnotes-archive review-code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="36"/>
        <source>Archive address, e.g. https://10.0.0.2:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="39"/>
        <source>Archive address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="45"/>
        <source>Certificate fingerprint (64 hex characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="48"/>
        <source>Certificate fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="54"/>
        <source>Review-creation code from the archive&apos;s operator (fnr1-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="57"/>
        <source>Review-creation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="61"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="64"/>
        <source>Connect the review to the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="68"/>
        <source>Invite a tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="71"/>
        <source>New invitation (valid 3 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="73"/>
        <source>Make a new invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="83"/>
        <source>Invitation QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="92"/>
        <source>Invitation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="95"/>
        <source>Tablets waiting to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="98"/>
        <source>No tablet is waiting (press Check again after a tablet joins).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="114"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="116"/>
        <source>Check for tablets waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="120"/>
        <source>Approve all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="123"/>
        <source>Approve every waiting tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="128"/>
        <source>Collect notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="131"/>
        <source>Collect and check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="133"/>
        <source>Collect and check the tablets&apos; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="146"/>
        <source>Collected notes on tablets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="151"/>
        <source>Once you hold a note, a tablet can remove its text. It keeps the note&apos;s signature and place, so its record still checks. Tablets learn the choice at their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LeaderPage.qml" line="163"/>
        <source>How long tablets keep collected notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="19"/>
        <source>Fieldnotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="57"/>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="60"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="70"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="74"/>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="81"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="83"/>
        <source>Lock the vault</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="36"/>
        <source>Signed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="34"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="35"/>
        <source>Signed %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="37"/>
        <source> · evidence given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="37"/>
        <source> · evidence asked, none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="38"/>
        <source> · waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="39"/>
        <source> · delivered to the team leader&apos;s archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="40"/>
        <source> · collected by the team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="48"/>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="51"/>
        <source>Write a correction to this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="57"/>
        <source>Corrects: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="64"/>
        <source>The team leader holds this note. Its text was removed from this tablet on %1, as they asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="72"/>
        <source>May name a person: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="80"/>
        <source>The correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="80"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteDelegate.qml" line="82"/>
        <source>Sign correction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEntry</name>
    <message>
        <location filename="../qml/NoteEntry.qml" line="24"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="25"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="26"/>
        <source>Good practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="27"/>
        <source>Area for development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="28"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="37"/>
        <source>Note kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="48"/>
        <source>What was said or seen. Refer to roles, not names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="55"/>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="63"/>
        <source>Saved, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="63"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="68"/>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="83"/>
        <source>This may name a person: %1. Notes are non-attributable: refer to a role instead (for example &quot;a youth worker&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="94"/>
        <source>Did you ask for an example or evidence?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="102"/>
        <source>Asked, and given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="103"/>
        <source>Asked, none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/NoteEntry.qml" line="104"/>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationForm</name>
    <message>
        <location filename="../qml/ObservationForm.qml" line="13"/>
        <location filename="../qml/ObservationForm.qml" line="23"/>
        <source>What did I see?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ObservationForm.qml" line="19"/>
        <source>Say what happened. Use jobs like &quot;a teacher&quot;, not names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ObservationForm.qml" line="25"/>
        <location filename="../qml/ObservationForm.qml" line="34"/>
        <source>What was good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ObservationForm.qml" line="36"/>
        <location filename="../qml/ObservationForm.qml" line="45"/>
        <source>What could be better?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ObservationForm.qml" line="47"/>
        <source>How did it feel? (you can skip this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ObservationForm.qml" line="53"/>
        <source>I&apos;m finished: lock it in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="25"/>
        <source>The week&apos;s programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="33"/>
        <source>Team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="37"/>
        <source>Open the team leader&apos;s desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="41"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="48"/>
        <source>New review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="48"/>
        <source>Add priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="55"/>
        <source>Add engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="64"/>
        <source>I am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="72"/>
        <source>No review yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProgrammePage.qml" line="76"/>
        <source>Open the demo review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="10"/>
        <source>Create a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="10"/>
        <source>Add a priority to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="24"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="25"/>
        <source>Review title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="26"/>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="27"/>
        <source>First day of the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="28"/>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="29"/>
        <source>Last day of the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="31"/>
        <source>Create the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="43"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="44"/>
        <source>Priority title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="45"/>
        <source>Lines of enquiry, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="46"/>
        <source>Lines of enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="47"/>
        <source>Suggested questions, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="48"/>
        <source>Suggested questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReviewDialog.qml" line="50"/>
        <source>Add this priority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../qml/RoleChooser.qml" line="14"/>
        <source>a reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RoleChooser.qml" line="15"/>
        <source>the team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RoleChooser.qml" line="16"/>
        <source>a Young Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RoleChooser.qml" line="22"/>
        <source>I am %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../qml/SearchPage.qml" line="9"/>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="25"/>
        <source>Search all notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="30"/>
        <source>Search words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="38"/>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="43"/>
        <source>Filter by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="47"/>
        <source>All engagements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="52"/>
        <source>Filter by engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="57"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="57"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="58"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="58"/>
        <source>Good practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="59"/>
        <source>Area for development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="59"/>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="60"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="60"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="66"/>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="71"/>
        <source>No notes match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="88"/>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SearchPage.qml" line="88"/>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="9"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="18"/>
        <location filename="../qml/SettingsDialog.qml" line="22"/>
        <source>My name as a team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="25"/>
        <source>Lock after (minutes idle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="30"/>
        <source>Minutes before locking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="33"/>
        <location filename="../qml/SettingsDialog.qml" line="40"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="35"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="35"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="35"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="43"/>
        <source>Names to watch for in notes, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="49"/>
        <source>Names to watch for</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../qml/SetupPage.qml" line="11"/>
        <source>Set up Fieldnotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="23"/>
        <source>Welcome to Fieldnotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="27"/>
        <source>Your notes stay on this tablet, in %1, encrypted with a key that only your passphrase unlocks. Nothing is stored in the clear. Signed notes cannot be changed, only corrected by a new note. If you forget the passphrase, the notes cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="31"/>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="35"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="38"/>
        <source>Too short: at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="38"/>
        <source>Weak: longer is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="38"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="38"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="38"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="40"/>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="41"/>
        <source>I am…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupPage.qml" line="44"/>
        <source>Create my encrypted notebook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../qml/SignDialog.qml" line="12"/>
        <source>Sign %1 notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignDialog.qml" line="19"/>
        <source>Once signed, notes are dated and cannot be changed; a mistake is corrected by a new note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignDialog.qml" line="26"/>
        <source>%1 notes may name a person. Go back and refer to roles instead, or sign if they do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignDialog.qml" line="28"/>
        <source>Your passphrase, to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignDialog.qml" line="31"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignDialog.qml" line="34"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignDialog.qml" line="37"/>
        <source>Sign the notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmileyRating</name>
    <message>
        <location filename="../qml/SmileyRating.qml" line="15"/>
        <source>Not good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SmileyRating.qml" line="16"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SmileyRating.qml" line="17"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../qml/SyncPanel.qml" line="19"/>
        <source>Sending to the team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="20"/>
        <source>Waiting for the team leader to approve this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="21"/>
        <source>The team leader has removed this tablet from the review: nothing more is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="22"/>
        <source>Not joined to a team leader&apos;s archive yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="33"/>
        <source>Enrolment code from the team leader (FN1:…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="36"/>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="41"/>
        <source>This tablet, e.g. tablet 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="43"/>
        <source>Name of this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="47"/>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="50"/>
        <source>Join the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="59"/>
        <source>Sending %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="60"/>
        <source>%1 waiting · %2 delivered · %3 collected by the team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="69"/>
        <source>The team leader&apos;s choice: once they hold a note, its text is removed from this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SyncPanel.qml" line="70"/>
        <source>The team leader&apos;s choice: a note&apos;s text is removed from this tablet %n day(s) after they collect it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="77"/>
        <source>Last sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="85"/>
        <source>%1 Trying again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="89"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="89"/>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SyncPanel.qml" line="92"/>
        <source>Send notes now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/UnlockPage.qml" line="14"/>
        <source>Fieldnotes is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="18"/>
        <source>Enter your passphrase. Anything you were typing is kept, encrypted, and comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="22"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="29"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="41"/>
        <source>After wrong passphrases, wait %1 seconds before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YoungInspectorPage</name>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="13"/>
        <source>Young Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="34"/>
        <source>Hello, Young Inspector!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="37"/>
        <source>Which visit are you at?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="52"/>
        <source>Choose %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="59"/>
        <source>Thank you! Your notes are locked in and safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="71"/>
        <source>Choose another visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="85"/>
        <source>Type your secret passphrase to lock your notes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="88"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/YoungInspectorPage.qml" line="90"/>
        <source>Lock it in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::ChecklistController</name>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="30"/>
        <source>The review is not an inspection: it is a supportive but challenging process to help the Trust celebrate its strengths and find its own areas for improvement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="31"/>
        <source>The team is here at the request of the Trust; it is not imposed on the partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="32"/>
        <source>Team members are acting as critical friends, looking at both strengths and areas for further consideration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="33"/>
        <source>The views of a range of people, inside and outside the Trust, are being gathered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="34"/>
        <source>The process depends on people being open and honest about what is working and what needs to be addressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="35"/>
        <source>Everything the team hears is absolutely non-attributable to individuals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="39"/>
        <source>Asked whether they have any questions they would like to ask, or any concerns they would like to raise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="40"/>
        <source>Thanked them for their time and, where it was so, for their openness and honesty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="54"/>
        <source>Is there anything that needs to be done differently to improve the rate of progress and outcomes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="55"/>
        <source>Are the objectives and actions the right ones to achieve the priority?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="56"/>
        <source>Are all the people and agencies you need involved engaged?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="57"/>
        <source>Are there any financial or capacity issues that affect the ability to deliver this priority?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="58"/>
        <source>Does this work relate to other projects, developments or groups? If not, should it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/checklistcontroller.cpp" line="59"/>
        <source>What is the proposed action for year 2?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::ConcernController</name>
    <message>
        <location filename="../qml/concerncontroller.cpp" line="26"/>
        <source>Share this with the review team leader immediately, before acting on it in any way. The team leader decides whether and how it is followed up. If a child may be in danger, tell the team leader now, in person or by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/concerncontroller.cpp" line="60"/>
        <source>Write down what worried you before recording the concern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/concerncontroller.cpp" line="64"/>
        <source>Create or open a review first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::EngagementListModel</name>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="79"/>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="81"/>
        <source>Focus group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="83"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="85"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="87"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="187"/>
        <source>Write participants as role = number, e.g. &quot;young person = 6&quot;; no names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/engagementlistmodel.cpp" line="251"/>
        <source>Follow-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::LeaderController</name>
    <message>
        <location filename="../qml/leadercontroller.cpp" line="117"/>
        <source>%1 (%2), key %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/leadercontroller.cpp" line="117"/>
        <source>unnamed tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/leadercontroller.cpp" line="123"/>
        <source>Not approved, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/leadercontroller.cpp" line="151"/>
        <source>Keep them on the tablets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/leadercontroller.cpp" line="152"/>
        <source>Remove them once collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/leadercontroller.cpp" line="153"/>
        <source>Remove them %n day(s) after collection</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/leadercontroller.cpp" line="183"/>
        <source>%n new note(s) collected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/leadercontroller.cpp" line="185"/>
        <source>%n conflict(s): a tablet sent two different notes under one number.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/leadercontroller.cpp" line="187"/>
        <source>Tablet %1… (%2): %n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/leadercontroller.cpp" line="193"/>
        <source>; missing numbers %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::NoteListModel</name>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="219"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="221"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="223"/>
        <source>Good practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="225"/>
        <source>Area for development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="227"/>
        <source>Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="229"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/notelistmodel.cpp" line="231"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::ObservationController</name>
    <message>
        <location filename="../qml/observationcontroller.cpp" line="71"/>
        <source>What did I see?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/observationcontroller.cpp" line="72"/>
        <source>What was good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/observationcontroller.cpp" line="73"/>
        <source>What could be better?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/observationcontroller.cpp" line="76"/>
        <source>How it felt: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::SyncController</name>
    <message>
        <location filename="../qml/synccontroller.cpp" line="81"/>
        <source>The sync status could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/synccontroller.cpp" line="163"/>
        <source>The team leader&apos;s archive cannot be reached (%1). Notes stay safely queued here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/synccontroller.cpp" line="182"/>
        <source>%n note(s) refused by the archive; the team leader can see why.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::VaultSession</name>
    <message>
        <location filename="../qml/vaultsession.cpp" line="132"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/vaultsession.cpp" line="136"/>
        <source>Choose a passphrase of at least 8 characters; a few unusual words are best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/vaultsession.cpp" line="183"/>
        <source>A draft could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/vaultsession.cpp" line="223"/>
        <source>That is not the passphrase of this vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
