"""End-to-end: a new tablet's first run takes over a lost team leader's review from the recovery
kit the leader made in the app (run_e2e.sh, lead mode), through the real window over AT-SPI.

usage: drive_restore.py PASSPHRASE KIT_FILE RECOVERY_PASSPHRASE SCREENSHOT_PREFIX WIDTH HEIGHT
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_ui import *  # noqa: E402,F401,F403
import atspi_ui  # noqa: E402

PASSPHRASE, KIT_FILE, RECOVERY, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
WIDTH, HEIGHT = int(sys.argv[5]), int(sys.argv[6])
atspi_ui.configure(SHOTS, WIDTH, HEIGHT)
with open(KIT_FILE, encoding="utf-8") as kit_file:
    KIT = kit_file.read().strip()

wait_for(named("Restore from a recovery kit"), "the setup page", timeout=30)
first, second = password_fields()[:2]
click_node(first, "the passphrase field")
type_text(PASSPHRASE)
click_node(second, "the confirmation field")
type_text(PASSPHRASE)
click(named("Restore from a recovery kit"), "restore from a recovery kit")
click(field("Recovery kit"), "the kit's text")
type_text(KIT)  # as pasted from the kit file
recovery = password_fields()[2]
click_node(recovery, "the kit's recovery passphrase")
type_text(RECOVERY)
screenshot("restore-from-kit")
click(named("Restore the team leader's notebook"), "restore the team leader's notebook")
wait_for(named("Open the team leader's desk"), "the restored team leader's programme", timeout=90)
screenshot("restored-leader")
log("restored the team leader's notebook from the kit")
