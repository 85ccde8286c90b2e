#!/usr/bin/env bash
# Runs drive_interview.py against the real fieldnotes executable on a fresh vault under Xvfb,
# then checks the vault with fieldnotes-cli. usage: run_e2e.sh FIELDNOTES FIELDNOTES_CLI OUTDIR WIDTH HEIGHT
set -euo pipefail
app=$1; cli=$2; out=$3; width=$4; height=$5
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool import dbus-run-session /usr/libexec/at-spi-bus-launcher; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing"; exit 1; }
done
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vault="$work/vault"
passphrase="e2e passphrase 4 tablets"

export -f 2>/dev/null || true
dbus-run-session -- bash -c '
  set -euo pipefail
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 '"${width}x${height}"'x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  export DISPLAY=$display
  QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "'"$app"'" --vault "'"$vault"'" --demo >"'"$out"'/app-'"$width"'x'"$height"'.log" 2>&1 &
  app=$!
  status=0
  /usr/bin/python3 "'"$here"'/drive_interview.py" "'"$passphrase"'" "'"$out"'/'"$width"'x'"$height"'" '"$width"' '"$height"' || status=$?
  kill $app $xvfb 2>/dev/null || true
  wait $app 2>/dev/null || true
  exit $status
'

# Row 26 of RELIABILITY.md from the user's side: what was typed is nowhere in the vault's files.
for typed in "breakfast club doubled attendance" "tuck shop" "E2E interview"; do
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
signed=$(grep -c '"state": "signed"' <<<"$list")
[ "$signed" -ge 3 ] || { echo "e2e: expected at least 3 signed notes, found $signed"; exit 1; }
echo "e2e: $signed signed notes verified"
echo "1 passed, 0 failed"
