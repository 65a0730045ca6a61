#!/bin/sh
# SPDX-License-Identifier: MIT
# Test-only keys and certificates for the signature tests, made fresh at
# test time in DIR (never committed): a CA, an agency certificate it
# issued, an ECDSA agency certificate, a provider certificate, a
# certificate that expired before the test documents' IssuedAt, one that
# becomes valid only after it, and an attacker's self-signed look-alike
# with the agency's subject. `openssl ca` is used because it can set
# explicit validity dates (the test documents are dated 2026).
#
# usage: make-test-pki.sh DIR
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
[ -f done ] && exit 0
mkdir -p db
: > db/index.txt
echo 1000 > db/serial
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ any ]
commonName = supplied
organizationName = optional
countryName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_leaf ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
q() { "$@" >/dev/null 2>&1; }

# The CA: self-signed, 2020 to 2040.
q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key
q openssl req -new -key ca.key -subj "/C=DE/O=Test Police PKI/CN=Test Police Root CA" -out ca.csr
q openssl ca -batch -config ca.cnf -selfsign -keyfile ca.key -in ca.csr \
	-startdate 20200101000000Z -enddate 20400101000000Z -extensions v3_ca -out ca.pem -notext

# leaf NAME KEYTYPE START END SUBJECT
leaf() {
	if [ "$2" = ec ]; then
		q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"
	else
		q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key"
	fi
	q openssl req -new -key "$1.key" -subj "$5" -out "$1.csr"
	q openssl ca -batch -config ca.cnf -keyfile ca.key -cert ca.pem -in "$1.csr" \
		-startdate "$3" -enddate "$4" -extensions v3_leaf -out "$1.pem" -notext
}
agency="/C=DE/O=Landeskriminalamt NRW/CN=LKA NRW signing"
leaf agency rsa 20250101000000Z 20300101000000Z "$agency"
leaf agency-ec ec 20250101000000Z 20300101000000Z "/C=DE/O=Landeskriminalamt NRW/CN=LKA NRW signing EC"
leaf provider rsa 20250101000000Z 20300101000000Z "/C=DE/O=Rheinwelle Kommunikation GmbH/CN=Rheinwelle"
leaf other rsa 20250101000000Z 20300101000000Z "/C=FR/O=Other Agency/CN=Other agency signing"
# Expired in 2025, before every test document's IssuedAt (2026).
leaf expired rsa 20240101000000Z 20250101000000Z "$agency"
# Valid now (the tests run after 2026-11-01) but not at IssuedAt 2026-10-16.
leaf late rsa 20261101000000Z 20360101000000Z "$agency"
# The attacker: the same subject, self-signed, not issued by the CA.
q openssl req -x509 -newkey rsa:2048 -nodes -keyout attacker.key -subj "$agency" \
	-days 3650 -out attacker.pem
for f in ca agency agency-ec provider other expired late attacker; do
	openssl x509 -in "$f.pem" -outform DER 2>/dev/null | base64 -w0 > "$f.b64"
done
touch done
