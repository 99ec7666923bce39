"""Plain-language diagnosis of a test run: an ordered table of rules over ``Facts``.

``diagnose(facts, ctx, ok=False)`` evaluates ``rules.RULES`` top to bottom; the first rule whose
conditions hold gives the code (and maybe a text variant), ``texts`` the sentences, ``fixes`` the
one-click changes. Codes are listed, in their stable order, in ``DIAGNOSIS_CODES``.

``Facts`` fields the rules read:

- ``stage`` — every per-stage rule; CONFIG gives no_server_configured/invalid_settings, DNS the name
  rules, CONNECT/GREETING the connection rules, TLS/AUTH/MAIL/RCPT/DATA the fallbacks.
- ``exception`` (class name) — the engine's own NoServerConfigured, MissingPassword, InvalidPort,
  InvalidValue, MissingAddress/InvalidAddress (CONFIG) and PlaintextAuthNotAllowed (AUTH); gaierror,
  ConnectionRefusedError, TimeoutError, SMTPServerDisconnected/ConnectionResetError (drops),
  SSL*Error and SSLCertVerificationError, SMTPHeloError, SMTPNotSupportedError (no STARTTLS or
  AUTH), SMTPDataError, UnicodeEncodeError (SMTPUTF8).
- ``errno`` — DNS (-3/11002 temporary), refused (111/61/10061), unreachable (101/113/…), connect
  timeout (110/60/10060), reset (104/54/10054/10053/32).
- ``ssl_reason`` — WRONG_VERSION_NUMBER & co. (SSL/TLS on a plain port), old-protocol reasons
  (tls_incompatible), CERTIFICATE_VERIFY_FAILED.
- ``verify_message``, ``message``, ``reply_text`` — searched together, lower-case, for wordings.
- ``reply_code``, ``enhanced_code`` — codes, 4xx/5xx ranges, RFC 3463 prefixes (5.7.139, 5.7.9…).
- ``host`` (else the context's host) — Gmail, Microsoft, app-password providers, Polish portals.
- ``port``, ``security`` — the mode actually in use (465 with STARTTLS/none, SSL on 587…).
- ``implicit_tls_detected``, ``plain_detected`` — the engine's probes for a mode/port mismatch.
- ``starttls_offered``, ``tls_active`` — whether encryption was offered and is on (``None`` for
  "not known" never matches a rule asking for ``False``).
- ``dns_works`` — a second lookup of a well-known name (no internet vs. no such server).
- ``greeting`` — a first line that is not "NNN text" (POP3, IMAP, web server).
- ``cert`` — issuer (antivirus), self_signed, names (the host name to suggest), dates, sha256.
- ``cancelled`` — the run was stopped by the user.
- ``overflow`` — a reply broke a bound (``bad_server_reply``); ``pinned_changed`` — a pinned
  certificate was replaced (``certificate_changed``); ``size_limit``/``message_size`` — EHLO SIZE
  against the test message; ``dns_error``/``dns_kind`` — the resolver's words and NXDOMAIN/SERVFAIL/
  timeout; ``answering_ports`` — other ports of the server that answered (offered as a fix).

The reply's class decides first (``rules.match_rule``: a 4xx never gets a permanent diagnosis,
421 anywhere is ``server_closing``); the enhanced code's registered meaning (``registry``) is the
fallback after the wording rules. ``DiagnosisContext.shown_in`` ("window" or "cli") decides whether
the advice names the window's fields or the command line's options (``where``).

``authenticated`` is available to rules but none needs it yet; ``auth_mechanisms`` is only quoted
in texts. The context supplies host, port, login, sender and recipient for the texts, the
login/sender pair for the sender rules, and ``account_source``/``contact_mode`` to choose the
advice for a rejected sender (company account vs. each employee's own).
"""

from smtpdesk.core.diagnosis.codes import DIAGNOSIS_CODES
from smtpdesk.core.diagnosis.evaluate import diagnose
from smtpdesk.core.diagnosis.model import Diagnosis, DiagnosisContext, Fix, FixKind

# The OAuth2 texts and fixes register themselves into the tables above.
from smtpdesk.core.diagnosis import texts_oauth  # noqa: F401  isort: skip

__all__ = ["DIAGNOSIS_CODES", "Diagnosis", "DiagnosisContext", "Fix", "FixKind", "diagnose"]
