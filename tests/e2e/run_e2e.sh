#!/usr/bin/env bash
# Runs drive_interview.py against the real fieldnotes executable on a fresh vault under Xvfb,
# then checks the vault with fieldnotes-cli. With an archive binary as sixth argument it also
# starts a local archive and a demo team leader, and the app joins and sends its notes there.
# With "lead" as seventh argument the app is the team leader's instead: it connects its review to
# that archive and makes an invitation.
# usage: run_e2e.sh FIELDNOTES FIELDNOTES_CLI OUTDIR WIDTH HEIGHT [FIELDNOTES_ARCHIVE [join|lead]]
set -euo pipefail
app=$1; cli=$2; out=$3; width=$4; height=$5; archive=${6:-}; mode=${7:-join}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/app_session.sh"
for tool in Xvfb xdotool import convert qrencode dbus-run-session /usr/libexec/at-spi-bus-launcher; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing"; exit 1; }
done
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vault="$work/vault"
# The app's settings and "Pictures" folder are this run's own, not the user's.
export XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_CONFIG_HOME" "$work/Pictures" "$work/Documents"
printf 'XDG_PICTURES_DIR="%s"\nXDG_DOCUMENTS_DIR="%s"\n' "$work/Pictures" "$work/Documents" > "$XDG_CONFIG_HOME/user-dirs.dirs"
passphrase="e2e passphrase 4 tablets"

leader() { printf '%s\n' "$passphrase" | "$cli" --vault "$work/leader" --passphrase-fd 0 "$@"; }
if [ -n "$archive" ]; then
  echo "$passphrase" > "$work/archive.pass"
  "$archive" --data "$work/archive" --passphrase-file "$work/archive.pass" --listen 127.0.0.1:0 --kdf interactive \
    > "$work/archive.log" 2>&1 &
  archive_pid=$!
  trap 'kill $archive_pid ${approver:-} 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 300); do grep -q "archive key" "$work/archive.log" && break; sleep 0.1; done
  url=$(grep -o "https://127.0.0.1:[0-9]*" "$work/archive.log")
  fingerprint=$(sed -n 's/^certificate SHA-256 fingerprint: //p' "$work/archive.log")
fi
if [ -n "$archive" ] && [ "$mode" = lead ]; then
  export FIELDNOTES_E2E_LEAD_ARCHIVE=$url FIELDNOTES_E2E_LEAD_FINGERPRINT=$fingerprint
  export FIELDNOTES_E2E_LEAD_CODE=$("$archive" review-code --data "$work/archive" --passphrase-file "$work/archive.pass" --kdf interactive 2>/dev/null)
elif [ -n "$archive" ]; then
  leader init --kdf interactive > /dev/null
  leader demo > /dev/null # the same demo week, so the same review as the app's demo
  leader leader create-review --archive "$url" --fingerprint "$fingerprint" \
    --creation-code "$("$archive" review-code --data "$work/archive" --passphrase-file "$work/archive.pass" --kdf interactive 2>/dev/null)"
  printf '%s\n%s\n' "$passphrase" "e2e recovery passphrase" | "$cli" --vault "$work/leader" --passphrase-fd 0 \
    leader recovery-kit --output "$work/recovery-kit.fnkit" > /dev/null
  export FIELDNOTES_E2E_CODE=$(leader leader invite 2>/dev/null | tail -1)
  # A photo of the invitation as a tablet camera takes it off the leader's screen: the QR code
  # (made by qrencode, not by Fieldnotes) tilted on a grey background, saved as JPEG.
  qrencode -s 8 -o "$work/invitation.png" "$FIELDNOTES_E2E_CODE"
  convert "$work/invitation.png" -background "#8a8a80" -rotate 6 -gravity center -extent 1400x1000 -quality 85 \
    "$work/Pictures/leaders-code.jpg"
  (while sleep 1; do leader leader approve --all > /dev/null 2>&1 || true; done) &
  approver=$!
fi

drive_app "$width" "$height" "$app" "$out/app-${width}x${height}.log" "$vault" --demo \
  "$here/drive_interview.py" "$passphrase" "$out/${width}x${height}" "$width" "$height"

# Row 26 of RELIABILITY.md from the user's side: what was typed is nowhere in the vault's files.
for typed in "breakfast club doubled attendance" "tuck shop" "E2E interview" "scared to go home" "Jamie"; do
  if grep -rqF "$typed" "$vault"; then
    echo "e2e: plaintext \"$typed\" found in the vault directory"
    exit 1
  fi
done
echo "e2e: no typed text in the vault's files"

echo "e2e: checking the vault with fieldnotes-cli"
printf '%s\n' "$passphrase" | "$cli" --vault "$vault" --passphrase-fd 0 verify
list=$(printf '%s\n' "$passphrase" | "$cli" --vault "$vault" --passphrase-fd 0 note list --json)
for expected in "breakfast club doubled attendance" "Pupils run the rota themselves" "tuck shop"; do
  grep -q "$expected" <<<"$list" || { echo "e2e: note missing: $expected"; exit 1; }
done
grep -q '"kind": "concern"' <<<"$list" || { echo "e2e: the concern is missing"; exit 1; }
if grep -q "Jamie" <<<"$list"; then echo "e2e: the name flagged in the concern was signed"; exit 1; fi
signed=$(grep -c '"state": "signed"' <<<"$list")
[ "$signed" -ge 3 ] || { echo "e2e: expected at least 3 signed notes, found $signed"; exit 1; }
echo "e2e: $signed signed notes verified"
if [ -n "$archive" ] && [ "$mode" = lead ]; then
  monday=$(date -d "-$(( $(date +%u) - 1 )) days" +%F)
  roster=$(curl -sk "$url/v1/reviews/demo-$monday/roster")
  grep -q '"genesis"' <<<"$roster" && grep -q '"member"' <<<"$roster" \
    || { echo "e2e: the app did not connect its review to the archive: $roster"; exit 1; }
  echo "e2e: the app, as team leader, put its review and signed roster on the archive"
  # The recovery kit made in the app: its page's QR code, read by zbar, is the kit file. Only QR
  # codes are looked for: the kit is printed as text on the same page, and a line of it can
  # read to zbar as a one-dimensional barcode too.
  kit=$(ls "$work"/Documents/Fieldnotes/fieldnotes-recovery-kit-*.fnkit 2>/dev/null | head -1)
  [ -n "$kit" ] || { echo "e2e: the app wrote no recovery kit"; exit 1; }
  pdftoppm -r 150 -png -singlefile "${kit%.fnkit}.pdf" "$work/kit-page"
  if ! cmp <(tr -d '\n' < "$kit") <(zbarimg --raw -q -Sdisable -Sqrcode.enable "$work/kit-page.png" | tr -d '\n'); then
    echo "e2e: the kit's page does not read back as the kit ($(wc -c < "$kit") bytes); what zbar finds on it:"
    zbarimg -q "$work/kit-page.png" | cut -c1-120 || true
    exit 1
  fi
  if grep -qF "e2e recovery passphrase" "$kit"; then echo "e2e: the recovery passphrase is in the kit"; exit 1; fi
  echo "e2e: the app made the recovery kit before inviting; its printed QR code reads back as the kit"
  # The leader's tablet is lost: a new tablet's first run restores the review from that kit.
  new_vault="$work/new-leader-vault"
  drive_app "$width" "$height" "$app" "$out/app-restore-${width}x${height}.log" "$new_vault" "" \
    "$here/drive_restore.py" "$passphrase" "$kit" "e2e recovery passphrase" "$out/${width}x${height}" "$width" "$height"
  roster=$(curl -sk "$url/v1/reviews/demo-$monday/roster")
  grep -q '"revocation"' <<<"$roster" || { echo "e2e: the lost leader's tablet was not revoked: $roster"; exit 1; }
  printf '%s\n' "$passphrase" | "$cli" --vault "$new_vault" --passphrase-fd 0 leader notes --json > /dev/null \
    || { echo "e2e: the restored notebook does not lead the review"; exit 1; }
  echo "e2e: a new tablet took the review over from the kit in the app; the lost one is revoked"
fi
if [ -n "$archive" ] && [ "$mode" = join ]; then
  collected=$(leader leader collect --json)
  grep -q '"new_notes": [3-9]' <<<"$collected" || { echo "e2e: the leader did not collect the tablet's notes: $collected"; exit 1; }
  echo "e2e: the team leader collected and verified the tablet's notes"
fi
echo "1 passed, 0 failed"
