#!/usr/bin/python3
"""Writes tests/data/signed-note-vector-v2.json from nothing but standard tools: cbor2 for the
canonical bytes, openssl for Ed25519, hashlib for BLAKE2b. The app's encoder must produce the
same bytes (tst_signednote), so the format is pinned by an implementation that is not ours.

usage: make_signed_note_vector.py OUTPUT.json
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import cbor2

SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")  # RFC 8032 test 1
PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
PREVIOUS = bytes.fromhex("5c1f0e7a9b3d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4")

fields = {
    "v": 2,
    "id": "7a1c0e52-3b9d-4f6a-8c2e-0d1f2a3b4c5d",
    "seq": 3,
    "kind": "statement",
    "prev": PREVIOUS,
    "text": "A youth worker said the breakfast club doubled attendance; asked for evidence, they showed the register.",
    "type": "fieldnotes/note",
    "amends": b"",
    "author": PUBLIC,
    "review": "0b7e3a52-6f1d-4c8e-a2b9-5d4c3b2a1f0e",
    "signed": "2010-04-20T11:05:00.000Z",
    "created": "2010-04-20T10:48:12.500Z",
    "engagement": "c4d2e1f0-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
    "signer_role": "reviewer",
    "signer_label": "Reviewer B",
    "evidence_asked": True,
    "evidence_given": True,
}
canonical = cbor2.dumps(fields, canonical=True)

with tempfile.TemporaryDirectory() as work:
    key = os.path.join(work, "key.der")
    message = os.path.join(work, "canonical.bin")
    with open(key, "wb") as out:  # PKCS#8 for a raw Ed25519 seed: a fixed 16-byte prefix
        out.write(bytes.fromhex("302e020100300506032b657004220420") + SEED)
    with open(message, "wb") as out:
        out.write(canonical)
    signature = subprocess.run(["openssl", "pkeyutl", "-sign", "-keyform", "DER", "-inkey", key, "-rawin", "-in", message],
                               check=True, capture_output=True).stdout
note_hash = hashlib.blake2b(canonical + signature, digest_size=32).hexdigest()

vector = {
    "id": fields["id"], "review": fields["review"], "engagement": fields["engagement"], "kind": fields["kind"],
    "text": fields["text"], "evidence_asked": True, "evidence_given": True, "amends": "",
    "created_at": fields["created"], "signed_at": fields["signed"], "sequence": fields["seq"],
    "previous_hash": PREVIOUS.hex(), "signer_role": fields["signer_role"], "signer_label": fields["signer_label"],
    "hash": note_hash, "public_key": base64.b64encode(PUBLIC).decode(), "public_key_hex": PUBLIC.hex(),
    "signature": base64.b64encode(signature).decode(), "signature_hex": signature.hex(),
    "canonical": base64.b64encode(canonical).decode(), "canonical_hex": canonical.hex(),
    "secret_seed_hex": SEED.hex(),
}
with open(sys.argv[1], "w") as out:
    json.dump(vector, out, indent=4, sort_keys=True)
    out.write("\n")
