"""Reading a logo file: size limit and the three formats a mail footer can carry."""

from __future__ import annotations

from pathlib import Path

MAX_LOGO_BYTES = 2 * 1024 * 1024
MIME_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


class LogoFileError(Exception):
    """Why a file cannot be the logo: ``reason`` is "too_big", "unreadable" or "not_image"."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def sniff_mime(data: bytes) -> str | None:
    """The image type told by the content itself (a file name can lie)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")
    ) and b"<svg" in head:
        return "image/svg+xml"
    return None


def read_logo(path: str | Path) -> tuple[bytes, str]:
    """The file's bytes and MIME type; raises ``LogoFileError``."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise LogoFileError("too_big", f"{size / (1024 * 1024):.1f}")
        data = file.read_bytes()
    except OSError as error:
        raise LogoFileError("unreadable", error.strerror or str(error)) from None
    if len(data) > MAX_LOGO_BYTES:  # grew since stat()
        raise LogoFileError("too_big", f"{len(data) / (1024 * 1024):.1f}")
    mime = sniff_mime(data)
    if mime is None:
        raise LogoFileError("not_image")
    return data, mime
