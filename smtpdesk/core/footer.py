"""The signature block a mail carries ("stopka"), as plain text and as HTML.

Routing decides what goes into it; the test message and the demo inbox render it with the same two
functions, so what the user previews is what a client receives.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# RFC 3676 signature separator: mail clients recognise it and grey out / strip what follows.
SIGNATURE_SEPARATOR = "-- "
# C0 and C1 controls (CR, LF, NEL …) and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Footer:
    # name, phone, e-mail, company, address … in display order; the website comes last, as a link
    lines: tuple[str, ...] = ()
    logo: bytes | None = None
    logo_mime: str = ""
    website: str = ""

    def text(self) -> str:
        return footer_text(self)

    def html(self, logo_cid: str | None = None) -> str:
        return footer_html(self, logo_cid)


def clean_line(text: str) -> str:
    """One footer line: no control characters, no line breaks, single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def website_href(website: str) -> str:
    """A safe link target for the company website: only http(s), scheme added when typed bare."""
    site = clean_line(website).replace(" ", "")
    if not site:
        return ""
    if re.match(r"^https?://", site, re.IGNORECASE):
        return site
    if re.match(r"^[a-z][a-z0-9+.-]*:", site, re.IGNORECASE):
        return ""  # javascript:, data:, mailto: … never become a link
    return "https://" + site


def footer_text(footer: Footer) -> str:
    """The footer as the plain-text part shows it, starting with the signature separator."""
    lines = [clean_line(line) for line in footer.lines]
    lines = [line for line in lines if line]
    if clean_line(footer.website):
        lines.append(clean_line(footer.website))
    if not lines:
        return ""
    return "\n".join([SIGNATURE_SEPARATOR, *lines])


def _line_html(line: str) -> str:
    escaped = html.escape(line)
    if re.fullmatch(r"[^\s@<>\"']+@[^\s@<>\"']+", line):
        return f'<a href="mailto:{html.escape(line, quote=True)}">{escaped}</a>'
    return escaped


def footer_html(footer: Footer, logo_cid: str | None = None) -> str:
    """The footer as an HTML fragment; the logo is shown only when it travels inline (``cid:``)."""
    parts: list[str] = []
    if logo_cid and footer.logo:
        alt = html.escape(clean_line(footer.lines[0]) if footer.lines else "logo", quote=True)
        parts.append(
            f'<p><img src="cid:{html.escape(logo_cid, quote=True)}" alt="{alt}" '
            'style="max-width:200px;max-height:80px"></p>'
        )
    items = [_line_html(line) for line in (clean_line(raw) for raw in footer.lines) if line]
    website = clean_line(footer.website)
    if website:
        href = website_href(website)
        shown = html.escape(website)
        items.append(f'<a href="{html.escape(href, quote=True)}">{shown}</a>' if href else shown)
    if items:
        parts.append("<p>" + "<br>\n".join(items) + "</p>")
    if not parts:
        return ""
    return '<div class="smtpdesk-footer" style="color:#444;font-size:90%">\n' + "\n".join(parts) + "\n</div>"
