"""What detection found, and what each source said on the way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.model import AuthMethod, Security


def verbatim(text: str) -> Msg:
    """A detail that reads the same in both languages: a host name, a record, a server's or a
    library's own words."""
    return Msg(pl=text, en=text)


NO_DETAIL = verbatim("")


def joined(parts: Iterable[Msg], separator: str = "; ") -> Msg:
    listed = list(parts)
    return Msg(pl=separator.join(p.pl for p in listed), en=separator.join(p.en for p in listed))


class SourceFailure(OSError):
    """A source could not give an answer; ``reason`` says why in smtpdesk's words."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.en)
        self.reason = reason


class SourceTimeout(TimeoutError):
    """The time ran out before a source could answer; ``reason`` is what it got so far."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.en)
        self.reason = reason


class Source(str, Enum):
    """Where settings can come from, in the order they are trusted."""

    BUILTIN = "builtin"  # the provider table shipped with smtpdesk
    MX = "mx"  # the domain's mail exchangers belong to a known provider
    AUTOCONFIG = "autoconfig"  # the domain publishes Thunderbird-format settings
    SRV = "srv"  # RFC 6186 / RFC 8314 _submission(s)._tcp records
    PROBE = "probe"  # smtp.<domain> / mail.<domain> answered on 587 or 465

    def __str__(self) -> str:
        return self.value


SOURCE_ORDER: tuple[Source, ...] = tuple(Source)

SOURCE_NAMES: dict[Source, Msg] = {
    Source.BUILTIN: Msg(pl="wbudowana lista dostawców", en="built-in provider list"),
    Source.MX: Msg(pl="rekordy MX domeny", en="the domain's MX records"),
    Source.AUTOCONFIG: Msg(pl="autokonfiguracja domeny", en="the domain's autoconfiguration"),
    Source.SRV: Msg(pl="rekordy SRV (RFC 6186)", en="SRV records (RFC 6186)"),
    Source.PROBE: Msg(pl="sprawdzenie typowych nazw serwera", en="trying the usual server names"),
}


class Outcome(str, Enum):
    FOUND = "found"
    NOTHING = "nothing"  # asked, nothing there
    FAILED = "failed"  # could not ask (network error, bad answer)
    TIMED_OUT = "timed_out"  # the time for detection ran out first
    SKIPPED = "skipped"  # not needed: a more trusted source already answered
    CANCELLED = "cancelled"

    def __str__(self) -> str:
        return self.value


class Username(str, Enum):
    """What the login of such an account is."""

    EMAIL = "email"  # the full address
    LOCALPART = "localpart"  # the part before @

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Candidate:
    """One server to send through, as a source describes it."""

    host: str
    port: int
    security: Security
    username: Username = Username.EMAIL

    def login_for(self, address: str) -> str:
        address = address.strip()
        return address.partition("@")[0] if self.username is Username.LOCALPART else address


@dataclass(frozen=True)
class Detected:
    """Settings for one address, with their origin."""

    source: Source
    candidates: tuple[Candidate, ...]  # best first; at least one
    provider: str = ""  # the provider's name when known
    detail: str = ""  # where exactly: the MX host, the autoconfig URL, the SRV record …
    # The server name carries a number only the provider's panel knows ("s{N}.cyber-folks.pl").
    needs_server_number: bool = False
    oauth: AuthMethod | None = None  # the provider signs in with OAuth2 this way
    note: str = ""  # the provider table's remarks (English, from its sources)

    @property
    def best(self) -> Candidate:
        return self.candidates[0]


@dataclass(frozen=True)
class Attempt:
    """What one source said."""

    source: Source
    outcome: Outcome
    elapsed_ms: float = 0.0
    detail: Msg = NO_DETAIL  # e.g. "MX aspmx.l.google.com", "https://…: HTTP 404", the error


@dataclass(frozen=True)
class DetectionReport:
    address: str
    domain: str
    found: Detected | None
    attempts: tuple[Attempt, ...] = field(default_factory=tuple)
    elapsed_ms: float = 0.0
    cancelled: bool = False

    def attempt(self, source: Source) -> Attempt | None:
        return next((a for a in self.attempts if a.source is source), None)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        found = self.found
        return {
            "address": self.address,
            "domain": self.domain,
            "found": found is not None,
            "source": found.source.value if found else None,
            "source_name": SOURCE_NAMES[found.source].text(lang) if found else None,
            "provider": found.provider if found else None,
            "detail": found.detail if found else None,
            "needs_server_number": found.needs_server_number if found else False,
            "oauth": found.oauth.value if found and found.oauth else None,
            "candidates": [
                {
                    "host": c.host,
                    "port": c.port,
                    "security": c.security.value,
                    "username": c.username.value,
                    "login": c.login_for(self.address),
                }
                for c in (found.candidates if found else ())
            ],
            "attempts": [
                {
                    "source": a.source.value,
                    "outcome": a.outcome.value,
                    "elapsed_ms": round(a.elapsed_ms, 1),
                    "detail": a.detail.text(lang),
                }
                for a in self.attempts
            ],
            "elapsed_ms": round(self.elapsed_ms, 1),
            "cancelled": self.cancelled,
        }
