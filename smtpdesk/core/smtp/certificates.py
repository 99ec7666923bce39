"""The server certificate as a person can check it: names, issuer, validity and fingerprint.

When verification fails, the engine reads the certificate over a second, non-verifying connection
(nothing but the handshake is done on it) so the diagnosis can say *which* names it covers, who
issued it and until when; the same fingerprint backs a per-server pinned exception.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import TYPE_CHECKING

from smtpdesk.core.smtp.result import CertInfo

if TYPE_CHECKING:
    from cryptography import x509

_HEX = re.compile(r"^[0-9a-f]{64}$")


def sha256_fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def normalise_fingerprint(text: str) -> str:
    """``AB:CD:…`` / ``ab cd …`` / ``sha256:abcd…`` → 64 lower-case hex digits ("" if not one)."""
    cleaned = text.strip().lower()
    if cleaned.startswith("sha256"):
        cleaned = cleaned[6:].lstrip(":= ")
    cleaned = re.sub(r"[\s:]", "", cleaned)
    return cleaned if _HEX.match(cleaned) else ""


def _name_text(name: x509.Name) -> str:
    """``CN=…, O=…`` in the usual reading order, or the RFC 4514 string when it has no CN/O."""
    from cryptography.x509.oid import NameOID

    parts: list[str] = []
    for oid, label in ((NameOID.COMMON_NAME, "CN"), (NameOID.ORGANIZATION_NAME, "O")):
        parts.extend(f"{label}={attr.value!s}" for attr in name.get_attributes_for_oid(oid))
    return ", ".join(parts) or name.rfc4514_string()


def _common_name(name: x509.Name) -> str:
    from cryptography.x509.oid import NameOID

    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else ""


def _alt_names(cert: x509.Certificate) -> tuple[str, ...]:
    from cryptography import x509

    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return ()
    names: list[str] = list(san.get_values_for_type(x509.DNSName))
    names.extend(str(ip) for ip in san.get_values_for_type(x509.IPAddress))
    return tuple(names)


def _utc_iso(moment: datetime.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def _validity(cert: x509.Certificate) -> tuple[datetime.datetime, datetime.datetime]:
    # The *_utc properties exist from cryptography 42; the naive ones are deprecated there.
    if hasattr(cert, "not_valid_before_utc"):
        return cert.not_valid_before_utc, cert.not_valid_after_utc
    return cert.not_valid_before, cert.not_valid_after  # pragma: no cover - older cryptography


def cert_info(der: bytes) -> CertInfo:
    """Details of a DER certificate; a certificate that cannot be parsed still gets its hash.
    (``cryptography`` is imported here, only when a certificate has to be explained.)"""
    from cryptography import x509

    fingerprint = sha256_fingerprint(der)
    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return CertInfo(subject_cn="", names=(), issuer="", not_before="", not_after="", sha256=fingerprint)
    not_before, not_after = _validity(cert)
    names = _alt_names(cert)
    subject_cn = _common_name(cert.subject)
    if not names and subject_cn:
        names = (subject_cn,)  # legacy certificates name the host only in the CN
    return CertInfo(
        subject_cn=subject_cn,
        names=names,
        issuer=_name_text(cert.issuer),
        not_before=_utc_iso(not_before),
        not_after=_utc_iso(not_after),
        sha256=fingerprint,
        self_signed=cert.issuer == cert.subject,
    )
