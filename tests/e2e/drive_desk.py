"""End-to-end: the team leader's evidence desk in the real fieldnotes window, driven with real X
input over AT-SPI. The leader's vault already holds a review whose reviewer's and Young
Inspector's tablets sent notes to the archive; the leader collects them in the app, reads them
(concerns first), records what was done about the concern, makes a finding linked to notes from
both tablets and sees it substantiated in the triangulation view; then issues the no-surprises
preview and the draft for consultation, records a response, issues the final report and saves
it, makes the evidence bundle and the exports for analysis into FILES (checked afterwards by
run_desk_e2e.sh with openssl, sha256sum, xmllint and Python's csv).

usage: drive_desk.py PASSPHRASE SCREENSHOT_PREFIX WIDTH HEIGHT FILES
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_ui import *  # noqa: E402,F401,F403
import atspi_ui  # noqa: E402

PASSPHRASE, SHOTS, WIDTH, HEIGHT, FILES = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
atspi_ui.configure(SHOTS, WIDTH, HEIGHT)


def tab(name):
    click(named(f"{name} tab"), f"the {name} tab", scroll=False)
    time.sleep(0.5)


def note(start):
    """A collected note's row, by the start of its accessible name (kind and tablet)."""
    return lambda node: bool(node.name) and node.name.startswith(start) and node.getRoleName() in ("push button", "list item")


# 1. Unlock the leader's vault; it opens as the leader's (it holds the review's keys).
wait_for(named("Unlock"), "the unlock page", timeout=30)
click_node(password_fields()[0], "the passphrase field")
type_text(PASSPHRASE)
xdotool("key", "Return")
wait_for(named("Open the team leader's desk"), "the programme with the leader's desk", timeout=30)
# The landscape run is in the dark theme, the portrait run in the light one; FIELDNOTES_E2E_SWAP_THEMES=1
# swaps them, to look at the other two by hand.
if (WIDTH > HEIGHT) != (os.environ.get("FIELDNOTES_E2E_SWAP_THEMES") == "1"):
    click(named("Settings"), "settings", scroll=False)
    click(lambda node: node.name == "Theme" and node.getRoleName() == "combo box", "the theme")
    xdotool("key", "Down")
    xdotool("key", "Down")
    xdotool("key", "Return")
    click(named("Close"), "close the settings", scroll=False)
    time.sleep(0.5)
click(named("Open the team leader's desk"), "the team leader's desk", scroll=False)

# 2. Collect and check what the two tablets sent.
click(named("Collect and check the tablets' notes"), "collect")
wait_for(starts_with("4 new notes collected"), "the collection report", timeout=30)
wait_for(starts_with("Tablet 1, a reviewer: 3 notes"), "the reviewer's tablet by its label")
wait_for(starts_with("YI tablet, a Young Inspector: 1 note"), "the Young Inspector's tablet by its label")
screenshot("desk-collect")

# 3. The evidence: the concern heads it, unmissable, until its follow-up is recorded.
tab("Evidence")
wait_for(starts_with("⚠ Safeguarding concerns: 1, 1 with no follow-up recorded"), "the concern at the top")
wait_for(starts_with("4 notes"), "every collected note")
screenshot("desk-evidence")
click(note("Safeguarding concern by Reviewer, Tablet 1"), "the concern", scroll=False)
click(named("Record what was done"), "record a follow-up")
click(field("Raised with"), "raised with")
type_text("the school's designated safeguarding lead")
click(field("Decision"), "decision")
type_text("referred to children's social care the same day")
click(named("Sign the follow-up"), "sign the follow-up", scroll=False)
wait_for(starts_with("Seen "), "the signed follow-up in the note")
click(named("Close"), "close the note", scroll=False)
wait_for(starts_with("Safeguarding concerns: 1, each followed up"), "the concern followed up")

# Search as the words are typed: the matches, the words in bold.
click(field("Search collected notes"), "search")
type_text("breakfast")
wait_for(starts_with("Matching: 3 notes"), "the search results")
screenshot("desk-search")
xdotool("key", "ctrl+a")
xdotool("key", "BackSpace")
wait_for(starts_with("4 notes"), "every note again")

# 4. The priority's desk-top review (set amber from fieldnotes-cli): now red, with its targets.
tab("Findings")
wait_for(lambda node: node.name == "Amber: some concerns about progress" and node.getRoleName() == "label", "the desk-top review's rating")
click(named("Edit the desk-top review"), "edit the desk-top review", scroll=False)
click(field("Progress against targets"), "progress against targets")
type_text("Attendance 93.1% against a target of 95%")
click(named("Red: issues are affecting progress"), "red")
click(named("Save and send to the tablets"), "save the desk-top review")
wait_for(lambda node: node.name == "Red: issues are affecting progress" and node.getRoleName() == "label", "the review rated red")

# 5. A finding for the first priority, linked to a note from each tablet.
click(field("Finding statement"), "the finding statement")
type_text("Pupils run the breakfast club and attendance has risen")
click(named("Good practice"), "good practice", scroll=False)
click(named("Add finding"), "add the finding", scroll=False)
wait_for(starts_with("⚠ Not yet substantiated"), "the new finding, not yet substantiated")

tab("Evidence")
click(note("Observation by Young Inspector, YI tablet"), "the Young Inspector's observation")
click(named("Link the whole note"), "link the observation")
wait_for(starts_with("Linked to F1"), "the observation linked")
click(named("Close"), "close the note", scroll=False)
click(note("Statement by Reviewer, Tablet 1: Attendance"), "the head of service's statement")
click(named("Link the whole note"), "link the statement")
wait_for(starts_with("Linked to F1"), "the statement linked")
click(named("Close"), "close the note", scroll=False)

tab("Findings")
wait_for(starts_with("✓ Substantiated"), "the finding substantiated by two sources")
screenshot("desk-findings")

# 6. Triangulation: sources across, findings down; a cell opens to its notes.
tab("Triangulation")
cell = wait_for(starts_with("F1 from Direct observation"), "the observation cell")[0]
screenshot("desk-triangulation")
click_node(cell, "the observation cell")
wait_for(starts_with("“We saw pupils"), "the cell's note")
click(named("Close"), "close the cell", scroll=False)
log("the leader collected, read, followed up, found and triangulated in the app")

# 7. The report in the methodology's order: preview, draft for consultation, a response, final.
tab("Report")
click(named("Issue the no-surprises preview"), "issue the preview", scroll=False)
wait_for(starts_with("No-surprises preview, version 1 — issued"), "the preview issued", timeout=60)
click(named("Issue the draft for consultation"), "issue the draft for consultation", scroll=False)
wait_for(starts_with("Draft for consultation, version 2 — issued"), "the draft issued", timeout=60)
click(field("Responder's role"), "the responder's role")
type_text("head of service")
click(field("What they said"), "what they said")
type_text("Agreed: the rota is run by pupils")
click(named("Record the response"), "record the response")
wait_for(starts_with("F1, from head of service"), "the response listed")
click(named("Issue the final report"), "issue the final report", scroll=False)
wait_for(starts_with("Final report, version 3 — issued"), "the final report issued", timeout=60)
screenshot("desk-report")

# 8. The files that leave the vault: the final report with its signatures, the bundle, the exports.
click(field("Folder for the files"), "the folder for the files")
xdotool("key", "ctrl+a")
type_text(FILES)
click(named("Save version 3 to the folder"), "save the final report")
wait_for(lambda node: bool(node.name) and node.name.startswith("Saved in") and "report-v3-final.pdf" in node.name, "the report saved", timeout=60)
# Once the bundle holds the notes, the archive may remove its sealed copies: at once, here.
click(lambda node: node.name == "How long the archive keeps the envelopes after the bundle" and node.getRoleName() == "combo box",
      "the archive's retention")
click(lambda node: node.name == "The archive removes them once the bundle is made" and node.getRoleName() not in ("combo box", "label"),
      "removed once the bundle is made", scroll=False)
time.sleep(0.5)
click(named("Make the evidence bundle"), "make the evidence bundle")
wait_for(lambda node: bool(node.name) and node.name.startswith("Evidence bundle written to") and "The archive was told" in node.name,
         "the bundle written and checked, and the archive told", timeout=120)
click(named("Export for analysis (CSV, REFI-QDA)"), "export for analysis")
wait_for(lambda node: bool(node.name) and node.name.startswith("Saved in") and "review.qdpx" in node.name, "the exports saved", timeout=60)
screenshot("desk-files")
log("the leader issued the report's versions, recorded the consultation and saved the report, the bundle and the exports in the app")
