"""Bytes to text, robustly: BOMs, UTF-16 without BOM, UTF-8, legacy 8-bit encodings, and binary refusal.

Real corpora hold files saved by every editor and scraper there is. A wrong guess silently corrupts names
("Montréal" becoming "Montrﻠal"), which then breaks entity linking downstream, so the order of evidence
matters: explicit markers (BOM, declared charset) first, structural patterns (NUL layout) next, statistics
(charset-normalizer) last, with a Western-European prior because Parallax analyses English news.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
from charset_normalizer.md import mess_ratio

SAMPLE_BYTES = 64 * 1024

# Magic numbers of common non-text files, so a person learns *what* they fed in, not just "undecodable".
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive or Office document"),
    (0, b"PK\x05\x06", "empty ZIP archive"),
    (0, b"\x1f\x8b", "gzip-compressed file"),
    (0, b"BZh", "bzip2-compressed file"),
    (0, b"\xfd7zXZ\x00", "xz-compressed file"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd-compressed file"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (0, b"\x7fELF", "executable (ELF)"),
    (0, b"MZ", "Windows executable"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (8, b"DUCK", "DuckDB database"),
    (0, b"PAR1", "Parquet file"),
    (0, b"ID3", "MP3 audio"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (4, b"ftyp", "MP4/MOV video"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (0, b"wOFF", "web font"),
    (0, b"wOF2", "web font"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_CONTROL_RATIO = 0.05  # real text has ~0 control bytes; random/binary data has ~11%
_NUL_RATIO = 0.1  # stray NULs are scraper damage; binary formats are full of them
_LEGACY_PRIOR = "cp1252"


class DecodeError(ValueError):
    """The bytes are not a text a person could read; the message says why, in plain words."""


def binary_kind(data: bytes) -> str | None:
    """The name of a known binary format if ``data`` starts with its magic number."""
    head = data[:512]
    for offset, magic, name in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            # Printable magics ("MZ", "BZh", "ID3"...) could open a real sentence: demand binary bytes too.
            if magic.isascii() and magic.decode("ascii").isprintable() and name != "PDF document":
                if not any(b < 0x09 or 0x0E <= b < 0x20 for b in head):
                    continue
            return name
    if data[:4] == b"RIFF" and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte-order mark, if any (UTF-32 checked before its UTF-16 prefix)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_by_nuls(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 from where the NULs sit: mostly-ASCII text puts them on one parity only."""
    sample = data[:SAMPLE_BYTES]
    half = len(sample) // 2
    if half < 4:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def sniff_encoding(data: bytes) -> str | None:
    """A BOM or UTF-16 layout encoding, or None when the data is byte-oriented (UTF-8 / 8-bit)."""
    return bom_encoding(data) or utf16_by_nuls(data)


def _split_words(text: str) -> bool:
    """Whether non-ASCII symbols sit inside words ("po³owa"): the sign of a wrong 8-bit code page."""
    for i in range(1, len(text) - 1):
        ch = text[i]
        if ord(ch) > 127 and not ch.isalpha() and ch not in "\u2019\u2018" \
                and text[i - 1].isalpha() and text[i + 1].isalpha():
            return True
    return False


def _legacy_decode(data: bytes) -> str:
    """Decode non-UTF-8 bytes: cp1252 when it reads cleanly, else charset-normalizer's best guess.

    Short Western texts are ambiguous between many 8-bit code pages (all decode "São" without errors) and
    charset-normalizer then picks arbitrarily (cp1257, cp1006...). In an English-news corpus cp1252/latin-1
    is by far the likeliest, so it wins whenever it decodes strictly and the result shows no mojibake
    (chaos by charset-normalizer's mess detector, or symbols splitting words).
    """
    try:
        western = data.decode(_LEGACY_PRIOR)
    except UnicodeDecodeError:
        western = None
    if western is not None and mess_ratio(western[:20000], 0.2) < 0.1 and not _split_words(western[:20000]):
        return western
    best = charset_normalizer.from_bytes(data[: SAMPLE_BYTES * 4]).best()
    if best is None:
        if western is not None:
            return western
        return data.decode("latin-1")  # never fails; the text check downstream judges what is left
    return data.decode(best.encoding, errors="replace")


def normalise(text: str) -> str:
    """Unify line ends, drop BOM characters, compose accents (NFC) so equal names compare equal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def _declared(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to normalised text, or raise DecodeError with a reason a person understands.

    ``declared`` is a charset from an HTTP header or ``<meta charset>``; after UTF-8 it is trusted when it
    decodes strictly, because statistics on short texts are often wrong.
    """
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"binary file ({kind}), not an article")
    wide = sniff_encoding(data)
    if wide:
        body = data[len(codecs.BOM_UTF8) :] if wide == "utf-8" and data.startswith(codecs.BOM_UTF8) else data
        return normalise(body.decode(wide if wide != "utf-8" else "utf-8", errors="replace"))
    data = data.rstrip(b"\x00")  # NUL padding from preallocated or truncated writes
    sample = data[:SAMPLE_BYTES]
    if sample:
        nuls = sample.count(0)
        controls = sum(1 for b in sample if (0 < b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
        if nuls / len(sample) > _NUL_RATIO or controls / len(sample) > _CONTROL_RATIO:
            raise DecodeError("binary file (unknown format: too many control bytes), not an article")
    data = data.replace(b"\x00", b"")
    try:  # valid multi-byte UTF-8 is vanishingly unlikely by accident, so it beats a (often stale) declaration
        return normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    enc = _declared(declared)
    if enc:
        try:
            return normalise(data.decode(enc))
        except UnicodeDecodeError:
            pass
    return normalise(_legacy_decode(data))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes (``<meta charset>`` or http-equiv)."""
    found = _META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii", "ignore") if found else None


def content_type_charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header."""
    if not content_type:
        return None
    found = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type, re.IGNORECASE)
    return found.group(1) if found else None
