"""Text from files and the database, made safe for a terminal: control characters named
where they are refused, and made visible where they are printed."""

from __future__ import annotations

import unicodedata

_C0 = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]
_C1 = [
    "PAD",
    "HOP",
    "BPH",
    "NBH",
    "IND",
    "NEL",
    "SSA",
    "ESA",
    "HTS",
    "HTJ",
    "VTS",
    "PLD",
    "PLU",
    "RI",
    "SS2",
    "SS3",
    "DCS",
    "PU1",
    "PU2",
    "STS",
    "CCH",
    "MW",
    "SPA",
    "EPA",
    "SOS",
    "SGCI",
    "SCI",
    "CSI",
    "ST",
    "OSC",
    "PM",
    "APC",
]
# Bidirectional embeddings, overrides and isolates can make text read other than it is.
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
# Invisible marks: zero-width spaces and joiners, direction marks, line and paragraph
# separators, word joiners and the byte-order mark. 'pull-up' with one is not pull-up.
_INVISIBLE = (
    frozenset(range(0x200B, 0x2010)) | frozenset(range(0x2060, 0x2065))
    | {0x061C, 0x180E, 0x2028, 0x2029, 0xFEFF}
)  # fmt: skip


def _unsafe(code: int) -> bool:
    return code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI or code in _INVISIBLE


def describe(char: str) -> str:
    """'ESC (U+001B)', 'RIGHT-TO-LEFT OVERRIDE (U+202E)'."""
    code = ord(char)
    if code < 0x20:
        name = _C0[code]
    elif code == 0x7F:
        name = "DEL"
    elif 0x80 <= code <= 0x9F:
        name = _C1[code - 0x80]
    else:
        name = unicodedata.name(char, "UNKNOWN")
    return f"{name} (U+{code:04X})"


def control_character(text: str) -> str | None:
    """Why `text` cannot be shown as it is ('the control character ESC (U+001B)'), or None."""
    for char in text:
        code = ord(char)
        if _unsafe(code):
            kind = (
                "bidirectional control"
                if code in _BIDI
                else "invisible character"
                if code in _INVISIBLE
                else "control character"
            )
            return f"the {kind} {describe(char)}"
    return None


def not_text(text: str) -> str | None:
    """Why `text` cannot be stored as UTF-8 ('a byte that is not UTF-8 (0x9B)', from a
    command line, or 'a lone surrogate U+D800', from JSON), or None."""
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte of argv it cannot decode
            return f"a byte that is not UTF-8 (0x{code - 0xDC00:02X})"
        if 0xD800 <= code <= 0xDFFF:
            return f"a lone surrogate U+{code:04X}, which is not text"
    return None


def visible(text: str) -> str:
    """`text` with every control character shown as a symbol (ESC as ␛) or a code
    (<U+202E>), so text written by hand or by an older backplan cannot drive the
    terminal."""
    if not any(_unsafe(ord(char)) for char in text):
        return text
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20:
            out.append(chr(0x2400 + code))  # the Control Pictures block: ␀ … ␟
        elif code == 0x7F:
            out.append("\u2421")  # ␡
        elif _unsafe(code):
            out.append(f"<U+{code:04X}>")
        else:
            out.append(char)
    return "".join(out)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Text for a CSV cell that a spreadsheet shows as text, never runs: a leading
    apostrophe where it would start a formula (OWASP's advice for CSV injection)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def json_safe(text: str) -> str:
    """JSON text with every control character written as its escape (\\u009b): the same
    document to a parser, and nothing a terminal acts on when it is printed."""
    if not any(_unsafe(ord(char)) for char in text):
        return text
    return "".join(
        f"\\u{ord(char):04x}" if _unsafe(ord(char)) and char not in "\n" else char for char in text
    )


def visible_lines(text: str) -> str:
    """`visible`, keeping the line breaks."""
    return "\n".join(visible(line) for line in text.split("\n"))
