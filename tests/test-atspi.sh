#!/usr/bin/env bash
# test-atspi.sh: runs tests/test-atspi.py with its own D-Bus session, so the
# app and the test meet on an accessibility bus of their own (the session
# bus starts at-spi-bus-launcher when asked for org.a11y.Bus).
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP. Needs IMP_BINARY and IMP_SOURCE_ROOT (set by tests/meson.build),
# a display (Xvfb in CI), dbus-run-session, at-spi2-core, xdotool and the
# Atspi bindings for Python (build-aux/deps.sh test installs them); skips
# when one is missing.

set -u

bin=${IMP_BINARY:?IMP_BINARY not set}
root=${IMP_SOURCE_ROOT:?IMP_SOURCE_ROOT not set}
example=${IMP_ATSPI_MAP:-$root/data/examples/edtech-weekly-learners.impactmap}

if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no X display"
  exit 0
fi
for tool in dbus-run-session xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP no $tool"
    exit 0
  fi
done
if [ ! -x /usr/libexec/at-spi-bus-launcher ]; then
  echo "1..0 # SKIP no at-spi2-core"
  exit 0
fi

# The session bus and the registry it starts talk on stdout and stderr: only
# the test's own TAP goes on.
set -o pipefail
dbus-run-session -- /usr/bin/python3 "$root/tests/test-atspi.py" "$bin" "$example" "$@" \
  2> >(grep -v -e 'Failed to set fd limit' -e 'Activating service' -e 'Successfully activated' \
       -e 'SpiRegistry daemon' >&2) \
  | grep -v -e '^SpiRegistry daemon'
