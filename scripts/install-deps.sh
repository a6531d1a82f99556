#!/usr/bin/env bash
# Installs what SeatPlan needs and this machine lacks, and nothing else.
#   scripts/install-deps.sh build   C libraries the build links: GSL, GLPK, libxlsxwriter (+ pkg-config)
#   scripts/install-deps.sh test    the build's, plus the real clients the tests use: Chromium (report.html),
#                                   GDAL's ogrinfo (map.geojson), Python's jsonschema and openpyxl, PyYAML
#                                   (the schema test reads scenarios with it) and man (the man-page test)
# Debian packages through apt-get (as root, or through sudo); Python packages through pip.
set -euo pipefail
what=${1:-build}
apt=()
have_header() { [ -f "/usr/include/$1" ]; }
command -v pkg-config >/dev/null 2>&1 || apt+=(pkg-config)
pkg-config --exists gsl 2>/dev/null || apt+=(libgsl-dev)
have_header glpk.h || apt+=(libglpk-dev)                 # ships no pkg-config file
pkg-config --exists xlsxwriter 2>/dev/null || apt+=(libxlsxwriter-dev)
if [ "$what" = test ]; then
  command -v chromium >/dev/null 2>&1 || apt+=(chromium)
  command -v ogrinfo >/dev/null 2>&1 || apt+=(gdal-bin)
  command -v python3 >/dev/null 2>&1 || apt+=(python3 python3-pip)
  command -v man >/dev/null 2>&1 || apt+=(man-db)
fi
if [ ${#apt[@]} -gt 0 ]; then
  echo "installing ${apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "${apt[@]}"
fi
if [ "$what" = test ]; then
  pip=()
  python3 -c 'import jsonschema' 2>/dev/null || pip+=(jsonschema)
  python3 -c 'import openpyxl' 2>/dev/null || pip+=(openpyxl)
  python3 -c 'import yaml' 2>/dev/null || pip+=(pyyaml)
  if [ ${#pip[@]} -gt 0 ]; then
    echo "installing Python packages ${pip[*]}"
    python3 -m pip install --quiet "${pip[@]}" || python3 -m pip install --quiet --break-system-packages "${pip[@]}"
  fi
fi
