#!/usr/bin/env bash
# run-app.sh: install what is missing, build, and run Impact Mapper on an example map.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run-app.sh [FILE.impactmap]

set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/deps.sh build

# Optimised, so that the app is judged as it ships, not by a -O0 build (the
# test command keeps its debug build in build-tests).
if [ -f build/build.ninja ]; then
  meson configure build --buildtype=debugoptimized >/dev/null
else
  meson setup build --buildtype=debugoptimized
fi
ninja -C build

map=${1:-data/examples/edtech-weekly-learners.impactmap}
# Run from the build tree: use the schema compiled there.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
# And the translations compiled there (try LANGUAGE=de).
export IMP_LOCALEDIR="$PWD/build/po"
exec ./build/src/impact-mapper "$map"
