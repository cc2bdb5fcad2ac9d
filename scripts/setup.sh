#!/usr/bin/env bash
# Installs what CaseBoard's build and tests need on Debian 12, only what is missing.
# SQLCipher 4.6.1 comes from bookworm-backports (Debian 12's main archive has 3.4.1, see
# docs/BUILDING.md); the backports entry reuses the archive URI the machine already uses.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# clang, its runtime libraries (libFuzzer, the sanitizers) and llvm (llvm-symbolizer, for readable
# reports) build and run the targets of scripts/fuzz.sh.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libpoco-dev libssl-dev libargon2-dev
  xvfb xauth xkb-data
  clang libclang-rt-dev llvm
)
BACKPORT_PACKAGES=(libsqlcipher-dev sqlcipher)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sqlcipher_ok() {
  # A SQLCipher >= 4.5 with headers is already there (Debian 13, Ubuntu 24.04, or backports).
  local v
  v=$(pkg-config --modversion sqlcipher 2>/dev/null || true)
  [ -n "$v" ] || return 1
  dpkg --compare-versions "$v" ge 3.39 || return 1   # SQLCipher 4.5.0 bundles SQLite 3.39
  command -v sqlcipher >/dev/null 2>&1 || return 1
  return 0
}

need_backports=0
local_build="$(dirname "$0")/../.deps/sqlcipher/install/lib/libsqlcipher.a"
sqlcipher_ok || [ -f "$local_build" ] || need_backports=1

if [ ${#missing[@]} -eq 0 ] && [ $need_backports -eq 0 ]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")

if [ $need_backports -eq 1 ] && [ "$codename" = "bookworm" ]; then
  if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
    if [ -z "$uri" ]; then
      uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n1 || true)
    fi
    [ -n "$uri" ] || { echo "setup: cannot find the Debian archive URI in the apt sources" >&2; exit 1; }
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | $SUDO tee /etc/apt/sources.list.d/caseboard-backports.sources >/dev/null
  fi
fi

echo "setup: installing ${missing[*]:-}$([ $need_backports -eq 1 ] && echo " SQLCipher 4")" >&2
$SUDO apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ $need_backports -eq 1 ]; then
  target=()
  [ "$codename" = "bookworm" ] && target=(-t bookworm-backports)
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${target[@]}" "${BACKPORT_PACKAGES[@]}" || ! sqlcipher_ok; then
    # Backports unreachable: build SQLCipher 4.6.1 from Debian 13's source package into .deps/.
    echo "setup: SQLCipher 4 packages unavailable; building it from source into .deps/sqlcipher" >&2
    bash "$(dirname "$0")/build-sqlcipher.sh"
  fi
fi
