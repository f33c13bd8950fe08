#!/usr/bin/env bash
# deps.sh: install the Debian 12 packages Impact Mapper needs, if any are missing.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/deps.sh build|test|all|fuzz|peers
# Runs apt-get only when something is missing; needs root (or sudo) then.

set -euo pipefail

build_pkgs=(
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  meson ninja-build pkg-config gettext libglib2.0-dev-bin gcc
  desktop-file-utils appstream fonts-cantarell fonts-dejavu-core libpng-dev
  libgsound-dev
  libxml2-dev libarchive-dev
)
test_pkgs=(
  xvfb xauth x11-utils xdotool imagemagick librsvg2-bin libxml2-utils poppler-utils
  appstream-util python3-minimal python3-jsonschema faketime
  dbus at-spi2-core python3-gi gir1.2-atspi-2.0
)
# clang's libFuzzer and sanitizer runtimes, for .ci/run's fuzzing.
fuzz_pkgs=(clang libclang-rt-14-dev)
# The peers and tools of tests/bench/compare-peers.py (never in CI: a run takes minutes).
peers_pkgs=(
  minder vym xvfb x11-apps x11-utils xdotool imagemagick time dbus zip unzip
)

case "${1:-all}" in
  build) wanted=("${build_pkgs[@]}") ;;
  test|all) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  fuzz) wanted=("${build_pkgs[@]}" "${fuzz_pkgs[@]}") ;;
  peers) wanted=("${build_pkgs[@]}" "${peers_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|all|fuzz|peers" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "error: these packages are missing and I am not root: ${missing[*]}" >&2
  echo "Install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
