"""Certificate details as the user sees them when verification fails."""

from __future__ import annotations

import datetime
import hashlib
import ssl

import pytest
import trustme

from smtpdesk.core.smtp.certificates import cert_info, normalise_fingerprint


def _der(cert: trustme.LeafCert) -> bytes:
    return ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode("ascii"))


def test_details_of_a_certificate():
    ca = trustme.CA(organization_name="Avast Web/Mail Shield")
    not_after = datetime.datetime(2031, 5, 17, 12, 0, tzinfo=datetime.timezone.utc)
    der = _der(ca.issue_cert("smtp.biuro.pl", "mail.biuro.pl", "192.0.2.25", not_after=not_after))

    info = cert_info(der)

    assert info.names == ("smtp.biuro.pl", "mail.biuro.pl", "192.0.2.25")
    assert "Avast Web/Mail Shield" in info.issuer
    assert info.not_after == "2031-05-17T12:00:00Z"
    assert info.not_before < info.not_after
    assert info.sha256 == hashlib.sha256(der).hexdigest()
    assert not info.self_signed


def test_self_signed_certificate_is_marked():
    ca = trustme.CA()
    der = ssl.PEM_cert_to_DER_cert(ca.cert_pem.bytes().decode("ascii"))

    assert cert_info(der).self_signed


def test_unparsable_certificate_still_has_its_fingerprint():
    info = cert_info(b"not a certificate")

    assert info.sha256 == hashlib.sha256(b"not a certificate").hexdigest()
    assert info.names == ()


HEX = "ab" * 32


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEX, HEX),
        (":".join(["AB"] * 32), HEX),
        ("SHA256:" + " ".join(["ab"] * 32), HEX),
        ("sha256=" + HEX.upper(), HEX),
        ("abcd", ""),
        ("", ""),
    ],
)
def test_fingerprint_forms(text, expected):
    assert normalise_fingerprint(text) == expected
