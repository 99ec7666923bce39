"""The office's people in the window: sign-in, the first administrator, password changes, the
idle lock, the agent's "Moja poczta" window, the administrator's audit log and password resets.
The rules themselves are in ``smtpdesk.core.people``."""
