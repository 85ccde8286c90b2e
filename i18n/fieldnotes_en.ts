<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChecklistItemDelegate</name>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skip: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why is this skipped?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason for skipping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skip with this reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ClosingPanel</name>
    <message>
        <source>Questions to cover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Review and sign %n note(s)</source>
        <translation><numerusform>Review and sign %n note</numerusform><numerusform>Review and sign %n notes</numerusform></translation>
    </message>
    <message>
        <source>Finish the closing points to sign.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConcernButton</name>
    <message>
        <source>⚠ I'm worried</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I'm worried about something</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record a safeguarding concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tell the adult who is with you, now. They will listen and help. You can also write it here; only the team leader will read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team leader: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What worried you? Say what happened, not who.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What worried you: facts, roles, no names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thank you for telling us. Now tell the adult who is with you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recorded and signed %1. Now tell the team leader%2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send it to the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record and sign now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CountdownBar</name>
    <message>
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time left %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Agreed time: %n minute(s). The clock starts when the opening points are done.</source>
        <translation><numerusform>Agreed time: %n minute. The clock starts when the opening points are done.</numerusform><numerusform>Agreed time: %n minutes. The clock starts when the opening points are done.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n minute(s) used, every note signed.</source>
        <translation><numerusform>Finished: %n minute used, every note signed.</numerusform><numerusform>Finished: %n minutes used, every note signed.</numerusform></translation>
    </message>
    <message>
        <source>Over the agreed time. Close now, or arrange a follow-up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Five minutes left: time to close.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Time left of %n minute(s), since %1</source>
        <translation><numerusform>Time left of %n minute, since %1</numerusform><numerusform>Time left of %n minutes, since %1</numerusform></translation>
    </message>
    <message>
        <source>Arrange a follow-up</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DateTimeChooser</name>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: minute</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeskNoteDelegate</name>
    <message>
        <source>%1 by %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · signed %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Not verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>corrects note %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Followed up: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No follow-up recorded yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeskNotesPane</name>
    <message>
        <source>⚠ Safeguarding concerns: %1, %2 with no follow-up recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding concerns: %1, each followed up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide the concerns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the concerns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search everything the team collected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search collected notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order of the notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Area for development</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All tablets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verified or not</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verified only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by verification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The best 200 matches</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Matching: %n note(s)</source>
        <translation><numerusform>Matching: %n note</numerusform><numerusform>Matching: %n notes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation><numerusform>%n note</numerusform><numerusform>%n notes</numerusform></translation>
    </message>
</context>
<context>
    <name>DeskReviewEditor</name>
    <message>
        <source>Desk-top review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Red: issues are affecting progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amber: some concerns about progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Green: progressing well</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not rated yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel editing the desk-top review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit the desk-top review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of enquiry: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of enquiry, one a line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of enquiry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save and send to the tablets</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EngagementDelegate</name>
    <message>
        <source>Open %1 at %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2 min · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EngagementEditDialog</name>
    <message>
        <source>Add an engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit the engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete it? It holds no notes; it leaves the programme with its ticked points.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agreed minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Introduces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>team member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who introduces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Takes notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who takes notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>role = number, one per line (no names)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Participants by role and number</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EngagementPage</name>
    <message>
        <source>Follow-up %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Arrange a follow-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The follow-up goes on the programme, linked to this engagement, with the same people and agreed time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Before you start: introduce yourselves, then cover each point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Introduces: %1 · Takes notes: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide the priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The priority and its lines of enquiry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The note being typed stays above. It comes down here when you start the next one.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingsPane</name>
    <message>
        <source>A finding is substantiated when verified notes from at least this many independent sources support it, and not only by statements without an example or evidence:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Independent sources a finding needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Area for development</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the evidence shows, in plain words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finding statement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No findings for this priority yet. Add one, then open notes under Evidence and link them to it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Substantiated: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Not yet substantiated: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” — %2, %3, note %4%5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (did not verify: not counted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlink this note from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 (rests on %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> ⚠ cites %1, not yet substantiated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rests on:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cite %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A recommendation the findings support</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add recommendation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Record what was done about this concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It is signed as seen now, by you, with the review's key. It cannot be changed later; a new record can follow it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raised with (e.g. the school's designated safeguarding lead)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raised with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What was decided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign the follow-up</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LeaderPage</name>
    <message>
        <source>Team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collect tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence ⚠ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Findings tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Triangulation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Triangulation tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect this review to the team's archive. Its address and certificate fingerprint are printed by fieldnotes-archive when it starts; the one-time review-creation code comes from the archive's operator (fieldnotes-archive review-code).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Archive address, e.g. https://10.0.0.2:8443</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Archive address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate fingerprint (64 hex characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review-creation code from the archive's operator (fnr1-…)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review-creation code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect the review to the archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invite a tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New invitation (valid 3 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make a new invitation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tablets waiting to join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No tablet is waiting (press Check again after a tablet joins).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not approved: %1, %2 — %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn away %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approve %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check for tablets waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approve all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approve every waiting tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tablets in the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2 — removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove it: it can send nothing more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm removing %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collect notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collect and check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collect and check the tablets' notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collected notes on tablets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Once you hold a note, a tablet can remove its text. It keeps the note's signature and place, so its record still checks. Tablets learn the choice at their next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How long tablets keep collected notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1? Each tablet then deletes the text of a note you have collected; you keep it, signed, and the tablet keeps only its signature and place in the record. It cannot be undone on the tablets.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the text on the tablets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes, remove it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Fieldnotes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock the notebook</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NameCheck</name>
    <message>
        <source>Is “%1” someone's name? No names here: write what they do instead, like “a teacher” or “a pupil”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This may name a person: %1. Notes are non-attributable: refer to a role instead (for example "a youth worker").</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <source>⚠ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed %1 by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · evidence given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · evidence asked, none given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · evidence not asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · corrected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · waiting to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · delivered to the team leader's archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · collected by the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit this draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a correction to this note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Corrects: “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team leader holds this note. Its text was removed from this tablet on %1, as they asked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this draft? It is not signed, so nothing of it is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Corrected: “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>May name a person: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign correction</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoteDetailsDialog</name>
    <message>
        <source>%1 · signed %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Verified: signature, content and the tablet's chain check out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A correction of note %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The note's signed text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where its engagement's notes come from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source of this engagement's notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link to a finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This priority has no findings yet: add one under Findings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finding to link to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link the whole note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linked to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link the selected words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linked “%1” to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What was done about it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing recorded yet. Record what you did before anyone acts on it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seen %1 by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>; raised with %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>; decision: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (signed record %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record what was done</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoteEntry</name>
    <message>
        <source>Statement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Area for development</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note kind: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What was said or seen. Refer to roles, not names.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved, encrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This may name a person: %1. Notes are non-attributable: refer to a role instead (for example "a youth worker").</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Did you ask for an example or evidence?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asked, and given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asked, none given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence: asked, and given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence: asked, none given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence: not asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change the evidence answer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ObservationForm</name>
    <message>
        <source>Your notes about: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What did you see?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say what happened. Use jobs like "a teacher", not names.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write what you saw first, then you can finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What was good?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What could be better?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How did the visit feel? (you can skip this)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I'm finished: lock it in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PriorityBriefing</name>
    <message>
        <source>Why we are looking at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Red: issues are affecting progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amber: some concerns about progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Green: progressing well</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of enquiry</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>The week's programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the team leader's desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This tablet is used by %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change who uses this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No review yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the demo review</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Create a review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a priority to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First day of the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last day of the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of enquiry, one per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of enquiry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggested questions, one per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggested questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add this priority</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <source>a reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a Young Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I am %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change who uses this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This tablet is used by %1. A Young Inspector's tablet shows only their visits and form, and not the notes of the review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The passphrase, to change the role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the role change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change the role</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search all notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All engagements</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by engagement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Area for development</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No notes match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My name as a team member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How to reach the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. a phone number; shown with every concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock after (minutes idle)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Minutes before locking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Names to watch for in notes, one per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Names to watch for</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Set up Fieldnotes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Welcome to Fieldnotes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your notes stay on this tablet in an encrypted notebook that only your passphrase unlocks. Nothing is stored in the clear. Signed notes cannot be changed, only corrected by a new note. If you forget the passphrase, the notes cannot be recovered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too short: at least 8 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weak: longer is better</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I am…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create my encrypted notebook</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Review and sign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Once signed, notes are dated and cannot be changed; a mistake is corrected by a new note. Tick the notes to sign now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign this %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>evidence given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>evidence asked, none given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>evidence not asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this note in the editor to fix it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>May name a person: %1. Fix it to refer to a role, or sign if it does not.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your passphrase, to sign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Sign %n note(s)</source>
        <translation><numerusform>Sign %n note</numerusform><numerusform>Sign %n notes</numerusform></translation>
    </message>
</context>
<context>
    <name>SmileyRating</name>
    <message>
        <source>Not good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have not chosen a face.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You chose: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sending to the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for the team leader to approve this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team leader has removed this tablet from the review: nothing more is sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not joined to a team leader's archive yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrolment code from the team leader (FN1:…)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This tablet, e.g. tablet 3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name of this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 waiting · %2 delivered · %3 collected by the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team leader's choice: once they hold a note, its text is removed from this tablet.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The team leader's choice: a note's text is removed from this tablet %n day(s) after they collect it.</source>
        <translation><numerusform>The team leader's choice: a note's text is removed from this tablet %n day after they collect it.</numerusform><numerusform>The team leader's choice: a note's text is removed from this tablet %n days after they collect it.</numerusform></translation>
    </message>
    <message>
        <source>Last sent: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 Trying again by itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send notes now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TriangulationPane</name>
    <message>
        <source>“%1” — %2, note %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No findings for this priority yet: the grid fills as findings are linked to notes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>
⚠ Not yet substantiated</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 from %2: %n note(s)</source>
        <translation><numerusform>%1 from %2: %n note</numerusform><numerusform>%1 from %2: %n notes</numerusform></translation>
    </message>
    <message>
        <source>%1: notes from %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Fieldnotes is locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your passphrase. Anything you were typing is kept, encrypted, and comes back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Wait %n second(s) before trying again.</source>
        <translation><numerusform>Wait %n second before trying again.</numerusform><numerusform>Wait %n seconds before trying again.</numerusform></translation>
    </message>
</context>
<context>
    <name>YoungInspectorPage</name>
    <message>
        <source>Young Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hello, Young Inspector!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a Young Inspector?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change who uses this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which visit are you at?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There are no visits for Young Inspectors yet. Ask the adult with you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thank you! Your notes are locked in and safe.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose another visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What you wrote before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Are you finished?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When you lock it in, your notes are saved safely and can't be changed any more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes, lock it in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::ChecklistController</name>
    <message>
        <source>The review is not an inspection: it is a supportive but challenging process to help the Trust celebrate its strengths and find its own areas for improvement.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team is here at the request of the Trust; it is not imposed on the partners.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team members are acting as critical friends, looking at both strengths and areas for further consideration.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The views of a range of people, inside and outside the Trust, are being gathered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The process depends on people being open and honest about what is working and what needs to be addressed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything the team hears is absolutely non-attributable to individuals.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asked whether they have any questions they would like to ask, or any concerns they would like to raise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thanked them for their time and, where it was so, for their openness and honesty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Is there anything that needs to be done differently to improve the rate of progress and outcomes?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Are the objectives and actions the right ones to achieve the priority?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Are all the people and agencies you need involved engaged?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Are there any financial or capacity issues that affect the ability to deliver this priority?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Does this work relate to other projects, developments or groups? If not, should it?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What is the proposed action for year 2?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::ConcernController</name>
    <message>
        <source>Share this with the review team leader immediately, before acting on it in any way. The team leader decides whether and how it is followed up. If a child may be in danger, tell the team leader now, in person or by phone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write down what worried you before recording the concern.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create or open a review first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::DeskController</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write the finding first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A finding cannot be empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write the recommendation first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved. Tablets get it at the next publish, once the archive can be reached: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::DeskNotesModel</name>
    <message>
        <source>No example or evidence was asked for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Example or evidence asked for and given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Example or evidence asked for; none given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seen %1 by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>raised with %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>decision: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Young Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(Text removed from the tablet before collection; only its signature and place remain.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Engagement not known to the desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a tablet not on the roster</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Corrected %1: “%2”</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::EngagementListModel</name>
    <message numerus="yes">
        <source>%n note(s) waiting to be signed</source>
        <translation><numerusform>%n note waiting to be signed</numerusform><numerusform>%n notes waiting to be signed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Done: %n note(s) signed</source>
        <translation><numerusform>Done: %n note signed</numerusform><numerusform>Done: %n notes signed</numerusform></translation>
    </message>
    <message>
        <source>Started at %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n note(s) signed</source>
        <translation><numerusform>%n note signed</numerusform><numerusform>%n notes signed</numerusform></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Focus group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write participants as role = number, e.g. "young person = 6"; no names.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" may be a person's name: describe people by their role, never by name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::FindingsModel</name>
    <message>
        <source>Good practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Area for development</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::LeaderController</name>
    <message>
        <source>Connected to the archive at %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to the archive at %1, its certificate checked against the fingerprint %2….</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A tablet with no name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep them on the tablets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove them once collected</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Remove them %n day(s) after collection</source>
        <translation><numerusform>Remove them %n day after collection</numerusform><numerusform>Remove them %n days after collection</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new note(s) collected.</source>
        <translation><numerusform>%n new note collected.</numerusform><numerusform>%n new notes collected.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): a tablet sent two different notes under one number.</source>
        <translation><numerusform>%n conflict: a tablet sent two different notes under one number.</numerusform><numerusform>%n conflicts: a tablet sent two different notes under one number.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n note(s)</source>
        <translation><numerusform>%1, %2: %n note</numerusform><numerusform>%1, %2: %n notes</numerusform></translation>
    </message>
    <message>
        <source>; missing numbers %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::NoteListModel</name>
    <message>
        <source>Statement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Area for development</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say whether an example or evidence was asked for (or that it was not).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::ObservationController</name>
    <message>
        <source>What did I see?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What was good?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What could be better?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How it felt: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldnotes::ui::SyncController</name>
    <message>
        <source>The sync status could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That picture could not be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No QR code could be read in that picture: take it again, closer and steady.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That QR code is not a Fieldnotes invitation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team leader's archive cannot be reached (%1). Notes stay safely queued here.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n note(s) refused by the archive; the team leader can see why.</source>
        <translation><numerusform>%n note refused by the archive; the team leader can see why.</numerusform><numerusform>%n notes refused by the archive; the team leader can see why.</numerusform></translation>
    </message>
</context>
<context>
    <name>fieldnotes::ui::VaultSession</name>
    <message>
        <source>Choose who you are on this review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters; a few unusual words are best.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is not the passphrase of this notebook.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many wrong passphrases: wait, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A draft could not be saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This tablet holds the review's keys: it is the team leader's.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The team leader enrolled this tablet as %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the team leader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a Young Inspector</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>