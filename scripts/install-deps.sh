#!/usr/bin/env bash
# Installs what aisec needs to build and test on Debian 12, with apt-get. Safe to run again:
# it installs only what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache clang
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libsimdjson-dev libyaml-cpp-dev libtomlplusplus-dev libpugixml-dev
  libcli11-dev libfmt-dev libspdlog-dev libvectorscan-dev libre2-dev
  libzip-dev libarchive-dev libsqlite3-dev libssl-dev libxxhash-dev libzstd-dev
  zlib1g-dev libbz2-dev liblzma-dev liblz4-dev libcurl4-openssl-dev libcpp-httplib-dev
  ripgrep python3 python3-numpy
)
if [ "${AISEC_WITH_FUZZ:-0}" = 1 ]; then packages+=(libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from another packaging of it (with npm bundled); only install Debian's when
# the commands are missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
