"""End-to-end: drives the real fieldnotes window with real X input (xdotool) through a whole
interview and a Young Inspector observation. Controls are found by their accessible names over
AT-SPI, the way a screen reader sees them; every click and keystroke is a real input event.

usage: drive_interview.py PASSPHRASE SCREENSHOT_PREFIX WIDTH HEIGHT
"""
import base64
import json
import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_ui import *  # noqa: E402,F401,F403
import atspi_ui  # noqa: E402

PASSPHRASE, SHOTS, WIDTH, HEIGHT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
atspi_ui.configure(SHOTS, WIDTH, HEIGHT)


# 1. First run: create the vault (the demo review is added), as a reviewer.
wait_for(named("Create my encrypted notebook"), "the setup page", timeout=30)
first, second = password_fields()[:2]
click_node(first, "the passphrase field")
type_text(PASSPHRASE)
click_node(second, "the confirmation field")
type_text(PASSPHRASE)
click(named("I am a reviewer"), "reviewer role")
click(named("Create my encrypted notebook"), "create")
wait_for(named("Add engagement"), "the programme", timeout=30)
if WIDTH > HEIGHT:
    # The landscape run is in the dark theme, the portrait run in the light one.
    click(named("Settings"), "settings", scroll=False)
    click(lambda node: node.name == "Theme" and node.getRoleName() == "combo box", "the theme")
    xdotool("key", "Down")
    xdotool("key", "Down")
    xdotool("key", "Return")
    click(named("Close"), "close the settings", scroll=False)
    time.sleep(0.5)
screenshot("programme")

# 2. Add an engagement, dated before the demo week so that it heads the programme.
click(named("Add engagement"), "add engagement")
click(field("Title"), "title")
type_text("E2E interview")
# The start is chosen with controls: the earliest day offered (three weeks back), 09:00.
click(named("Start: day"), "the start day")
xdotool("key", "Home")
xdotool("key", "Return")
time.sleep(0.3)
click(field("Start: hour") if nodes(field("Start: hour")) else named("Start: hour"), "the start hour")
xdotool("key", "ctrl+a")
type_text("9")
click(field("Start: minute") if nodes(field("Start: minute")) else named("Start: minute"), "the start minute")
xdotool("key", "ctrl+a")
type_text("0")
click(field("Participants by role and number"), "participants")
type_text("young person = 6")
screenshot("add-engagement")
click(named("Save"), "save")
click(starts_with("Open E2E interview at 09:00"), "the new engagement")

# 3. Opening checklist: every point, then the clock runs.
for point in range(6):
    click(starts_with("Done: "), f"opening point {point + 1}")
wait_for(field("Note text"), "note entry")

# 4. Questions covered, notes taken (a statement with evidence, then good practice).
click(starts_with("Done: What has made"), "a suggested question")
click(starts_with("Done: Is there anything that needs to be done differently"), "a standard question")
click(named("Note kind: Statement"), "statement kind")
click(field("Note text"), "note text")
type_text("A youth worker said the breakfast club doubled attendance")
if WIDTH > HEIGHT:
    # The non-attribution guard and the evidence question while a statement is typed.
    type_text(" said Kevin")
    wait_for(starts_with("This may name a person: Kevin"), "the name guard")
    screenshot("naming")
    for _ in " said Kevin":
        xdotool("key", "BackSpace")
click(named("Asked, and given"), "evidence asked and given")
screenshot("engagement")

# 4a. A safeguarding worry mid-interview: the name guard flags the child's name as it is typed
# and goes once the name is replaced by who they are; recorded and signed at once.
click(named("Record a safeguarding concern"), "concern", scroll=False)
concern = wait_for(field("The concern"), "the concern dialog")[0]
type_text("Jamie, aged 7, said he is scared to go home at weekends")
wait_for(starts_with("This may name a person: Jamie"), "the name guard in the concern dialog")
screenshot("concern-named")
xdotool("key", "ctrl+a")
type_text("A boy aged 7 said he is scared to go home at weekends")
deadline = time.time() + 5
while nodes(starts_with("This may name a person")) and time.time() < deadline:
    time.sleep(0.1)
if nodes(starts_with("This may name a person")):
    raise SystemExit("e2e: the name warning stayed after the name was taken out")
click(named("Record and sign now"), "record the concern")
wait_for(starts_with("Recorded and signed "), "the concern signed")
click(named("Close"), "close the concern dialog")
click(named("New note"), "new note")
click(named("Note kind: Good practice"), "good practice kind")
click(field("Note text"), "note text")
type_text("Pupils run the rota themselves")

# 4b. Locked mid-interview: unlocking lands on the same engagement, the note back in the editor
# and the clock running from its real start (not the full agreed time again).
time.sleep(1)
click(named("Lock the notebook"), "lock", scroll=False)
wait_for(named("Fieldnotes is locked"), "the lock page")
click_node(password_fields()[0], "the unlock passphrase")
type_text(PASSPHRASE)
click(named("Unlock"), "unlock")
resumed = wait_for(field("Note text"), "the engagement again", timeout=30)[0]
if text_of(resumed) != "Pupils run the rota themselves":
    raise SystemExit(f"e2e: the draft did not come back into the editor: {text_of(resumed)!r}")
clock = wait_for(starts_with("Time left "), "the clock")[0].name
if clock in ("Time left 45:00", "Time left 00:00"):
    raise SystemExit(f"e2e: the clock restarted after unlocking: {clock}")
log(f"resumed: the draft is back, {clock}")
screenshot("resumed")

# 4c. The statement fixed before signing: from its draft in the list, back into the editor.
# The notes list is built as it scrolls (in portrait it is under the checklists): scroll to it.
for _ in range(60):
    if nodes(named("Edit this draft")):
        break
    xdotool("mousemove", WIDTH // 4, HEIGHT // 2)
    xdotool("click", 5)
    time.sleep(0.1)
click(named("Edit this draft"), "edit the statement's draft")
xdotool("mousemove", WIDTH // 4, HEIGHT // 2)
for _ in range(60):
    xdotool("click", 4) # back up to the editor above the notes
edited = wait_for(field("Note text"), "the statement in the editor")[0]
if not text_of(edited).startswith("A youth worker said"):
    raise SystemExit(f"e2e: the draft opened is not the statement: {text_of(edited)!r}")
click(field("Note text"), "the note text")
xdotool("key", "ctrl+End")
type_text(" in the spring term")

# 5. Closing points, then review the drafts and sign them with the passphrase.
click(starts_with("Done: Asked whether they have any questions"), "closing: questions or concerns")
click(starts_with("Done: Thanked them"), "closing: thanked")
click(starts_with("Review and sign 2 notes"), "review and sign")
wait_for(starts_with("A youth worker said the breakfast club doubled attendance in the spring term"), "the fixed statement in the list")
screenshot("review-and-sign")
click_node(password_fields()[0], "the signing passphrase")
type_text(PASSPHRASE)
click(named("Sign 2 notes"), "sign")
wait_for(starts_with("Finished"), "the clock to stop once everything is signed", showing_only=False)
wait_for(starts_with("Review and sign 0 notes"), "the notes to be signed", showing_only=False)
xdotool("mousemove", WIDTH // 2, HEIGHT // 2)
for _ in range(40):
    xdotool("click", 4)
time.sleep(0.5)
screenshot("signed")

# 5b. Search the notes, then narrow to statements: the good-practice note drops out.
click(named("Search notes"), "search", scroll=False)
click(field("Search words"), "search words")
type_text("rota")
time.sleep(0.5)
screenshot("search")
click(named("Filter by kind"), "the kind filter")
xdotool("key", "Down")
xdotool("key", "Return")
wait_for(named("No notes match."), "the statement filter to leave nothing")
click(named("Back"), "back from search", scroll=False)

click(named("Back"), "back", scroll=False)

def change_role(to, what):
    """Who uses the tablet changes deliberately: the role, then the passphrase."""
    click(named("Change who uses this tablet"), "change role", scroll=False)
    click(named(to), what)
    click_node(password_fields()[0], "the passphrase, to change the role")
    type_text(PASSPHRASE)
    click(named("Change the role"), "change")


# 6. A Young Inspector's observation, on this tablet before it joins a review (a joined tablet
# keeps the role its team leader enrolled it as). Only their visits; locked in without a passphrase.
change_role("I am a Young Inspector", "young inspector role")
wait_for(named("Hello, Young Inspector!"), "the Young Inspector's page")
if nodes(starts_with("Choose E2E interview")):
    raise SystemExit("e2e: a Young Inspector is offered an interview")
click(named("Choose Young Inspectors: school drop-in"), "the visit")
wait_for(named("Your notes about: Young Inspectors: school drop-in"), "which visit the form is for")
click(named("I'm finished: lock it in"), "finished, too early")
wait_for(named("Write what you saw first, then you can finish."), "the hint next to the question")
click(field("What did you see?"), "what did I see")
type_text("Pupils ran the tuck shop and everyone got a turn")
click(field("What was good?"), "what was good")
type_text("It was fair")
click(named("Good"), "happy face")
wait_for(named("You chose: Good"), "the chosen face")
screenshot("young-inspector")
click(named("I'm finished: lock it in"), "finished")
click(named("Yes, lock it in"), "lock it in")
wait_for(named("Thank you! Your notes are locked in and safe."), "the thank-you")
wait_for(named("You have not chosen a face."), "the form to start afresh")
wait_for(starts_with("Locked in "), "the observation among what was written before")
screenshot("young-inspector-done")
change_role("I am a reviewer", "back to a reviewer")
wait_for(named("Add engagement"), "the programme again")


# 6a. With an archive (run_e2e.sh sets FIELDNOTES_E2E_CODE): join with the leader's code, wait
# for approval, send, and see the notes delivered.
code = os.environ.get("FIELDNOTES_E2E_CODE")
if code:
    # The leader's QR code, as a photo in the tablet's pictures (run_e2e.sh made it with qrencode
    # and ImageMagick: scaled, tilted, on grey, JPEG); the app reads it with zxing-cpp.
    # This machine has no camera: the scanner says so and offers the photo instead.
    click(named("Scan the team leader's code with the camera"), "scan the code")
    wait_for(starts_with("This tablet has no camera that Fieldnotes can use."), "the scanner without a camera")
    click(named("Choose a photo instead"), "a photo instead")
    click(named("leaders-code.jpg"), "the photo of the leader's code")
    click(lambda node: node.name == "Open" and node.getRoleName() == "push button", "open the photo", scroll=False)
    wait_for(named("The team leader's code was read. Give this tablet a name, then tap Join."), "the code read from the photo")
    read = text_of(wait_for(field("Enrolment code"), "the enrolment code field")[0])
    if read != code:
        raise SystemExit(f"e2e: the code read from the photo is not the leader's: {read!r}")
    screenshot("code-from-photo")
    click(field("Name of this tablet"), "the tablet name field")
    type_text("e2e tablet")
    click(named("Join the review"), "join")
    wait_for(named("Waiting for the team leader to approve this tablet"), "the join request", timeout=30)
    def delivered(node):
        return bool(node.name) and node.name.startswith("0 waiting · ") and not node.name.startswith("0 waiting · 0 delivered")
    # The leader approves within a second or two; until then a send only finds the request waiting.
    for attempt in range(30):
        click(named("Send notes now"), "send now")
        if nodes(delivered):
            break
        time.sleep(1)
    wait_for(delivered, "the notes to be delivered", timeout=10)
    screenshot("synced")

# 6b. With an archive to lead (FIELDNOTES_E2E_LEAD_ARCHIVE): this tablet is the team leader's. It
# connects its review to the archive and makes an invitation with a QR code.
archive = os.environ.get("FIELDNOTES_E2E_LEAD_ARCHIVE")
if archive:
    change_role("I am the team leader", "team leader role")
    click(named("Open the team leader's desk"), "the leader's desk")
    click(field("Archive address"), "the archive address")
    type_text(archive)
    click(field("Certificate fingerprint"), "the fingerprint")
    type_text(os.environ["FIELDNOTES_E2E_LEAD_FINGERPRINT"])
    click(field("Review-creation code"), "the review-creation code")
    type_text(os.environ["FIELDNOTES_E2E_LEAD_CODE"])
    screenshot("leader-connect")
    click(named("Connect the review to the archive"), "connect")
    # No invitation before the recovery kit: two recovery passphrases, then the kit.
    # (Password fields are found by their role: AT-SPI gives them no name.)
    recovery, repeated = password_fields()[:2]
    click_node(recovery, "the recovery passphrase")
    type_text("e2e recovery passphrase")
    click_node(repeated, "the recovery passphrase again")
    type_text("e2e recovery passphrase")
    click(named("Make the recovery kit"), "make the recovery kit")
    wait_for(named("Where the recovery kit was written"), "the recovery kit to be written", timeout=60)
    screenshot("leader-kit")
    click(named("Make a new invitation"), "new invitation", )
    wait_for(named("Invitation QR code"), "the invitation's QR code", timeout=30)
    screenshot("leader")
    # A deputy's invitation says whom it is for before it is handed over.
    click(named("Make an invitation for a deputy team leader"), "the deputy's invitation")
    wait_for(starts_with("This invitation makes the tablet that joins with it the review's deputy team leader"),
             "the deputy invitation's warning", timeout=30)
    screenshot("leader-deputy")
    # What the screen shows, read by zbar, is a code made for a deputy ("d": 1).
    scanned = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", f"{atspi_ui.SHOTS}-leader-deputy.png"],
                             capture_output=True, text=True).stdout.strip()
    payload = scanned[len("FN1:"):] if scanned.startswith("FN1:") else ""
    if not payload or json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))).get("d") != 1:
        raise SystemExit(f"e2e: the deputy's QR code does not read as a deputy's invitation: {scanned!r}")
    click(named("Back"), "back from the leader's desk", scroll=False)

# 7. The other theme at this size, so that every size is seen in both themes: the programme and
# the interview page again (light in landscape, dark in portrait).
click(named("Settings"), "settings", scroll=False)
click(lambda node: node.name == "Theme" and node.getRoleName() == "combo box", "the theme")
xdotool("key", "Up" if WIDTH > HEIGHT else "Down")
if WIDTH <= HEIGHT:
    xdotool("key", "Down")
xdotool("key", "Return")
click(named("Close"), "close the settings", scroll=False)
time.sleep(0.5)
other = "light" if WIDTH > HEIGHT else "dark"
xdotool("mousemove", WIDTH // 2, HEIGHT // 2)
for _ in range(40):
    xdotool("click", 4)
time.sleep(0.3)
screenshot(f"programme-{other}")
click(starts_with("Open E2E interview at 09:00"), "the interview again")
wait_for(starts_with("Finished"), "the finished interview", showing_only=False)
time.sleep(0.5)
screenshot(f"engagement-{other}")
click(named("Back"), "back", scroll=False)

log("done")
