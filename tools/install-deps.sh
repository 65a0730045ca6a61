#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages of tools/debian-packages.txt, the one
# list that the README's quick start and .ci/run both use. Run as root, or
# as a user with sudo.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi
list="$(dirname "$0")/debian-packages.txt"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2046 # one word per package, on purpose
$SUDO apt-get install -y --no-install-recommends $(grep -v '^[[:space:]]*#' "$list")
