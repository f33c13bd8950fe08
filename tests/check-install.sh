#!/bin/sh
# tests/check-install.sh
#
# Copyright 2026 The Impact Mapper developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a scratch folder with `meson install --destdir` and
# checks that every file a desktop needs to run, list and open the app landed
# there; then that the installed program loads its installed module (the
# OPML export is in it: imp-module.h). Usage:
# check-install.sh BUILD_DIR PREFIX MODULE_DIR PROGRAM EXAMPLE RELATIVE_PATH...
# The paths are relative to PREFIX; PROGRAM and EXAMPLE are checked as
# installed too. Prints TAP.

set -u

build_dir=$1
prefix=$2
module_dir=$3
program=$4
example=$5
shift 5

dest=$(mktemp -d "${TMPDIR:-/tmp}/imp-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT

echo "1..$(($# + 4))"

if meson install -C "$build_dir" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  echo "ok 1 - meson install --destdir succeeds"
else
  echo "not ok 1 - meson install --destdir failed:"
  sed 's/^/# /' "$dest.log"
fi
rm -f "$dest.log"

n=1
failed=0
for path in "$program" "$example" "$@"; do
  n=$((n + 1))
  file="$dest$prefix/$path"
  if [ -s "$file" ]; then
    echo "ok $n - installed $path"
  else
    echo "not ok $n - missing or empty: $path"
    failed=1
  fi
done

# The installed program, told where its modules went, exports the installed
# example to OPML through the installed module.
n=$((n + 1))
out="$dest/check.opml"
if IMP_MODULE_DIR="$dest$prefix/$module_dir" "$dest$prefix/$program" export \
     "$dest$prefix/$example" -o "$out" >"$dest/export.log" 2>&1 &&
   grep -q '<opml version="2.0">' "$out"; then
  echo "ok $n - the installed program exports OPML through its installed module"
else
  echo "not ok $n - the installed program could not export OPML through $module_dir:"
  sed 's/^/# /' "$dest/export.log"
  failed=1
fi

exit $failed
