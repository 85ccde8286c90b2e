#!/usr/bin/env bash
# The team leader's evidence desk end to end: a real archive on 127.0.0.1 (pinned TLS), a leader
# and two tablets (a reviewer and a Young Inspector) made with fieldnotes-cli, the tablets' notes
# sent; then the real fieldnotes app, on the leader's vault under Xvfb, collects and reads them,
# follows up the concern, makes a finding from both tablets' notes and triangulates it, issues
# the report's versions, records the consultation, and saves the final report, the evidence
# bundle and the exports (drive_desk.py). Afterwards fieldnotes-cli, openssl, sha256sum,
# sha512sum, xmllint and Python's csv check what the app recorded and wrote.
# usage: run_desk_e2e.sh FIELDNOTES FIELDNOTES_CLI FIELDNOTES_ARCHIVE OUTDIR WIDTH HEIGHT
set -euo pipefail
app=$1; cli=$2; archive=$3; out=$4; width=$5; height=$6
here=$(cd "$(dirname "$0")" && pwd)
. "$here/app_session.sh"
for tool in Xvfb xdotool import dbus-run-session /usr/libexec/at-spi-bus-launcher openssl; do
  command -v "$tool" >/dev/null || { echo "desk e2e: $tool is missing"; exit 1; }
done
mkdir -p "$out"
work=$(mktemp -d)
archive_pid=
trap 'kill $archive_pid 2>/dev/null || true; rm -rf "$work"' EXIT
passphrase="desk e2e passphrase 4 leaders"
fn() { local vault=$1; shift; printf '%s\n' "$passphrase" | "$cli" --vault "$work/$vault" --passphrase-fd 0 "$@"; }
id_of() { grep -o '[0-9a-f-]\{36\}' | head -1; }

echo "$passphrase" > "$work/archive.pass"
"$archive" --data "$work/archive" --passphrase-file "$work/archive.pass" --listen 127.0.0.1:0 --kdf interactive > "$work/archive.log" 2>&1 &
archive_pid=$!
for _ in $(seq 300); do grep -q "archive key" "$work/archive.log" && break; sleep 0.1; done
url=$(grep -o "https://127.0.0.1:[0-9]*" "$work/archive.log")
fingerprint=$(sed -n 's/^certificate SHA-256 fingerprint: //p' "$work/archive.log")

for vault in leader tablet1 tablet2; do fn $vault init --kdf interactive > /dev/null; done
fn leader review add --title "Spring review" --start 2026-03-02 --end 2026-03-06 > /dev/null
priority=$(fn leader priority add --title "Attendance" --line "Is the breakfast club reaching the pupils who miss school?" | id_of)
fn leader priority add --title "Early help" > /dev/null
interview=$(fn leader engagement add --kind interview --priority "$priority" --start 2026-03-02T09:00:00Z --minutes 45 \
  --title "Head of service" --participants "head of service=1" | id_of)
focus=$(fn leader engagement add --kind focus-group --priority "$priority" --start 2026-03-03T10:00:00Z --minutes 45 \
  --title "Pupils' focus group" --participants "young person=6" | id_of)
fn leader leader create-review --archive "$url" --fingerprint "$fingerprint" \
  --creation-code "$("$archive" review-code --data "$work/archive" --passphrase-file "$work/archive.pass" --kdf interactive 2>/dev/null)" > /dev/null
fn leader leader desk-review set "$priority" --rag amber --trend "Persistent absence up two years running" \
  --line "Is the breakfast club reaching the pupils who miss school?" > /dev/null
printf '%s\n%s\n' "$passphrase" "e2e recovery passphrase" | "$cli" --vault "$work/leader" --passphrase-fd 0 \
  leader recovery-kit --output "$work/recovery-kit.fnkit" > /dev/null
fn tablet1 join "$(fn leader leader invite 2>/dev/null | tail -1)" --role reviewer --label "Tablet 1" > /dev/null
fn tablet2 join "$(fn leader leader invite 2>/dev/null | tail -1)" --role young-inspector --label "YI tablet" > /dev/null
fn leader leader approve --all > /dev/null
fn tablet1 sync > /dev/null
fn tablet2 sync > /dev/null
signed() { local vault=$1; shift; fn "$vault" note sign "$(fn "$vault" note add "$@" | id_of)" > /dev/null; }
signed tablet1 --engagement "$interview" --kind statement --evidence-asked --evidence-given \
  --text "Attendance rose by four percent since the breakfast club opened; the termly data shows it"
signed tablet1 --engagement "$focus" --kind statement --evidence-asked --text "The pupils said the breakfast club helps them come in"
signed tablet1 --engagement "$focus" --kind concern --text "A pupil said they are afraid to walk home past the park"
signed tablet2 --engagement "$focus" --kind observation --text "We saw pupils running the breakfast rota themselves"
fn tablet1 sync > /dev/null
fn tablet2 sync > /dev/null
echo "desk e2e: two tablets delivered 4 signed notes to the archive"

drive_app "$width" "$height" "$app" "$out/desk-app-${width}x${height}.log" "$work/leader" "" \
  "$here/drive_desk.py" "$passphrase" "$out/${width}x${height}" "$width" "$height" "$work/files"

# What the app recorded, read back by fieldnotes-cli from the leader's vault.
findings=$(fn leader leader finding list --json)
python3 -c '
import json, sys
findings = json.loads(sys.argv[1])
assert len(findings) == 1, findings
f = findings[0]
assert f["kind"] == "good-practice" and f["substantiated"], f
assert sorted(f["sources"]) == ["leaders", "observation"], f
' "$findings"
echo "desk e2e: the finding made in the app is substantiated by the reviewer'"'"'s and the Young Inspector'"'"'s notes"
reviews=$(fn leader leader desk-review list --json)
python3 -c '
import json, sys
review, = json.loads(sys.argv[1])
assert review["rag"] == "red", review
assert review["criteria"]["targets"] == "Attendance 93.1% against a target of 95%", review
assert review["criteria"]["trend"] == "Persistent absence up two years running", review
' "$reviews"
echo "desk e2e: the desk-top review edited in the app is saved, with what fieldnotes-cli had set"
concerns=$(fn leader leader concerns --json)
python3 - "$concerns" "$work" <<'PY'
import base64, json, sys
concern, = json.loads(sys.argv[1])
follow_up, = concern["follow_ups"]
assert follow_up["record"]["raised_with"] == "the school's designated safeguarding lead", follow_up
signed = base64.b64decode(follow_up["signed_bytes"])
# The bytes signed are the domain line and the canonical record: recomputed here, not trusted.
assert signed == b"fieldnotes-concern-followup-v1\n" + json.dumps(follow_up["record"], sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(), signed
open(sys.argv[2] + "/followup.bin", "wb").write(signed)
open(sys.argv[2] + "/followup.sig", "wb").write(bytes.fromhex(follow_up["signature"]))
open(sys.argv[2] + "/leader.der", "wb").write(bytes.fromhex("302a300506032b6570032100" + follow_up["record"]["leader_key"]))
PY
openssl pkey -pubin -inform DER -in "$work/leader.der" -out "$work/leader.pem"
openssl pkeyutl -verify -pubin -inkey "$work/leader.pem" -rawin -in "$work/followup.bin" -sigfile "$work/followup.sig" | grep -q "Signature Verified Successfully"
echo "desk e2e: the concern's follow-up, signed in the app, verifies with openssl"
# The final report of what the app recorded: the finding, its notes by reference, and no note's text.
fn leader leader report --final --output "$work/report.pdf"
fn leader leader report --final --output "$work/report.html"
pdftotext "$work/report.pdf" - | tr -s ' \n' '  ' > "$work/report.txt"
grep -q "Pupils run the breakfast club and attendance has risen" "$work/report.txt" \
  || { echo "desk e2e: the finding is not in the report"; exit 1; }
for hash in $(python3 -c 'import json,sys; print(" ".join(s["note"][:12] for s in json.loads(sys.argv[1])[0]["support"]))' "$findings"); do
  grep -q "$hash" "$work/report.txt" || { echo "desk e2e: note $hash is not referenced in the report"; exit 1; }
  grep -q "<code>$hash</code>" "$work/report.html" || { echo "desk e2e: note $hash is not in the HTML report"; exit 1; }
done
pdftoppm -r 50 -png -f 1 -l 1 "$work/report.pdf" "$out/${width}x${height}-report"
echo "desk e2e: the final report names the finding and the signed notes it rests on"

# The versions the app issued, in the methodology's order, and the files it saved.
[ "$(fn leader leader report versions --json | python3 -c 'import json,sys; print(",".join(v["stage"] for v in json.load(sys.stdin)))')" = "preview,consultation,final" ] \
  || { echo "desk e2e: the versions are not preview, consultation, final"; exit 1; }
for file in report-v3-final.pdf report-v3-final.html; do
  openssl pkeyutl -verify -pubin -inkey "$work/files/review-key.pem" -rawin -in "$work/files/$file" -sigfile "$work/files/$file.sig" \
    | grep -q "Signature Verified Successfully" || { echo "desk e2e: $file does not verify"; exit 1; }
done
pdftoppm -r 50 -png "$work/files/report-v3-final.pdf" "$out/${width}x${height}-final-report"
pdftotext "$work/files/report-v3-final.pdf" - | tr -s ' \n' '  ' > "$work/final.txt"
# A table cell wraps, so its words are looked for one short run at a time.
for words in "Responses to the consultation" "Agreed:" "head of service"; do
  grep -q "$words" "$work/final.txt" || { echo "desk e2e: the final report does not list the consultation's response ($words)"; exit 1; }
done
[ "$(fn leader leader consultation list --json | python3 -c 'import json,sys; r,=json.load(sys.stdin); print(r["from"], r["decision"])')" = "head of service accepted" ] \
  || { echo "desk e2e: the response recorded in the app is not in the vault"; exit 1; }
python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 4, rows
assert sum(1 for r in rows if r["findings"]) == 2, rows
' "$work/files/collected-notes.csv"
# The evidence bundle, checked by fieldnotes-cli and by the standard-tools recipe of docs/evidence-bundle.md.
bundle=$(ls -d "$work"/files/evidence-bundle-* | head -1)
"$cli" verify-bundle "$bundle" > /dev/null || { echo "desk e2e: the bundle does not verify"; exit 1; }
(cd "$bundle" && sha256sum -c --quiet manifest-sha256.txt && sha512sum -c --quiet manifest-sha512.txt \
  && sha256sum -c --quiet tagmanifest-sha256.txt \
  && openssl pkeyutl -verify -pubin -inkey data/review-key.pem -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig \
  | grep -q "Signature Verified Successfully") || { echo "desk e2e: the bundle fails the standard-tools recipe"; exit 1; }
# The leader's signed word to the archive, rebuilt from the bundle's JSON and checked with openssl.
python3 - "$bundle" "$work" <<'PY'
import json, sys
bag, work = sys.argv[1], sys.argv[2]
retention = json.load(open(bag + "/data/archive-retention.json"))
assert retention["retention_days"] == 0, retention
notes = 0
for i, statement in enumerate(retention["statements"]):
    lines = ["fieldnotes-archived-v1", statement["review"], statement["device"], statement["remove_after"]]
    lines += ["%d %s %s" % (e["seq"], e["hash"], e["note_hash"]) for e in statement["envelopes"]]
    open("%s/archived-%d.bin" % (work, i), "wb").write(("\n".join(lines) + "\n").encode())
    open("%s/archived-%d.sig" % (work, i), "wb").write(bytes.fromhex(statement["signature"]))
    notes += len(statement["envelopes"])
assert notes == 4 and len(retention["statements"]) == 2, retention
PY
for i in 0 1; do
  openssl pkeyutl -verify -pubin -inkey "$bundle/data/review-key.pem" -rawin -in "$work/archived-$i.bin" -sigfile "$work/archived-$i.sig" \
    | grep -q "Signature Verified Successfully" || { echo "desk e2e: archived statement $i does not verify"; exit 1; }
done
grep -q "^Archive-Retention: the archive may remove the envelopes of 4 notes after " "$bundle/bag-info.txt" \
  || { echo "desk e2e: bag-info.txt does not record the archive's retention"; exit 1; }
echo "desk e2e: the evidence bundle the app made verifies, with fieldnotes-cli and with sha256sum, sha512sum and openssl, and records the archive's retention, signed"
mkdir -p "$work/qdpx" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$work/files/review.qdpx" "$work/qdpx"
xmllint --noout --schema "$here/../data/refi-qda/Project.xsd" "$work/qdpx/project.qde" 2>/dev/null \
  || { echo "desk e2e: the REFI-QDA project does not validate"; exit 1; }
echo "desk e2e: preview, draft for consultation and final report issued in the app; the final one verifies with openssl and lists the consultation"
echo "1 passed, 0 failed"
