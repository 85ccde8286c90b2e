"""End-to-end: drives the real fieldnotes window with real X input (xdotool) through a whole
interview and a Young Inspector observation. Controls are found by their accessible names over
AT-SPI, the way a screen reader sees them; every click and keystroke is a real input event.

usage: drive_interview.py PASSPHRASE SCREENSHOT_PREFIX WIDTH HEIGHT
"""
import datetime
import os
import subprocess
import sys
import time

import pyatspi

PASSPHRASE, SHOTS, WIDTH, HEIGHT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])


def log(message):
    print(f"e2e: {message}", flush=True)


def xdotool(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True)


def screenshot(name):
    subprocess.run(["import", "-window", "root", f"{SHOTS}-{name}.png"], check=True)
    log(f"screenshot {SHOTS}-{name}.png")


def application():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "fieldnotes":
            return app
    return None


def nodes(match, showing_only=True):
    """Every node for which match(node) holds, in tree order; by default only those on screen
    (Qt reports controls scrolled out of view and hidden ones alike as not showing)."""
    found = []

    def walk(node):
        if node is None:
            return
        try:
            showing = node.getState().contains(pyatspi.STATE_SHOWING)
        except Exception:
            return
        if (showing or not showing_only) and match(node):
            found.append(node)
        for child in node:
            walk(child)

    app = application()
    if app is not None:
        walk(app)
    return found


def wait_for(match, what, timeout=15, showing_only=True):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = nodes(match, showing_only)
        if found:
            return found
        time.sleep(0.2)
    dump = []

    def walk(node, depth):
        if node is None or depth > 60:
            return
        if node.name:
            dump.append(f"{node.getRoleName()} {node.name[:60]!r} {node.getState().getStates()}")
        for child in node:
            walk(child, depth + 1)

    walk(application(), 0)
    print("\n".join(dump[-80:]), file=sys.stderr)
    raise SystemExit(f"e2e: timed out waiting for {what}")


def named(name):
    return lambda node: node.name == name


def field(name):
    """A text input with that accessible name (not a label that says the same)."""
    return lambda node: node.name == name and node.getRoleName() in ("text", "entry", "paragraph")


def starts_with(prefix):
    return lambda node: bool(node.name) and node.name.startswith(prefix)


def extents(node):
    e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


def bring_into_view(match, what):
    """Scrolls with the mouse wheel until the control is clear of the bars at the top and the
    bottom edge; a control that does not move when scrolled is where it belongs."""
    previous = None
    for _ in range(80):
        on_screen = nodes(match)
        node = on_screen[0] if on_screen else wait_for(match, what, showing_only=False)[0]
        x, y, w, h = extents(node)
        if on_screen and 120 <= y and y + h <= HEIGHT - 10:
            return node
        if on_screen and previous == (x, y):
            return node
        previous = (x, y)
        # Over the control's own column: a page may scroll its columns apart (the engagement
        # page's notes and its checklists).
        xdotool("mousemove", min(max(x + w // 2, 10), WIDTH - 10), HEIGHT // 2)
        xdotool("click", 5 if y + h > HEIGHT - 10 else 4)
        time.sleep(0.2)
    raise SystemExit(f"e2e: could not scroll {what} into view")


def settled(node):
    """Waits until a control stops moving (dialogs and pages animate in)."""
    last = None
    for _ in range(30):
        now = extents(node)
        if now == last:
            return now
        last = now
        time.sleep(0.15)
    return last


def click(match, what, scroll=True):
    node = bring_into_view(match, what) if scroll else wait_for(match, what)[0]
    x, y, w, h = settled(node)
    xdotool("mousemove", x + w // 2, y + h // 2)
    xdotool("click", 1)
    time.sleep(0.3)
    log(f"clicked {what}")


def type_text(text):
    xdotool("type", "--delay", 15, text)
    time.sleep(0.3)


def password_fields():
    return wait_for(lambda node: node.getRoleName() == "password text", "a passphrase field")


def click_node(node, what):
    x, y, w, h = settled(node)
    xdotool("mousemove", x + w // 2, y + h // 2)
    xdotool("click", 1)
    time.sleep(0.3)
    log(f"clicked {what}")


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
click(field("Start date and time"), "start")
xdotool("key", "ctrl+a")
start = (datetime.date.today() - datetime.timedelta(days=30)).strftime("%Y-%m-%d") + " 09:00"
type_text(start)
click(field("Participants by role and number"), "participants")
type_text("young person = 6")
screenshot("add-engagement")
click(named("Save"), "save")
click(named("Open E2E interview at 09:00"), "the new engagement")

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
click(named("New note"), "new note")
click(named("Note kind: Good practice"), "good practice kind")
click(field("Note text"), "note text")
type_text("Pupils run the rota themselves")

# 5. Closing points, then sign with the passphrase.
click(starts_with("Done: Asked whether they have any questions"), "closing: questions or concerns")
click(starts_with("Done: Thanked them"), "closing: thanked")
click(starts_with("Review and sign 2 notes"), "review and sign")
click_node(password_fields()[0], "the signing passphrase")
type_text(PASSPHRASE)
click(named("Sign the notes"), "sign")
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

# 6. A Young Inspector's observation.
click(named("Back"), "back", scroll=False)

# 6a. With an archive (run_e2e.sh sets FIELDNOTES_E2E_CODE): join with the leader's code, wait
# for approval, send, and see the notes delivered.
code = os.environ.get("FIELDNOTES_E2E_CODE")
if code:
    click(field("Enrolment code"), "the enrolment code field")
    type_text(code)
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
    click(named("I am the team leader"), "team leader role")
    click(named("Open the team leader's desk"), "the leader's desk")
    click(field("Archive address"), "the archive address")
    type_text(archive)
    click(field("Certificate fingerprint"), "the fingerprint")
    type_text(os.environ["FIELDNOTES_E2E_LEAD_FINGERPRINT"])
    click(field("Review-creation code"), "the review-creation code")
    type_text(os.environ["FIELDNOTES_E2E_LEAD_CODE"])
    screenshot("leader-connect")
    click(named("Connect the review to the archive"), "connect")
    click(named("Make a new invitation"), "new invitation", )
    wait_for(named("Invitation QR code"), "the invitation's QR code", timeout=30)
    screenshot("leader")
    click(named("Back"), "back from the leader's desk", scroll=False)

click(named("I am a Young Inspector"), "young inspector role")
click(named("Choose E2E interview"), "the visit")
click(field("What did I see?"), "what did I see")
type_text("Pupils ran the tuck shop and everyone got a turn")
click(field("What was good?"), "what was good")
type_text("It was fair")
click(named("Good"), "happy face")
screenshot("young-inspector")
click(named("I'm finished: lock it in"), "finished")
click_node(password_fields()[0], "the passphrase")
type_text(PASSPHRASE)
click(named("Lock it in"), "lock it in")
wait_for(named("Thank you! Your notes are locked in and safe."), "the thank-you")
log("done")
