#!/usr/bin/env bash
# End to end over 127.0.0.1 with the real processes: an archive, a team leader and two devices.
# Enrol both, sign notes offline, sync, collect and verify; then the refusals the issue lists
# for a revoked device and a replayed request. usage: sync_walkthrough.sh CLI ARCHIVE [https]
set -euo pipefail
cli=$1; archive=$2; scheme=${3:-http}
work=$(mktemp -d)
archive_pid=
trap 'kill $archive_pid 2>/dev/null || true; rm -rf "$work"' EXIT
pass="walkthrough passphrase"
echo "$pass" > "$work/archive.pass"
fn() { local vault=$1; shift; printf '%s\n' "$pass" | "$cli" --vault "$work/$vault" --passphrase-fd 0 "$@"; }

flags=(--data "$work/archive" --passphrase-file "$work/archive.pass" --listen 127.0.0.1:0 --kdf interactive)
[ "$scheme" = http ] && flags+=(--plain-http)
"$archive" "${flags[@]}" > "$work/archive.out" 2>&1 &
archive_pid=$!
for _ in $(seq 300); do grep -q "archive key" "$work/archive.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o "$scheme://127.0.0.1:[0-9]*" "$work/archive.out")
fingerprint=$(sed -n 's/^certificate SHA-256 fingerprint: //p' "$work/archive.out")
echo "archive at $url"

for v in leader tablet1 tablet2; do fn $v init --kdf interactive > /dev/null; done
fn leader review add --title "Walkthrough review" --start 2026-11-23 --end 2026-11-27 > /dev/null
priority=$(fn leader priority add --title "Attendance" --question "What changed?" | grep -o '[0-9a-f-]\{36\}' | head -1)
engagement=$(fn leader engagement add --kind visit --priority "$priority" --start 2026-11-24T10:00:00Z --minutes 30 --title "Visit" | grep -o '[0-9a-f-]\{36\}' | head -1)
# Security review, finding 7: without a code from the archive's operator no review is created.
if fn leader leader create-review --archive "$url" ${fingerprint:+--fingerprint "$fingerprint"} 2>"$work/nocode.err"; then
  echo "a review was created without a review-creation code"; exit 1
fi
grep -q "review-creation code" "$work/nocode.err"
creation_code=$("$archive" review-code --data "$work/archive" --passphrase-file "$work/archive.pass" --kdf interactive 2>/dev/null)
fn leader leader create-review --archive "$url" ${fingerprint:+--fingerprint "$fingerprint"} --creation-code "$creation_code"
# Issue 14: no tablet is invited before the review's recovery kit exists.
if fn leader leader invite 2>"$work/nokit.err"; then echo "a tablet was invited before the recovery kit existed"; exit 1; fi
grep -q "recovery kit first" "$work/nokit.err"
printf '%s\n%s\n' "$pass" "walkthrough recovery passphrase" | "$cli" --vault "$work/leader" --passphrase-fd 0 \
  leader recovery-kit --output "$work/first-kit.json" > /dev/null

invite() { fn leader leader invite 2>>"$work/invite.err" | tail -1; }
code1=$(invite) || { echo "invite failed:"; cat "$work/invite.err"; exit 1; }
code2=$(invite) || { echo "invite failed:"; cat "$work/invite.err"; exit 1; }
fn tablet1 join "$code1" --role reviewer --label "tablet 1"
fn tablet2 join "$code2" --role young-inspector --label "tablet 2"
if fn tablet1 join "$code1" --role reviewer 2>/dev/null; then echo "a used code was accepted"; exit 1; fi
fn leader leader approve --all
fn tablet1 sync
fn tablet2 sync

# Offline: notes taken and signed with no archive involved.
# The engagement came to the tablets with the leader's published set-up.
for i in 1 2 3; do
  id=$(fn tablet1 note add --engagement "$engagement" --kind statement --evidence-not-asked --text "tablet one note $i" | grep -o '[0-9a-f-]\{36\}' | head -1)
  fn tablet1 note sign "$id" > /dev/null
done
# Tablet two records an extra visit of its own: the leader learns of it from the note's envelope.
engagement2=$(fn tablet2 engagement add --kind visit --priority "$priority" --start 2026-11-25T15:30:00Z --minutes 40 \
  --title "Extra visit" --introducer "Reviewer C" --note-taker "Reviewer D" --participants "young person=5" --participants "youth worker=2" \
  | grep -o '[0-9a-f-]\{36\}' | head -1)
id=$(fn tablet2 note add --engagement "$engagement2" --kind observation --text "tablet two saw the rota" | grep -o '[0-9a-f-]\{36\}' | head -1)
fn tablet2 note sign "$id" > /dev/null

fn tablet1 sync
fn tablet2 sync
fn tablet1 status --json | grep -q '"delivered": 3'
fn leader leader collect
fn leader leader collect --json | grep -q '"new_notes": 0'
fn tablet1 sync | grep -q "newly collected 3"
fn tablet1 status --json | grep -q '"collected": 3'
echo "walkthrough: 4 notes delivered once and collected"

# The extra visit reached the leader signed by tablet two, with its metadata, placed by source.
engagements_json=$(fn leader leader engagements --json)
printf '%s' "$engagements_json" | python3 -c '
import json, sys
engagement2, key2 = sys.argv[1], sys.argv[2]
rows = {row["id"]: row for row in json.load(sys.stdin)}
visit = rows[engagement2]
assert visit["recorded_by"] == key2, visit
assert visit["title"] == "Extra visit" and visit["kind"] == "visit" and visit["minutes"] == 40, visit
assert visit["introducer"] == "Reviewer C" and visit["note_taker"] == "Reviewer D", visit
assert sorted((p["role"], p["count"]) for p in visit["participants"]) == [("young person", 5), ("youth worker", 2)], visit
assert visit["source"] == "children", visit
assert rows[sys.argv[3]]["records"] >= 1, rows[sys.argv[3]]
' "$engagement2" "$(fn tablet2 status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["device_key"])')" "$engagement"
fn leader leader source set "$engagement2" parents --by "Reviewer C" > /dev/null
corrected=$(fn leader leader engagements --json)
printf '%s' "$corrected" | python3 -c '
import json, sys
visit = {row["id"]: row for row in json.load(sys.stdin)}[sys.argv[1]]
assert visit["source"] == "parents" and visit["derived_source"] == "children", visit
' "$engagement2"
if fn leader leader source set "$engagement2" gossip 2>/dev/null; then echo "an unknown source was accepted"; exit 1; fi
fn leader leader source clear "$engagement2" > /dev/null
echo "walkthrough: an engagement made on a tablet reached the leader, signed, with its metadata; its source corrected and restored"

# The review's own list of sources: one added (published to the tablets), refusals, removed again.
fn leader leader source add youth-workers --label "Youth workers" --word "youth worker" | grep -q "published to tablets"
fn tablet2 sync > /dev/null
[ "$(fn leader leader source list | grep -c '^youth-workers  Youth workers  (youth worker)$')" = 1 ]
if fn leader leader source add youth-workers --label "Again" 2>/dev/null; then echo "a source was added twice"; exit 1; fi
if fn leader leader source remove observation 2>"$work/source.err"; then echo "the observation source was removed"; exit 1; fi
grep -q "by their kind" "$work/source.err"
fn leader leader source remove youth-workers > /dev/null
[ "$(fn leader leader source list | tail -1)" = "7 sources" ]
echo "walkthrough: the leader added a source, the set-up carried it, and removed it"

# The leader reads what was collected: by tablet (its roster label), kind and verdict, and searched.
[ "$(fn leader leader notes | tail -1)" = "4 collected notes" ]
fn leader leader notes --tablet "tablet 2" --json | python3 -c '
import json, sys
notes = json.load(sys.stdin)
assert len(notes) == 1, notes
assert notes[0]["tablet"]["role"] == "young-inspector" and notes[0]["tablet"]["label"] == "tablet 2", notes
assert notes[0]["kind"] == "observation" and notes[0]["text"] == "tablet two saw the rota", notes
assert notes[0]["verdict"] == "valid", notes'
fn leader leader notes --kind statement --verified yes --sort tablet --json | python3 -c '
import json, sys
notes = json.load(sys.stdin)
assert [n["sequence"] for n in notes] == [1, 2, 3], notes'
# Each command's whole output first: grep -q stops reading at its first match, and a writer
# still writing would die of SIGPIPE (pipefail).
found=$(fn leader leader search rota)
grep -q "tablet two saw the \[rota\]" <<<"$found"
fn leader leader search "tablet one" --json | python3 -c '
import json, sys
assert len(json.load(sys.stdin)) == 3'
if fn leader leader notes --tablet "tablet 9" 2>/dev/null; then echo "an unknown tablet was accepted"; exit 1; fi
if fn leader leader notes --kind gossip 2>/dev/null; then echo "an unknown kind was accepted"; exit 1; fi
if fn leader leader notes --verified maybe 2>/dev/null; then echo "a verdict other than yes or no was accepted"; exit 1; fi
if fn leader leader notes --sort random 2>/dev/null; then echo "an unknown order was accepted"; exit 1; fi
echo "walkthrough: the leader lists, filters and searches the collected notes"

# The evidence desk: notes placed by priority and source; a finding from one source is not yet
# substantiated, and is once a second, independent source is linked; recommendations cite findings.
[ "$(fn leader leader notes --priority "$priority" | tail -1)" = "4 collected notes" ]
observed=$(fn leader leader notes --source observation --json | python3 -c '
import json, sys
notes = json.load(sys.stdin)
assert len(notes) == 1 and notes[0]["tablet"]["label"] == "tablet 2" and notes[0]["source"] == "observation", notes
print(notes[0]["hash"])')
unplaced=$(fn leader leader notes --kind statement --json | python3 -c '
import json, sys
notes = json.load(sys.stdin)
assert all(n["source"] == "" for n in notes), notes  # the visit has no participants recorded
print(notes[0]["hash"])')
if fn leader leader notes --source gossip 2>/dev/null; then echo "an unknown source was accepted"; exit 1; fi
fn leader leader source set "$engagement" practitioners > /dev/null
[ "$(fn leader leader notes --source practitioners | tail -1)" = "3 collected notes" ]
fn leader leader finding add --priority "$priority" --kind good-practice --statement "Pupils run the rota" | grep -q "finding F1 added"
linked=$(fn leader leader finding link F1 "${unplaced:0:16}")
grep -q "not yet substantiated: supported from 1 of the 2 independent sources it needs (practitioners)" <<<"$linked"
grep -q "only statements where no example or evidence was given" <<<"$linked"
if fn leader leader finding link F1 "$observed" --from 0 --to 999 2>"$work/range.err"; then echo "an excerpt outside the note was accepted"; exit 1; fi
grep -q "is outside note" "$work/range.err"
linked=$(fn leader leader finding link F1 "$observed" --from 11 --to 23 --by "Reviewer C")
grep -q "^substantiated" <<<"$linked"
fn leader leader finding list --json | python3 -c '
import json, sys
finding, = json.load(sys.stdin)
assert finding["substantiated"] and finding["sources"] == ["practitioners", "observation"], finding
assert [s["words"] for s in finding["support"]][1] == "saw the rota", finding'
fn leader leader finding add --priority "$priority" --kind area-for-development --statement "Attendance is still low" > /dev/null
fn leader leader finding link F2 "$unplaced" > /dev/null
fn leader leader recommendation add --priority "$priority" --text "Keep the rota" --finding F1 > /dev/null
flagged=$(fn leader leader recommendation add --priority "$priority" --text "Target attendance" --finding F2)
grep -q "FLAGGED: rests on F2, not yet substantiated" <<<"$flagged"
if fn leader leader recommendation add --priority "$priority" --text "Nothing behind it" 2>/dev/null; then echo "a recommendation without findings was accepted"; exit 1; fi
fn leader leader triangulation --json | python3 -c '
import json, sys
view, = json.load(sys.stdin)
f1, f2 = view["findings"]
assert len(f1["cells"]["practitioners"]) == 1 and len(f1["cells"]["observation"]) == 1 and f1["cells"]["children"] == [], f1
assert not f2["substantiated"] and f2["hearsay_only"], f2'
triangulation=$(fn leader leader triangulation)
grep -q "^  F2 .*NOT YET SUBSTANTIATED" <<<"$triangulation"
fn leader leader history --subject finding:F1 --json | python3 -c '
import json, sys
changes = json.load(sys.stdin)
assert [c["action"] for c in changes] == ["added", "linked", "linked"], changes
assert changes[2]["by"] == "Reviewer C" and changes[2]["detail"]["start"] == 11, changes'
fn leader leader desk-review set "$priority" --rag amber --trend "Absence up two years of three" --line "Who runs the rota?" \
  | grep -q "published to tablets in the signed set-up"
fn leader leader desk-review list --json | python3 -c '
import json, sys
review, = json.load(sys.stdin)
assert review["rag"] == "amber" and review["criteria"] == {"trend": "Absence up two years of three"}, review'
if fn leader leader desk-review set "$priority" --rag purple 2>/dev/null; then echo "a RAG rating of purple was accepted"; exit 1; fi
echo "walkthrough: findings substantiated by two sources, hearsay flagged, recommendations cite findings, triangulation and history"

# Retention: the leader has the notes, so tablets may remove their content at once.
if fn leader leader publish --retention-days soon 2>"$work/retention.err"; then echo "a retention of 'soon' was accepted"; exit 1; fi
grep -q "number of days" "$work/retention.err"
fn leader leader publish --retention-days 0 | grep -q "once the team leader holds it"
fn tablet1 sync | grep -q "content removed (retention) 3"
fn tablet1 status --json | grep -q '"content_removed": 3'
if fn tablet1 note list | grep -q "tablet one note"; then echo "removed content is still on the tablet"; exit 1; fi
fn tablet1 verify | grep -q "3 more collected by the team leader and removed"
fn leader leader collect --json | grep -q '"new_notes": 0'
[ "$(fn leader leader notes | tail -1)" = "4 collected notes" ]
echo "walkthrough: collected content removed from the tablet, chain intact, the leader keeps it"

# Security review, finding 1: an export's removed notes prove nothing without the leader's signed
# statements (only the tablet's own vault holds them), and an invented unsigned stub appended to
# it is named, not counted.
fn tablet1 export --output "$work/tablet1.jsonl" > /dev/null
key1=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["public_key"])' "$work/tablet1.jsonl")
python3 - "$work/tablet1.jsonl" "$work/forged.jsonl" <<'PY'
import json, sys
notes = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
last = notes[-1]
invented = dict(last, sequence=last["sequence"] + 1, kind="concern", previous_hash=last["hash"],
                hash="ab" * 32, signature="", canonical="", text="")
with open(sys.argv[2], "w") as out:
    for note in notes + [invented]:
        out.write(json.dumps(note) + "\n")
PY
if fn tablet1 verify "$work/forged.jsonl" --key "$key1" > "$work/forged.out"; then echo "an invented stub verified"; cat "$work/forged.out"; exit 1; fi
grep -q "sequence 4): its content was removed and nothing signed is left to check" "$work/forged.out"
if fn tablet1 verify "$work/tablet1.jsonl" --key "$key1" > "$work/stubs.out"; then echo "removed notes verified without the leader's statements"; exit 1; fi
[ "$(grep -c "no team leader's signed statement" "$work/stubs.out")" -eq 3 ]
echo "walkthrough: removed and invented notes in an export are named, never verified"

# A safeguarding concern comes first on the desk; what the leader did about it is signed with the
# review's leader key, and anyone checks that with openssl alone.
id=$(fn tablet1 note add --engagement "$engagement" --kind concern --text "a child is afraid to walk home" | grep -o '[0-9a-f-]\{36\}' | head -1)
fn tablet1 note sign "$id" > /dev/null
fn tablet1 sync > /dev/null
fn leader leader collect > /dev/null
concerns=$(fn leader leader concerns)
grep -q "NO FOLLOW-UP RECORDED" <<<"$concerns"
concern=$(fn leader leader concerns --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["note"])')
fn leader leader concern follow-up "${concern:0:12}" --raised-with "the school's safeguarding lead" --decision "referred the same day" \
  | grep -q "signed by the team leader's key"
if fn leader leader concern follow-up "$unplaced" 2>/dev/null; then echo "a follow-up of a note that is not a concern was accepted"; exit 1; fi
fn leader leader concerns --json > "$work/concerns.json"
python3 - "$work/concerns.json" "$work" <<'PY'
import base64, json, sys
follow_up, = json.load(open(sys.argv[1]))[0]["follow_ups"]
out = sys.argv[2]
assert follow_up["record"]["raised_with"] == "the school's safeguarding lead", follow_up
signed = base64.b64decode(follow_up["signed_bytes"])
# The bytes signed are the domain line and the canonical record: recomputed here, not trusted.
assert signed == b"fieldnotes-concern-followup-v1\n" + json.dumps(follow_up["record"], sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(), signed
open(f"{out}/followup.bin", "wb").write(signed)
open(f"{out}/followup.sig", "wb").write(bytes.fromhex(follow_up["signature"]))
open(f"{out}/leader.der", "wb").write(bytes.fromhex("302a300506032b6570032100" + follow_up["record"]["leader_key"]))
PY
openssl pkey -pubin -inform DER -in "$work/leader.der" -out "$work/leader.pem"
openssl pkeyutl -verify -pubin -inkey "$work/leader.pem" -rawin -in "$work/followup.bin" -sigfile "$work/followup.sig" | grep -q "Signature Verified Successfully"
sed -i 's/same day/next week/' "$work/followup.bin"
if openssl pkeyutl -verify -pubin -inkey "$work/leader.pem" -rawin -in "$work/followup.bin" -sigfile "$work/followup.sig" > /dev/null 2>&1; then
  echo "a changed follow-up verified"; exit 1
fi
echo "walkthrough: a concern's follow-up is signed by the leader and verifies with openssl"

# A revoked device is refused from then on, and nothing of it is stored.
key2=$(fn tablet2 status --json | sed -n 's/.*"device_key": "\([0-9a-f]*\)".*/\1/p')
fn leader leader revoke "$key2" --reason "lost tablet"
id=$(fn tablet2 note add --engagement "$engagement2" --kind observation --text "after revocation" | grep -o '[0-9a-f-]\{36\}' | head -1)
fn tablet2 note sign "$id" > /dev/null
if fn tablet2 sync 2>"$work/revoked.err"; then echo "a revoked device synced"; exit 1; fi
fn tablet2 status --json | grep -q '"enrolment": "revoked"'
echo "walkthrough: the revoked device is refused"
# Issue 14: a deputy leader. The team leader makes a deputy's code; the tablet that joins with it
# is entered with its own keys, collects what tablets seal after that, enrols a tablet (its
# roster entry checks out with openssl), and once the leader revokes it the archive refuses it.
for v in deputy tablet3; do fn $v init --kdf interactive > /dev/null; done
deputy_code=$(fn leader leader invite --deputy 2>>"$work/invite.err" | tail -1)
fn deputy join "$deputy_code" --label "deputy's tablet" > /dev/null
fn leader leader approve --all | grep -q "as deputy-leader" || { echo "the deputy was not approved as one"; exit 1; }
fn deputy sync > /dev/null
id=$(fn tablet1 note add --engagement "$engagement" --kind statement --evidence-not-asked --text "tablet one, after the deputy came" | grep -o '[0-9a-f-]\{36\}' | head -1)
fn tablet1 note sign "$id" > /dev/null
fn tablet1 sync > /dev/null
fn deputy leader collect --json > "$work/deputy-collect.json"
python3 - "$work/deputy-collect.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["new_notes"] == 1 and report["sealed_for_others"] >= 4, report
assert all(not device["problems"] for device in report["devices"]), report
PY
fn tablet1 sync | grep -q "newly collected 1" || { echo "the tablet did not take the deputy's word"; exit 1; }
code3=$(fn deputy leader invite 2>>"$work/invite.err" | tail -1)
fn tablet3 join "$code3" --label "tablet 3" > /dev/null
fn deputy leader approve --all | grep -q "approved"
fn tablet3 sync > /dev/null
fn tablet3 status --json | grep -q '"enrolment": "enrolled"'
curl -sk "$url/v1/reviews/$(fn leader status --json | sed -n 's/.*"review": "\([^"]*\)".*/\1/p')/roster" > "$work/roster.json"
python3 - "$work/roster.json" "$work" <<'PY'
import json, sys
entry = json.load(open(sys.argv[1]))["entries"][-1]
out = sys.argv[2]
assert entry["label"] == "tablet 3" and "signer" in entry, entry
body = {k: v for k, v in entry.items() if k != "signature"}
open(f"{out}/entry.bin", "wb").write(b"fieldnotes-roster-v1\n" + json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode())
open(f"{out}/entry.sig", "wb").write(bytes.fromhex(entry["signature"]))
open(f"{out}/deputy.der", "wb").write(bytes.fromhex("302a300506032b6570032100" + entry["signer"]))
PY
openssl pkey -pubin -inform DER -in "$work/deputy.der" -out "$work/deputy.pem"
openssl pkeyutl -verify -pubin -inkey "$work/deputy.pem" -rawin -in "$work/entry.bin" -sigfile "$work/entry.sig" | grep -q "Signature Verified Successfully"
deputy_key=$(fn deputy status --json | sed -n 's/.*"device_key": "\([0-9a-f]*\)".*/\1/p')
fn leader leader revoke "$deputy_key" --reason "left the team"
if fn deputy leader collect 2>"$work/deputy.err"; then echo "a revoked deputy collected"; exit 1; fi
grep -q "revoked" "$work/deputy.err" || { cat "$work/deputy.err"; exit 1; }
fn tablet1 sync > /dev/null
fn leader leader collect --json | grep -q '"new_notes": 1' || { echo "the leader did not collect the note the deputy collected"; exit 1; }
echo "walkthrough: a deputy collected, enrolled a tablet (openssl checks its entry) and was revoked"
# Issue 14: the leader's tablet is lost; the recovery kit carries the review on in a new vault,
# which collects every note again. A wrong recovery passphrase leaves no vault behind.
printf '%s\n%s\n' "$pass" "walkthrough recovery passphrase" | "$cli" --vault "$work/leader" --passphrase-fd 0 \
  leader recovery-kit --output "$work/kit.json" --page "$work/kit.pdf" > /dev/null
# The printed page's QR code, read by zbar from the page rendered as a picture, is the kit.
pdftoppm -r 150 -png -singlefile "$work/kit.pdf" "$work/kit-page"
zbarimg --raw -q -Sdisable -Sqrcode.enable "$work/kit-page.png" > "$work/kit-scanned.json" # QR codes only: the printed text is no barcode
cmp <(tr -d '\n' < "$work/kit.json") <(tr -d '\n' < "$work/kit-scanned.json") || { echo "the kit's QR code does not read back as the kit"; exit 1; }
pdftotext "$work/kit.pdf" - | grep -q "Fieldnotes recovery kit" || { echo "the kit's page lacks its title"; exit 1; }
count_notes() { fn "$1" leader notes --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
before=$(count_notes leader)
if printf '%s\n%s\n' "$pass" "not the recovery passphrase" | "$cli" --vault "$work/restored" --passphrase-fd 0 \
     leader restore --kit "$work/kit.json" --kdf interactive > /dev/null 2> "$work/restore.err"; then
  echo "restored with a wrong recovery passphrase"; exit 1
fi
grep -q "wrong recovery passphrase" "$work/restore.err" || { cat "$work/restore.err"; exit 1; }
if fn restored leader restore --kit "$work/no-such-kit.json" > /dev/null 2> "$work/restore.err"; then echo "restored from no kit"; exit 1; fi
grep -q "cannot read the kit" "$work/restore.err" || { cat "$work/restore.err"; exit 1; }
[ ! -e "$work/restored" ] || { echo "a refused restore left a vault behind"; exit 1; }
printf '%s\n%s\n' "$pass" "walkthrough recovery passphrase" | "$cli" --vault "$work/restored" --passphrase-fd 0 \
  leader restore --kit "$work/kit.json" --kdf interactive > "$work/restore.out"
grep -q "notes collected again from the archive and verified, none with a problem" "$work/restore.out" || { cat "$work/restore.out"; exit 1; }
after=$(count_notes restored)
[ "$before" -gt 0 ] && [ "$before" = "$after" ] || { echo "restored $after of $before notes"; exit 1; }
echo "walkthrough: the leader's vault restored from the recovery kit holds all $after notes again"

if [ "$scheme" = https ]; then
  # Row: a certificate other than the pinned one is refused.
  fn impostor init --kdf interactive > /dev/null
  fn impostor review add --title "Other" --start 2026-11-23 --end 2026-11-27 > /dev/null
  if fn impostor leader create-review --archive "$url" --fingerprint "$(printf '0%.0s' $(seq 64))" --creation-code x 2>"$work/pin.err"; then
    echo "an archive with an unpinned certificate was trusted"; exit 1
  fi
  grep -q "not the one pinned" "$work/pin.err"
  echo "walkthrough: a certificate other than the pinned one is refused"
  # Row: an old TLS version is refused. The client is allowed everything (security level 0) and
  # offers only that version; the same client with TLS 1.2 gets through.
  port=${url##*:}
  for old in tls1 tls1_1; do
    if openssl s_client -connect "127.0.0.1:$port" "-$old" -cipher 'DEFAULT:@SECLEVEL=0' < /dev/null > "$work/$old.out" 2>&1; then
      echo "the archive accepted $old"; exit 1
    fi
  done
  openssl s_client -connect "127.0.0.1:$port" -tls1_2 < /dev/null > "$work/tls1_2.out" 2>&1 || { echo "TLS 1.2 was refused"; exit 1; }
  echo "walkthrough: TLS 1.0 and 1.1 are refused, TLS 1.2 is accepted"
  # Security review, finding 11: in TLS 1.2 only ECDHE with AES-GCM or ChaCha20-Poly1305.
  for weak in 'ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256' 'AES128-GCM-SHA256:AES256-SHA' \
              'PSK:ECDHE-PSK-CHACHA20-POLY1305:DHE-PSK-AES128-GCM-SHA256' 'DHE-RSA-AES128-GCM-SHA256'; do
    if openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$weak:@SECLEVEL=0" -psk 00112233 < /dev/null > "$work/weak.out" 2>&1; then
      echo "the archive accepted $weak"; cat "$work/weak.out"; exit 1
    fi
  done
  for strong in ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-ECDSA-CHACHA20-POLY1305; do
    openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$strong" < /dev/null > "$work/strong.out" 2>&1 || { echo "$strong was refused"; exit 1; }
  done
  [ "$(stat -c %a "$work/archive/tls-key.pem")" = 600 ]
  end=$(date -d "$(openssl x509 -in "$work/archive/tls-cert.pem" -noout -enddate | cut -d= -f2)" +%s)
  [ $(( (end - $(date +%s)) / 86400 )) -le 825 ] || { echo "the certificate lives longer than 825 days"; exit 1; }
  echo "walkthrough: only ECDHE AEAD suites in TLS 1.2; the key is 0600; the certificate lives 825 days"
fi
echo "1 passed, 0 failed"
