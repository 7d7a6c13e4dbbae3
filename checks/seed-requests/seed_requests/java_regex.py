"""The Java regular expressions of the AWS service models as Python `re` patterns.

AWS validates a member's pattern against the whole value (its error reads "Member must satisfy regular expression
pattern"), with Java's regex dialect. Python's `re` lacks a few Java constructs the models use, translated here:
Unicode categories (\\p{L}, \\p{N}, ...), the POSIX classes \\p{Print} and \\p{ASCII} (ASCII-only in Java, as
java.util.regex.Pattern documents), \\z, UTF-16 surrogate pairs (\\uD800\\uDC00 is U+10000) and a quantifier on
`$`. A construct not handled here raises UnsupportedPattern, so a new one is translated on purpose, never skipped.
"""
import re
import sys
import unicodedata
from functools import lru_cache

POSIX_CLASSES = {"Print": r"\x20-\x7e", "ASCII": r"\x00-\x7f"}
UNICODE_CATEGORIES = ("L", "M", "N", "P", "S", "Z", "C")
_QUANTIFIER = re.compile(r"\{\d+(,\d*)?\}")


class UnsupportedPattern(ValueError):
    pass


@lru_cache(maxsize=None)
def _category_ranges():
    """{major category: class body of its code point ranges}, one pass over every code point."""
    ranges = {major: [] for major in UNICODE_CATEGORIES}
    current, start = None, 0
    for code in range(sys.maxunicode + 2):
        major = unicodedata.category(chr(code))[0] if code <= sys.maxunicode else None
        if major != current:
            if current is not None:
                ranges[current].append((start, code - 1))
            current, start = major, code
    return {major: "".join(_range(low, high) for low, high in spans) for major, spans in ranges.items()}


def _escape(code):
    return f"\\U{code:08x}"


def _range(low, high):
    return _escape(low) if low == high else f"{_escape(low)}-{_escape(high)}"


def _property(name, pattern):
    if name in POSIX_CLASSES:
        return POSIX_CLASSES[name]
    if name in UNICODE_CATEGORIES:
        return _category_ranges()[name]
    raise UnsupportedPattern(f"\\p{{{name}}} in {pattern!r} has no translation")


def _surrogate_pair(pattern, index):
    """The code point of \\uHIGH\\uLOW at index, or None."""
    high, low = pattern[index + 2:index + 6], pattern[index + 8:index + 12]
    if pattern[index + 6:index + 8] != "\\u" or len(low) != 4:
        return None
    high, low = int(high, 16), int(low, 16)
    if 0xD800 <= high <= 0xDBFF and 0xDC00 <= low <= 0xDFFF:
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return None


@lru_cache(maxsize=None)
def translate(pattern):
    """The Python pattern matching what the Java pattern matches."""
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            escaped = pattern[index + 1:index + 2]
            if escaped in ("p", "P"):
                end = pattern.index("}", index)
                body = _property(pattern[index + 3:end], pattern)
                if escaped == "P" and in_class:
                    raise UnsupportedPattern(f"\\P inside a class in {pattern!r} has no translation")
                out.append(body if in_class else f"[{'^' if escaped == 'P' else ''}{body}]")
                index = end + 1
                continue
            if escaped == "z":
                out.append(r"\Z")
            elif escaped == "u" and _surrogate_pair(pattern, index) is not None:
                out.append(_escape(_surrogate_pair(pattern, index)))
                index += 12
                continue
            else:
                out.append(pattern[index:index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class:
            quantifier = _QUANTIFIER.match(pattern, index + 1)
            if quantifier:
                # A quantified end-of-input anchor matches where the anchor alone does.
                out.append("$")
                index = quantifier.end()
                continue
        out.append(char)
        index += 1
    return re.compile("".join(out))


def full_match(pattern, value):
    return translate(pattern).fullmatch(value) is not None
