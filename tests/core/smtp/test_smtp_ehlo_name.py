"""The EHLO name is always something a strict server accepts."""

from __future__ import annotations

import pytest

from smtpdesk.core.smtp.ehlo_name import address_literal, is_safe_fqdn, safe_ehlo_name


@pytest.mark.parametrize("name", ["biuro.firma.pl", "pc-12.office.example", "Ksiegowa.firma.PL."])
def test_dotted_ascii_names_are_used(name):
    assert is_safe_fqdn(name)
    assert safe_ehlo_name("192.0.2.7", host_name=name) == name.rstrip(".").lower()


@pytest.mark.parametrize(
    "name",
    [
        "KSIĘGOWOŚĆ",
        "DESKTOP-ABC",
        "Anna’s MacBook.local",
        "księgowa.firma.pl",
        "-bad.firma.pl",
        "",
        "10.0.0.1",
    ],
)
def test_other_names_become_an_address_literal(name):
    assert not is_safe_fqdn(name)
    assert safe_ehlo_name("192.0.2.7", host_name=name) == "[192.0.2.7]"


@pytest.mark.parametrize(
    ("address", "literal"),
    [
        ("10.1.2.3", "[10.1.2.3]"),
        ("2001:db8::1", "[IPv6:2001:db8::1]"),
        ("::ffff:10.0.0.5", "[10.0.0.5]"),
        ("fe80::1%eth0", "[IPv6:fe80::1]"),
        ("nonsense", "[127.0.0.1]"),
    ],
)
def test_address_literals(address, literal):
    assert address_literal(address) == literal
