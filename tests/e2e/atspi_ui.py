"""What the end-to-end drivers share: the real fieldnotes window found over AT-SPI (controls by
their accessible names, the way a screen reader sees them) and driven with real X input."""
import subprocess
import sys
import time

import pyatspi

SHOTS, WIDTH, HEIGHT = "", 0, 0


def configure(shots, width, height):
    global SHOTS, WIDTH, HEIGHT
    SHOTS, WIDTH, HEIGHT = shots, width, height


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
    screenshot("failure")
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


def text_of(node):
    """The text in an input (AT-SPI's text interface)."""
    return node.queryText().getText(0, -1)


def password_fields():
    return wait_for(lambda node: node.getRoleName() == "password text", "a passphrase field")


def click_node(node, what):
    x, y, w, h = settled(node)
    xdotool("mousemove", x + w // 2, y + h // 2)
    xdotool("click", 1)
    time.sleep(0.3)
    log(f"clicked {what}")
