"""Turning raw bytes into text: byte-order marks, UTF-8, then a recorded cp1252/latin-1 fallback."""

from __future__ import annotations

import codecs

__all__ = ["DecodeError", "decode", "looks_binary"]

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Control characters that never appear in text (everything below 0x20 but tab, LF, FF, CR,
# plus DEL); a few are tolerated, a sizeable share means the bytes are not text.
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
_BINARY_CONTROL_SHARE = 0.10


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` (without a UTF-16/32 BOM) is not text, or None when it may be text."""
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        return f"binary file ({controls} control bytes in the first {len(sample)})"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns ``(text, encoding)``, text without any byte-order mark.

    Order: a UTF-32/UTF-16/UTF-8 byte-order mark decides; else strict UTF-8; else cp1252
    (Windows Western, a superset of the printable Latin-1 range); else latin-1. The encoding
    used is returned so that it can be recorded (``"utf-8-sig"``, ``"utf-16"``, ``"utf-8"``,
    ``"cp1252"``, ``"latin-1"``). Raises ``DecodeError`` for binary or undecodable input.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError as e:
                raise DecodeError(
                    f"undecodable: {name} byte-order mark but invalid data ({e.reason} at byte {e.start + len(bom)})"
                ) from None
    why = looks_binary(data)
    if why:
        raise DecodeError(why)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
