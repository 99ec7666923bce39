"""The built-in provider table and the mail exchangers that give a provider away.

``data/smtp-providers.json`` (with ``smtp-providers.md``, which names the sources of every entry) is
shipped inside the package. An address's domain is looked up there first; a custom domain is then
recognised by its MX records through ``MX_RULES`` below.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from smtpdesk.core.detect.results import Candidate, Username
from smtpdesk.core.model import AuthMethod, Security

TABLE_FILE = "smtp-providers.json"

_NUMBER = re.compile(r"\{(?:N+|login)\}", re.IGNORECASE)


@dataclass(frozen=True)
class Provider:
    name: str
    domains: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    note: str
    source: str

    @property
    def needs_server_number(self) -> bool:
        return any(_NUMBER.search(c.host) for c in self.candidates)

    def host_pattern(self) -> re.Pattern[str] | None:
        """Matches a concrete server name of a numbered host ("s12.cyber-folks.pl")."""
        for candidate in self.candidates:
            if _NUMBER.search(candidate.host):
                parts = _NUMBER.split(candidate.host)
                return re.compile(r"[a-z0-9-]+".join(re.escape(p) for p in parts) + r"\Z", re.IGNORECASE)
        return None


def _security(text: str) -> Security:
    return {"ssl": Security.SSL, "starttls": Security.STARTTLS, "none": Security.NONE}.get(
        text.lower(), Security.AUTO
    )


def _candidate(entry: dict[str, object]) -> Candidate:
    username = Username.LOCALPART if entry.get("username") == "localpart" else Username.EMAIL
    return Candidate(
        host=str(entry["host"]).lower(),
        port=int(str(entry["port"])),
        security=_security(str(entry.get("security", ""))),
        username=username,
    )


@functools.cache
def providers() -> tuple[Provider, ...]:
    raw = json.loads(
        (resources.files("smtpdesk.core.detect") / "data" / TABLE_FILE).read_text(encoding="utf-8")
    )
    table = []
    for item in raw:
        # Duplicate (host, port, security) rows that differ only in the login form keep the first.
        seen: set[tuple[str, int, Security]] = set()
        candidates = []
        for entry in item["smtp"]:
            candidate = _candidate(entry)
            if (candidate.host, candidate.port, candidate.security) not in seen:
                seen.add((candidate.host, candidate.port, candidate.security))
                candidates.append(candidate)
        table.append(
            Provider(
                name=str(item["provider"]),
                domains=tuple(d.lower() for d in item["domains"]),
                candidates=tuple(candidates),
                note=str(item.get("notes", "")),
                source=str(item.get("source", "")),
            )
        )
    return tuple(table)


def provider_named(prefix: str) -> Provider:
    for provider in providers():
        if provider.name.startswith(prefix):
            return provider
    raise KeyError(prefix)


# Hosts whose providers sign in with OAuth2 when the office has an app registration.
_OAUTH_HOSTS: tuple[tuple[str, AuthMethod], ...] = (
    ("smtp.office365.com", AuthMethod.OAUTH_MICROSOFT),
    ("smtp-mail.outlook.com", AuthMethod.OAUTH_MICROSOFT),
    ("smtp.gmail.com", AuthMethod.OAUTH_GOOGLE),
)


def oauth_for_host(host: str) -> AuthMethod | None:
    """The OAuth2 sign-in the server ``host`` accepts, if any."""
    host = host.strip().lower().rstrip(".")
    return next((method for name, method in _OAUTH_HOSTS if host == name), None)


def by_domain(domain: str) -> Provider | None:
    """The provider whose address domains include ``domain`` (entries without own domains are
    hosting companies, found only through MX)."""
    domain = domain.lower().rstrip(".")
    for provider in providers():
        if domain in provider.domains:
            return provider
    return None


@dataclass(frozen=True)
class MxRule:
    """Mail exchangers ending in one of ``suffixes`` belong to the provider whose name starts with
    ``provider``. ``use_mx_host``: the exchanger is the account's own numbered server, which also
    takes submissions (cyber_Folks, home.pl …), so its name fills in the server number."""

    suffixes: tuple[str, ...]
    provider: str
    use_mx_host: bool = False


MX_RULES: tuple[MxRule, ...] = (
    MxRule(("aspmx.l.google.com", ".aspmx.l.google.com", ".googlemail.com", "smtp.google.com"), "Gmail"),
    MxRule((".mail.protection.outlook.com",), "Microsoft 365"),
    MxRule((".olc.protection.outlook.com", ".hotmail.com"), "Outlook.com"),
    MxRule((".home.pl",), "home.pl", use_mx_host=True),
    MxRule((".nazwa.pl",), "nazwa.pl", use_mx_host=True),
    MxRule((".mail.ovh.net", ".ovh.net"), "OVHcloud MX Plan"),
    MxRule((".zenbox.pl",), "Zenbox", use_mx_host=True),
    MxRule((".cyber-folks.pl", ".cyberfolks.pl"), "cyber_Folks", use_mx_host=True),
    MxRule((".hekko.pl",), "Hekko", use_mx_host=True),
    MxRule((".seohost.pl",), "SEOHOST", use_mx_host=True),
    MxRule((".lh.pl",), "LH.pl", use_mx_host=True),
    MxRule((".kei.pl",), "KEI.pl", use_mx_host=True),
    MxRule((".webd.pl",), "WEBD.pl", use_mx_host=True),
    MxRule((".poczta.onet.pl", ".onet.pl"), "Onet"),
    MxRule((".wp.pl",), "WP Poczta"),
    MxRule((".o2.pl", ".tlen.pl"), "o2 Poczta"),
    MxRule((".interia.pl", ".poczta.fm"), "Interia"),
    MxRule((".zoho.eu",), "Zoho Mail - EU"),
    MxRule((".zoho.com",), "Zoho Mail - US"),
    MxRule((".yahoodns.net",), "Yahoo"),
    MxRule((".messagingengine.com",), "Fastmail"),
    MxRule((".mail.icloud.com",), "Apple iCloud"),
    MxRule((".gmx.net",), "GMX Freemail"),
)


@dataclass(frozen=True)
class MxMatch:
    provider: Provider
    mx_host: str
    candidates: tuple[Candidate, ...]
    needs_server_number: bool


def _matches(host: str, suffix: str) -> bool:
    return host.endswith(suffix) if suffix.startswith(".") else host == suffix


def by_mx(exchangers: list[str]) -> MxMatch | None:
    """The provider of the first (most preferred) exchanger that a rule recognises."""
    for raw in exchangers:
        host = raw.lower().rstrip(".")
        for rule in MX_RULES:
            if not any(_matches(host, suffix) for suffix in rule.suffixes):
                continue
            provider = provider_named(rule.provider)
            return _mx_match(provider, host, rule.use_mx_host)
    return None


def _mx_match(provider: Provider, mx_host: str, use_mx_host: bool) -> MxMatch:
    pattern = provider.host_pattern()
    if not provider.needs_server_number:
        return MxMatch(provider, mx_host, provider.candidates, False)
    if use_mx_host and pattern is not None and pattern.match(mx_host):
        # The exchanger is the numbered server itself: its name is the one to send through.
        filled = tuple(
            Candidate(mx_host, c.port, c.security, c.username) if _NUMBER.search(c.host) else c
            for c in provider.candidates
        )
        return MxMatch(provider, mx_host, filled, False)
    concrete = tuple(c for c in provider.candidates if not _NUMBER.search(c.host))
    if concrete:
        return MxMatch(provider, mx_host, concrete, False)
    return MxMatch(provider, mx_host, provider.candidates, True)
