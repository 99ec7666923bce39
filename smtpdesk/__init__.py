"""smtpdesk: outgoing e-mail settings, one-click test mails and plain-language diagnosis."""

__version__ = "0.1.0"
APP_NAME = "smtpdesk"
