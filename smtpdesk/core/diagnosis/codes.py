"""The stable diagnosis codes (the CLI, the GUI and the history store them) and their severity."""

from __future__ import annotations

DIAGNOSIS_CODES: tuple[str, ...] = (
    "ok",
    "no_server_configured",
    "invalid_settings",
    "host_not_found",
    "dns_unavailable",
    "connection_refused",
    "connect_timeout",
    "network_unreachable",
    "connection_reset",
    "greeting_timeout",
    "server_busy",
    "server_closing",
    "client_blocked",
    "not_smtp_service",
    "bad_server_reply",
    "helo_rejected",
    "tls_on_plain_port",
    "plain_on_tls_port",
    "encryption_required",
    "starttls_unavailable",
    "starttls_refused",
    "tls_incompatible",
    "tls_handshake_failed",
    "certificate_untrusted",
    "certificate_name_mismatch",
    "certificate_expired",
    "certificate_changed",
    "auth_failed",
    "auth_app_password_required",
    "auth_disabled_by_provider",
    "auth_not_offered",
    "auth_mechanism_unsupported",
    "auth_rate_limited",
    "auth_required",
    "sender_not_allowed",
    "sender_invalid",
    "sender_policy_rejected",
    "relay_denied",
    "recipient_unknown",
    "recipient_deferred",
    "too_many_recipients",
    "message_too_large",
    "content_rejected",
    "data_rejected",
    "smtputf8_required",
    "quota_exceeded",
    "account_blocked",
    "connection_dropped",
    "temporary_failure",
    "unknown_failure",
    "cancelled",
)

# Same settings may work later: shown as a warning, not an error.
TEMPORARY_CODES: frozenset[str] = frozenset(
    {
        "server_busy",
        "server_closing",
        "auth_rate_limited",
        "recipient_deferred",
        "quota_exceeded",
        "temporary_failure",
    }
)

# Codes that say the settings (or the server's policy) refuse this for good. A 4xx reply is a
# temporary refusal by definition, so a rule giving one of these is never chosen for a 4xx reply.
PERMANENT_CODES: frozenset[str] = frozenset(
    {
        "client_blocked",
        "helo_rejected",
        "encryption_required",
        "auth_failed",
        "auth_app_password_required",
        "auth_disabled_by_provider",
        "auth_not_offered",
        "auth_mechanism_unsupported",
        "auth_required",
        "account_blocked",
        "sender_not_allowed",
        "sender_invalid",
        "sender_policy_rejected",
        "relay_denied",
        "recipient_unknown",
        "message_too_large",
        "content_rejected",
        "data_rejected",
        "smtputf8_required",
    }
)

# Codes whose explanation ends with the server's own words (they name the real reason).
REPLY_CODES: frozenset[str] = frozenset(
    {
        "server_busy",
        "server_closing",
        "client_blocked",
        "not_smtp_service",
        "helo_rejected",
        "starttls_refused",
        "auth_failed",
        "auth_disabled_by_provider",
        "auth_mechanism_unsupported",
        "auth_rate_limited",
        "auth_required",
        "sender_not_allowed",
        "sender_invalid",
        "sender_policy_rejected",
        "relay_denied",
        "recipient_unknown",
        "recipient_deferred",
        "too_many_recipients",
        "message_too_large",
        "content_rejected",
        "data_rejected",
        "quota_exceeded",
        "account_blocked",
        "connection_dropped",
        "temporary_failure",
        "unknown_failure",
    }
)
