#!/usr/bin/env bash
# Fetches the pinned SQLCipher amalgamation into DEST (inside the build tree) and refuses a
# tarball whose SHA-512 differs from deps/sqlcipher.lock. Usage: fetch-sqlcipher.sh DEST
set -euo pipefail
dest=${1:?usage: fetch-sqlcipher.sh DEST}
here=$(cd "$(dirname "$0")" && pwd)
lock="$here/sqlcipher.lock"
value() { sed -n "s/^$1=//p" "$lock"; }
package=$(value package); version=$(value version); want=$(value sha512)

if [ -f "$dest/sqlite3.c" ] && [ "$(cat "$dest/.sha512" 2>/dev/null)" = "$want" ]; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=""
if [ -n "${FIELDNOTES_SQLCIPHER_CACHE:-}" ] && [ -f "$FIELDNOTES_SQLCIPHER_CACHE/sqlcipher-$version.tgz" ]; then
  tarball="$FIELDNOTES_SQLCIPHER_CACHE/sqlcipher-$version.tgz"
else
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
  tarball=$(ls "$work"/*.tgz)
fi
got=$(sha512sum "$tarball" | cut -d' ' -f1)
if [ "$got" != "$want" ]; then
  echo "fetch-sqlcipher: SHA-512 mismatch for $package@$version" >&2
  echo "  expected $want" >&2
  echo "  got      $got" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/deps/sqlcipher-amalgamation
mkdir -p "$dest"
cp "$work"/package/deps/sqlcipher-amalgamation/{sqlite3.c,sqlite3.h,VERSION.txt} "$dest"/
echo "$want" > "$dest/.sha512"
if [ -n "${FIELDNOTES_SQLCIPHER_CACHE:-}" ]; then
  mkdir -p "$FIELDNOTES_SQLCIPHER_CACHE"
  cp -n "$tarball" "$FIELDNOTES_SQLCIPHER_CACHE/sqlcipher-$version.tgz" 2>/dev/null || true
fi
echo "fetch-sqlcipher: $package@$version verified, amalgamation SQLite $(cat "$dest/VERSION.txt")"
