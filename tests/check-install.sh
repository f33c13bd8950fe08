#!/bin/sh
# tests/check-install.sh
#
# Copyright 2026 The Impact Mapper developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a scratch folder with `meson install --destdir` and
# checks that every file a desktop needs to run, list and open the app landed
# there. Usage: check-install.sh BUILD_DIR PREFIX RELATIVE_PATH...
# The paths are relative to PREFIX. Prints TAP.

set -u

build_dir=$1
prefix=$2
shift 2

dest=$(mktemp -d "${TMPDIR:-/tmp}/imp-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT

echo "1..$(($# + 1))"

if meson install -C "$build_dir" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  echo "ok 1 - meson install --destdir succeeds"
else
  echo "not ok 1 - meson install --destdir failed:"
  sed 's/^/# /' "$dest.log"
fi
rm -f "$dest.log"

n=1
failed=0
for path in "$@"; do
  n=$((n + 1))
  file="$dest$prefix/$path"
  if [ -s "$file" ]; then
    echo "ok $n - installed $path"
  else
    echo "not ok $n - missing or empty: $path"
    failed=1
  fi
done

exit $failed
