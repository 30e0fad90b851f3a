#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Partner Desk: the system packages it builds and tests
# against, then the project's npm packages from package-lock.json.
# On Windows and macOS no system packages are needed: run `npm ci` instead.
set -euo pipefail
cd "$(dirname "$0")/.."

# libsecret-1-dev: keytar (OS keychain) builds against it. chromium: the end-to-end tests drive the
# renderer in it. gnome-keyring + dbus: a real Secret Service for the keychain tests.
packages=(libsecret-1-dev chromium gnome-keyring dbus)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "Please install these system packages with your package manager: ${missing[*]}" >&2
    exit 1
  fi
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  echo "Installing system packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# `--system-only` stops here (CI installs the npm packages itself, as its own visible step).
[ "${1:-}" = "--system-only" ] && exit 0
npm ci --no-audit --no-fund
