"""The enhanced status codes' registered meanings (RFC 3463, 4468, 4954, 5248, 6531, 6710, 7293,
7372, 7505, 8689 — the IANA "SMTP Enhanced Status Codes" registry) as the diagnosis' fallback.

When no rule recognises a reply's wording, the status code's registered meaning still says which
side refused and why; a code whose meaning depends on the command (X.7.1 "delivery not
authorized" is a sender policy at MAIL, a relay refusal at RCPT, a content refusal after DATA)
maps per stage. The reply's class (4 or 5) is not part of a key: a temporary refusal never gets a
permanent diagnosis anyway (see ``evaluate``).
"""

from __future__ import annotations

from dataclasses import dataclass

from smtpdesk.core.smtp.result import Stage

ANY: tuple[Stage, ...] = ()
S = Stage


@dataclass(frozen=True)
class Meaning:
    status: str  # subject.detail, e.g. "7.8"
    title: str  # as registered
    code: str  # the diagnosis it points to
    stages: tuple[Stage, ...] = ANY  # where this reading applies (empty: anywhere)
    variant: str = ""


REGISTRY: tuple[Meaning, ...] = (
    # X.1 addressing
    # At MAIL the only address on the table is the sender's.
    Meaning("1.1", "Bad destination mailbox address", "sender_invalid", (S.MAIL,)),
    Meaning("1.2", "Bad destination system address", "sender_invalid", (S.MAIL,)),
    Meaning("1.0", "Other address status", "sender_invalid", (S.MAIL,)),
    Meaning("1.0", "Other address status", "recipient_unknown", (S.RCPT,)),
    Meaning("1.1", "Bad destination mailbox address", "recipient_unknown"),
    Meaning("1.2", "Bad destination system address", "recipient_unknown"),
    Meaning("1.3", "Bad destination mailbox address syntax", "sender_invalid", (S.MAIL,)),
    Meaning("1.3", "Bad destination mailbox address syntax", "recipient_unknown"),
    Meaning("1.4", "Destination mailbox address ambiguous", "recipient_unknown"),
    Meaning("1.6", "Destination mailbox has moved, No forwarding address", "recipient_unknown"),
    Meaning("1.7", "Bad sender's mailbox address syntax", "sender_invalid"),
    Meaning("1.8", "Bad sender's system address", "sender_invalid"),
    Meaning("1.10", "Recipient address has null MX", "recipient_unknown"),
    # X.2 mailbox
    Meaning("2.0", "Other or undefined mailbox status", "recipient_unknown", (S.RCPT,)),
    Meaning("2.1", "Mailbox disabled, not accepting messages", "recipient_unknown"),
    Meaning("2.2", "Mailbox full", "recipient_unknown", variant="mailbox_full"),
    Meaning("2.3", "Message length exceeds administrative limit", "message_too_large"),
    # X.3 mail system
    Meaning("3.2", "System not accepting network messages", "server_busy"),
    Meaning("3.4", "Message too big for system", "message_too_large"),
    # X.4 network and routing
    Meaning("4.4", "Unable to route", "recipient_unknown", (S.RCPT,)),
    Meaning("4.5", "Mail system congestion", "server_busy"),
    # X.5 protocol
    Meaning("5.2", "Syntax error", "sender_invalid", (S.MAIL,)),
    Meaning("5.2", "Syntax error", "recipient_unknown", (S.RCPT,)),
    Meaning("5.3", "Too many recipients", "too_many_recipients"),
    Meaning("5.4", "Invalid command arguments", "sender_invalid", (S.MAIL,)),
    Meaning("5.4", "Invalid command arguments", "recipient_unknown", (S.RCPT,)),
    Meaning("5.6", "Authentication Exchange line is too long", "auth_failed", (S.AUTH,)),
    # X.6 message content or media
    Meaning("6.0", "Other or undefined media error", "content_rejected", (S.DATA,)),
    Meaning("6.1", "Media not supported", "content_rejected"),
    Meaning("6.3", "Conversion required but not supported", "content_rejected"),
    Meaning("6.7", "Non-ASCII addresses not permitted for that sender/recipient", "smtputf8_required"),
    Meaning(
        "6.8", "UTF-8 string reply is required, but not permitted by the SMTP client", "smtputf8_required"
    ),
    Meaning(
        "6.9", "UTF-8 header message cannot be transferred to one or more recipients", "smtputf8_required"
    ),
    # X.7 security or policy
    Meaning("7.0", "Other or undefined security status", "auth_failed", (S.AUTH,)),
    Meaning("7.0", "Other or undefined security status", "sender_policy_rejected", (S.MAIL,)),
    Meaning("7.0", "Other or undefined security status", "relay_denied", (S.RCPT,)),
    Meaning("7.0", "Other or undefined security status", "content_rejected", (S.DATA,)),
    Meaning("7.1", "Delivery not authorized, message refused", "auth_failed", (S.AUTH,)),
    Meaning("7.1", "Delivery not authorized, message refused", "sender_policy_rejected", (S.MAIL,)),
    Meaning("7.1", "Delivery not authorized, message refused", "relay_denied", (S.RCPT,)),
    Meaning("7.1", "Delivery not authorized, message refused", "content_rejected", (S.DATA,)),
    Meaning("7.1", "Delivery not authorized, message refused", "client_blocked", (S.GREETING,)),
    Meaning("7.7", "Message integrity failure", "content_rejected"),
    Meaning("7.8", "Authentication credentials invalid", "auth_failed", (S.AUTH,)),
    Meaning("7.9", "Authentication mechanism is too weak", "auth_mechanism_unsupported", (S.AUTH,)),
    Meaning("7.10", "Encryption Needed", "encryption_required"),
    Meaning("7.11", "Encryption required for requested authentication mechanism", "encryption_required"),
    Meaning("7.12", "A password transition is needed", "auth_failed", (S.AUTH,)),
    Meaning("7.13", "User Account Disabled", "account_blocked"),
    Meaning("7.14", "Trust relationship required", "auth_failed", (S.AUTH,)),
    Meaning("7.16", "Message is too big for the specified priority", "message_too_large"),
    Meaning("7.17", "Mailbox owner has changed", "recipient_unknown"),
    Meaning("7.18", "Domain owner has changed", "recipient_unknown"),
    Meaning("7.20", "No passing DKIM signature found", "sender_policy_rejected", variant="spf"),
    Meaning("7.21", "No acceptable DKIM signature found", "sender_policy_rejected", variant="spf"),
    Meaning("7.22", "No valid author-matched DKIM signature found", "sender_policy_rejected", variant="spf"),
    Meaning("7.23", "SPF validation failed", "sender_policy_rejected", variant="spf"),
    Meaning("7.24", "SPF validation error", "sender_policy_rejected", variant="spf"),
    Meaning("7.25", "Reverse DNS validation failed", "client_blocked"),
    Meaning("7.26", "Multiple authentication checks failed", "sender_policy_rejected", variant="spf"),
    Meaning("7.27", "Sender address has null MX", "sender_invalid"),
    Meaning("7.28", "Mail flood detected", "quota_exceeded"),
    Meaning("7.29", "ARC validation failure", "sender_policy_rejected", variant="spf"),
    Meaning("7.30", "REQUIRETLS support required", "encryption_required"),
    # The subject alone, for details the registry does not list (or providers' own, 5.7.520 …).
    Meaning("1", "Addressing status", "sender_invalid", (S.MAIL,)),
    Meaning("1", "Addressing status", "recipient_unknown", (S.RCPT,)),
    Meaning("2", "Mailbox status", "recipient_unknown", (S.RCPT,)),
    Meaning("5", "Mail delivery protocol status", "unknown_failure", (S.MAIL, S.RCPT)),
    Meaning("5", "Mail delivery protocol status", "data_rejected", (S.DATA,)),
    Meaning("6", "Message content or media status", "content_rejected", (S.DATA,)),
    Meaning("7", "Security or policy status", "auth_failed", (S.AUTH,)),
    Meaning("7", "Security or policy status", "sender_policy_rejected", (S.MAIL,)),
    Meaning("7", "Security or policy status", "relay_denied", (S.RCPT,)),
    Meaning("7", "Security or policy status", "content_rejected", (S.DATA,)),
)


def meaning_of(enhanced: str | None) -> str:
    """The registered title of a status (``5.7.8`` → "Authentication credentials invalid")."""
    if not enhanced or enhanced.count(".") != 2:
        return ""
    detail = enhanced.split(".", 1)[1]
    return next((m.title for m in REGISTRY if m.status == detail), "")
