"""The office's people: who may sign in to smtpdesk, as what, and what they may see.

Qt-free, so the rules are the same wherever they are used: ``accounts`` (application passwords,
sign-in, lockout, resets), ``rules`` (what a new password must be), ``hashing`` (Argon2id),
``masking`` (clients' addresses and phone numbers hidden from agents), ``audit`` (the change log
read as an audit trail, and its CSV export).
"""
