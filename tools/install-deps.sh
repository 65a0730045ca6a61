#!/bin/sh
# SPDX-License-Identifier: MIT
# The one list of Debian 12 packages lerq needs to build, test and run:
# the README's quick start and .ci/run both call this script, so a test
# cannot pass only because CI installed something the README does not.
# Run as root, or as a user with sudo.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
	ca-certificates gcc g++ pkg-config meson ninja-build python3 binutils \
	libxml2-dev libxslt1-dev libcmocka-dev scdoc \
	libcairo2-dev libpango1.0-dev poppler-utils \
	fontconfig fonts-dejavu-core fonts-dejavu-extra fonts-wqy-zenhei \
	libxmlsec1-dev libssl-dev xmlsec1 openssl \
	libmicrohttpd-dev libunistring-dev libidn2-dev \
	clang libclang-rt-14-dev \
	libxml2-utils xsltproc
# Why each group: the compiler and build; XML, XSLT, tests and the man
# page; PDF letters (cairo, pango) and reading them back in the tests
# (poppler-utils); fonts that cover Latin, Greek, Cyrillic and Arabic
# (DejaVu) and Chinese, Japanese and Korean (WenQuanYi Zen Hei), so that no
# letter prints empty boxes; signatures (xmlsec1 with OpenSSL; the xmlsec1
# and openssl tools make the tests' keys and check interoperability); the
# HTTP service (libmicrohttpd); Unicode text and domains (libunistring,
# libidn2); clang and its sanitizer runtime for the sanitizer build; the
# benchmark's yardsticks, xmllint (libxml2-utils) and xsltproc.
