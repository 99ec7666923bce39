"""What each diagnosis says: title, explanation and ordered steps, in Polish and English.

Written for an office manager, not an administrator: what happened, why, and which field to change
to what. One module per family of failures; ``TEXTS`` and ``VARIANTS`` here are all of them.
"""

from __future__ import annotations

from smtpdesk.core.diagnosis.texts import encryption, login, network, sending, setup
from smtpdesk.core.diagnosis.texts.common import Step, Text, Variant, step
from smtpdesk.core.i18n import Msg

__all__ = ["REPLY_SUFFIX", "TEXTS", "VARIANTS", "Step", "Text", "Variant", "step"]

_FAMILIES = (setup, network, encryption, login, sending)

TEXTS: dict[str, Text] = {code: text for family in _FAMILIES for code, text in family.TEXTS.items()}
VARIANTS: dict[tuple[str, str], Variant] = {
    key: variant for family in _FAMILIES for key, variant in family.VARIANTS.items()
}

REPLY_SUFFIX = Msg(pl=" Odpowiedź serwera: „{reply}”.", en=" The server replied: “{reply}”.")
