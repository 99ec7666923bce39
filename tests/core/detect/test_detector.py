"""Detection from an address against real loopback servers: DNS (MX, SRV, addresses), HTTP(S)
autoconfig and SMTP listeners for the probe."""

from __future__ import annotations

import threading
import time

import pytest

from smtpdesk.core.detect.detector import DEFAULT_BUDGET, AddressError, detect, domain_of
from smtpdesk.core.detect.results import Outcome, Source, Username
from smtpdesk.core.detect.sources import parse_autoconfig
from smtpdesk.core.model import AuthMethod, Security
from smtpdesk.core.smtp.cancel import CancelToken
from tests.fixtures.detect_servers import DOMAIN, loopback_network

ADDRESS = f"jan@{DOMAIN}"
LOOPBACK = "127.0.0.1"

AUTOCONFIG = b"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="firma.test">
    <domain>firma.test</domain>
    <displayName>Firma Hosting</displayName>
    <incomingServer type="imap"><hostname>imap.firma.test</hostname><port>993</port>
      <socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
    <outgoingServer type="smtp">
      <hostname>poczta.%EMAILDOMAIN%</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
"""


def attempt_outcomes(report):
    return {a.source: a.outcome for a in report.attempts}


def test_a_provider_in_the_built_in_table_needs_no_network(dns_server) -> None:
    report = detect("Anna.Nowak@GMAIL.com", network=loopback_network(dns_server.port))

    assert report.found is not None
    assert report.found.source is Source.BUILTIN
    assert report.found.best.host == "smtp.gmail.com"
    assert report.found.oauth is AuthMethod.OAUTH_GOOGLE
    assert "Gmail" in report.found.provider
    assert attempt_outcomes(report)[Source.MX] is Outcome.SKIPPED
    assert dns_server.zone.queries == []


def test_mx_records_of_microsoft_365_give_its_server_and_sign_in(dns_server) -> None:
    dns_server.zone.add(DOMAIN, "MX", "10 firma-test.mail.protection.outlook.com.")

    report = detect(ADDRESS, network=loopback_network(dns_server.port))

    assert report.found is not None
    assert report.found.source is Source.MX
    best = report.found.best
    assert (best.host, best.port, best.security) == ("smtp.office365.com", 587, Security.STARTTLS)
    assert report.found.oauth is AuthMethod.OAUTH_MICROSOFT
    assert report.found.detail == "MX firma-test.mail.protection.outlook.com"
    assert best.login_for(ADDRESS) == ADDRESS


def test_a_hosting_server_named_by_its_mx_record_is_used_as_it_is(dns_server) -> None:
    dns_server.zone.add(DOMAIN, "MX", "10 s12.cyber-folks.pl.")

    found = detect(ADDRESS, network=loopback_network(dns_server.port)).found

    assert found is not None and found.source is Source.MX
    assert [(c.host, c.port) for c in found.candidates] == [
        ("s12.cyber-folks.pl", 465),
        ("s12.cyber-folks.pl", 587),
    ]
    assert not found.needs_server_number


def test_a_hosting_company_whose_server_number_is_unknown_says_so(dns_server) -> None:
    dns_server.zone.add(DOMAIN, "MX", "10 mx1.nazwa.pl.")

    found = detect(ADDRESS, network=loopback_network(dns_server.port)).found

    assert found is not None and found.needs_server_number
    assert found.best.host == "server{n}.nazwa.pl"


def test_autoconfig_over_https_is_read(dns_server, web_servers, tls_ca_file) -> None:
    _plain, secure = web_servers
    dns_server.zone.add(DOMAIN, "MX", "10 mx.firma.test.")
    dns_server.zone.add(f"autoconfig.{DOMAIN}", "A", LOOPBACK)
    secure.serve(f"autoconfig.{DOMAIN}", "/mail/config-v1.1.xml", AUTOCONFIG)

    report = detect(
        ADDRESS, network=loopback_network(dns_server.port, https=secure.port, ca_file=tls_ca_file)
    )

    assert report.found is not None and report.found.source is Source.AUTOCONFIG
    best = report.found.best
    assert (best.host, best.port, best.security, best.username) == (
        "poczta.firma.test",
        465,
        Security.SSL,
        Username.LOCALPART,
    )
    assert best.login_for(ADDRESS) == "jan"
    assert report.found.provider == "Firma Hosting"
    assert report.found.detail == f"https://autoconfig.{DOMAIN}/mail/config-v1.1.xml"
    assert (f"autoconfig.{DOMAIN}", "/mail/config-v1.1.xml?emailaddress=jan@firma.test") in secure.requests
    mx = report.attempt(Source.MX)
    assert mx is not None and mx.outcome is Outcome.NOTHING and "mx.firma.test" in mx.detail.text("en")


def test_autoconfig_in_the_domains_well_known_folder_over_http(dns_server, web_servers) -> None:
    plain, _secure = web_servers
    dns_server.zone.add(DOMAIN, "A", LOOPBACK)
    plain.serve(DOMAIN, "/.well-known/autoconfig/mail/config-v1.1.xml", AUTOCONFIG)

    found = detect(ADDRESS, network=loopback_network(dns_server.port, http=plain.port)).found

    assert found is not None and found.source is Source.AUTOCONFIG
    assert found.detail == f"http://{DOMAIN}/.well-known/autoconfig/mail/config-v1.1.xml"


def test_an_autoconfig_file_with_a_document_type_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig>&a;</clientConfig>'
    with pytest.raises(ValueError, match="document type"):
        parse_autoconfig(bomb, DOMAIN, ADDRESS)


def test_srv_records_prefer_implicit_tls(dns_server) -> None:
    dns_server.zone.add(f"_submission._tcp.{DOMAIN}", "SRV", f"0 1 587 mail.{DOMAIN}.")
    dns_server.zone.add(f"_submissions._tcp.{DOMAIN}", "SRV", f"0 1 465 mail.{DOMAIN}.")

    found = detect(ADDRESS, network=loopback_network(dns_server.port)).found

    assert found is not None and found.source is Source.SRV
    assert [(c.port, c.security) for c in found.candidates] == [(465, Security.SSL), (587, Security.STARTTLS)]
    assert found.detail == f"_submissions._tcp.{DOMAIN} → mail.{DOMAIN}:465"


def test_a_srv_record_pointing_at_dot_means_no_service(dns_server) -> None:
    dns_server.zone.add(f"_submission._tcp.{DOMAIN}", "SRV", "0 0 0 .")

    report = detect(ADDRESS, network=loopback_network(dns_server.port), budget=2.0)

    assert report.found is None
    assert attempt_outcomes(report)[Source.SRV] is Outcome.NOTHING


def test_the_probe_finds_a_server_offering_starttls_on_587(dns_server, smtp_greeters, tls_ca_file) -> None:
    submission, implicit = smtp_greeters(), smtp_greeters(tls=True)
    dns_server.zone.add(f"smtp.{DOMAIN}", "A", LOOPBACK)
    network = loopback_network(
        dns_server.port, ca_file=tls_ca_file, probe_ports={587: submission.port, 465: implicit.port}
    )

    report = detect(ADDRESS, network=network)

    assert report.found is not None and report.found.source is Source.PROBE
    best = report.found.best
    assert (best.host, best.port, best.security) == (f"smtp.{DOMAIN}", 587, Security.STARTTLS)
    assert report.found.detail == f"smtp.{DOMAIN}:587"
    assert attempt_outcomes(report)[Source.MX] is Outcome.NOTHING
    probe = report.attempt(Source.PROBE)
    assert probe is not None and f"mail.{DOMAIN}:587 no such name" in probe.detail.text("en")


def test_the_probe_skips_587_without_starttls_and_takes_465(dns_server, smtp_greeters, tls_ca_file) -> None:
    plain_only, implicit = smtp_greeters(starttls=False), smtp_greeters(tls=True)
    dns_server.zone.add(f"mail.{DOMAIN}", "A", LOOPBACK)
    network = loopback_network(
        dns_server.port, ca_file=tls_ca_file, probe_ports={587: plain_only.port, 465: implicit.port}
    )

    found = detect(ADDRESS, network=network).found

    assert found is not None and found.source is Source.PROBE
    assert (found.best.host, found.best.port, found.best.security) == (f"mail.{DOMAIN}", 465, Security.SSL)


def test_sources_are_trusted_in_order_mx_autoconfig_srv_probe(
    dns_server, web_servers, smtp_greeters, tls_ca_file
) -> None:
    _plain, secure = web_servers
    greeter = smtp_greeters()
    zone = dns_server.zone
    zone.add(f"autoconfig.{DOMAIN}", "A", LOOPBACK)
    zone.add(f"smtp.{DOMAIN}", "A", LOOPBACK)
    secure.serve(f"autoconfig.{DOMAIN}", "/mail/config-v1.1.xml", AUTOCONFIG)
    zone.add(f"_submission._tcp.{DOMAIN}", "SRV", f"0 1 587 srv.{DOMAIN}.")
    network = loopback_network(
        dns_server.port, https=secure.port, ca_file=tls_ca_file, probe_ports={587: greeter.port, 465: 1}
    )

    # Autoconfig, SRV and a listening server: autoconfig wins, the probe is never needed.
    without_mx = detect(ADDRESS, network=network)
    assert without_mx.found is not None and without_mx.found.source is Source.AUTOCONFIG
    assert attempt_outcomes(without_mx)[Source.PROBE] is Outcome.SKIPPED
    assert greeter.connections == 0

    # With a known provider's MX on top, MX wins over all of them.
    zone.add(DOMAIN, "MX", "5 aspmx.l.google.com.")
    with_mx = detect(ADDRESS, network=network)
    assert with_mx.found is not None and with_mx.found.source is Source.MX
    assert with_mx.found.best.host == "smtp.gmail.com"

    # Only SRV and the listening server: SRV wins and still no connection is made.
    network_without_autoconfig = loopback_network(
        dns_server.port, ca_file=tls_ca_file, probe_ports={587: greeter.port, 465: 1}
    )
    zone.records.pop(DOMAIN)
    srv_only = detect(ADDRESS, network=network_without_autoconfig)
    assert srv_only.found is not None and srv_only.found.source is Source.SRV
    assert greeter.connections == 0
    assert [a.source for a in srv_only.attempts] == list(Source)


def test_a_domain_where_nothing_is_found(dns_server) -> None:
    started = time.monotonic()
    report = detect("biuro@nic-tu-nie-ma.test", network=loopback_network(dns_server.port))

    assert report.found is None
    assert not report.cancelled
    outcomes = attempt_outcomes(report)
    assert outcomes[Source.BUILTIN] is Outcome.NOTHING
    assert outcomes[Source.MX] is Outcome.NOTHING
    assert outcomes[Source.SRV] is Outcome.NOTHING
    assert outcomes[Source.AUTOCONFIG] is Outcome.NOTHING
    assert outcomes[Source.PROBE] is Outcome.NOTHING
    assert "no such domain" in (report.attempt(Source.MX).detail.text("en"))  # type: ignore[union-attr]
    # Every source was answered at once ("no such name", refused ports): nothing waits for the budget.
    assert time.monotonic() - started < 2.0


def test_detection_never_takes_longer_than_its_budget(dns_server) -> None:
    zone = dns_server.zone
    for name in (
        DOMAIN,
        f"_submission._tcp.{DOMAIN}",
        f"_submissions._tcp.{DOMAIN}",
        f"autoconfig.{DOMAIN}",
        f"smtp.{DOMAIN}",
        f"mail.{DOMAIN}",
    ):
        zone.add(name, "TXT", '"slow"')
        zone.delay[name] = 30.0

    started = time.monotonic()
    report = detect(ADDRESS, network=loopback_network(dns_server.port))
    elapsed = time.monotonic() - started

    assert DEFAULT_BUDGET == 5.0
    assert DEFAULT_BUDGET - 0.1 <= elapsed <= DEFAULT_BUDGET + 0.5
    assert report.found is None
    outcomes = attempt_outcomes(report)
    assert outcomes[Source.MX] is Outcome.TIMED_OUT
    assert outcomes[Source.SRV] is Outcome.TIMED_OUT
    # The probe started part-way through (the others were still out) and ran out of time too.
    assert outcomes[Source.PROBE] is Outcome.TIMED_OUT


def test_a_slow_source_late_in_the_order_does_not_hold_up_an_answer(dns_server) -> None:
    dns_server.zone.add(DOMAIN, "MX", "10 mx1.mail.ovh.net.")
    dns_server.zone.add(f"_submission._tcp.{DOMAIN}", "TXT", '"slow"')
    dns_server.zone.delay[f"_submission._tcp.{DOMAIN}"] = 30.0

    started = time.monotonic()
    report = detect(ADDRESS, network=loopback_network(dns_server.port))

    assert report.found is not None and report.found.best.host == "ssl0.ovh.net"
    assert time.monotonic() - started < 1.5
    assert attempt_outcomes(report)[Source.SRV] is Outcome.SKIPPED


def test_cancel_stops_detection_at_once(dns_server) -> None:
    dns_server.zone.add(DOMAIN, "TXT", '"slow"')
    dns_server.zone.delay[DOMAIN] = 30.0
    cancel = CancelToken()
    asked = threading.Event()

    def cancel_once_asked() -> None:
        if asked.wait(5):
            cancel.cancel()

    threading.Thread(target=cancel_once_asked, daemon=True).start()

    def seen(attempt) -> None:
        asked.set()  # the built-in table said "not here": the network sources are out now

    started = time.monotonic()
    report = detect(ADDRESS, network=loopback_network(dns_server.port), cancel=cancel, on_attempt=seen)

    assert report.cancelled and report.found is None
    assert time.monotonic() - started < 1.0
    assert attempt_outcomes(report)[Source.MX] is Outcome.CANCELLED


@pytest.mark.parametrize("text", ["", "jan", "jan@", "@firma.pl", "jan@firma", "jan@fir ma.pl", "a@b\r\n.pl"])
def test_something_that_is_not_an_address_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(AddressError) as caught:
        domain_of(text)
    assert caught.value.message.pl


def test_a_polish_domain_is_asked_for_in_its_ascii_form() -> None:
    assert domain_of("biuro@Źródło.pl") == "xn--rdo-gna01bwk.pl"
