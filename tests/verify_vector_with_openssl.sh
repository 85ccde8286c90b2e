#!/usr/bin/env bash
# Checks the documented signed-note test vector with standard tools only (python3 for JSON and
# base64, cbor2 for the canonical bytes, openssl for Ed25519, b2sum for BLAKE2b), as
# docs/signed-note-format.md tells a leader to.
set -euo pipefail
vector=${1:?usage: verify_vector_with_openssl.sh VECTOR.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$vector" "$work" <<'PY'
import base64, json, sys
import cbor2
note = json.load(open(sys.argv[1]))
out = sys.argv[2]
# The signed bytes are canonical CBOR (cbor2 re-encodes them identically) and say what the JSON says.
canonical = base64.b64decode(note["canonical"])
fields = cbor2.loads(canonical)
assert cbor2.dumps(fields, canonical=True) == canonical, "the signed bytes are not canonical CBOR"
for key, field in [("id", "id"), ("text", "text"), ("kind", "kind"), ("review", "review"), ("engagement", "engagement"),
                   ("signed_at", "signed"), ("created_at", "created"), ("sequence", "seq")]:
    assert fields[field] == note[key], f"{key} differs from the signed {field}"
if fields["v"] >= 2:
    assert (fields["signer_role"], fields["signer_label"]) == (note["signer_role"], note["signer_label"]), "the signer differs"
print(f"canonical CBOR ok: format {fields['v']}, {len(fields)} fields")
open(f"{out}/canonical.bin", "wb").write(base64.b64decode(note["canonical"]))
open(f"{out}/signature.bin", "wb").write(base64.b64decode(note["signature"]))
# An Ed25519 SubjectPublicKeyInfo is a fixed 12-byte DER prefix followed by the raw key.
open(f"{out}/public.der", "wb").write(bytes.fromhex("302a300506032b6570032100") + base64.b64decode(note["public_key"]))
open(f"{out}/hash.txt", "w").write(note["hash"])
PY

openssl pkey -pubin -inform DER -in "$work/public.der" -out "$work/public.pem"
openssl pkeyutl -verify -pubin -inkey "$work/public.pem" -rawin -in "$work/canonical.bin" -sigfile "$work/signature.bin"
computed=$(cat "$work/canonical.bin" "$work/signature.bin" | b2sum -l 256 | cut -d' ' -f1)
if [ "$computed" != "$(cat "$work/hash.txt")" ]; then
  echo "hash mismatch: computed $computed" >&2
  exit 1
fi
echo "hash ok: $computed"

# A changed byte must make openssl refuse the signature.
printf 'X' | dd of="$work/canonical.bin" bs=1 seek=40 conv=notrunc status=none
if openssl pkeyutl -verify -pubin -inkey "$work/public.pem" -rawin -in "$work/canonical.bin" -sigfile "$work/signature.bin" >/dev/null 2>&1; then
  echo "a tampered note verified" >&2
  exit 1
fi
echo "tampered copy refused"
