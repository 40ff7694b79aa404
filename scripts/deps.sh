#!/bin/sh
# Installs the Debian 12 packages newsbrief needs to build and test, only those
# that are missing. Run as root (or with sudo available).
set -eu
PKGS="cmake make gcc pkg-config python3 espeak-ng libespeak-ng-dev libsndfile1-dev
portaudio19-dev libxml2-dev libcurl4-openssl-dev libsqlite3-dev libebur128-dev
libsoxr-dev libcmocka-dev libasound2-dev procps strace time
clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "newsbrief: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
