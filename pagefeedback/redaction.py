"""Personal details are taken out of free text before it is stored.

The "what was wrong" box warns people not to type names, identity numbers,
phone numbers or e-mail addresses; some will anyway. ``redact`` replaces what
can be recognised mechanically (names cannot) with a marker, erring on the
side of removing too much: a comment about a page never needs a long number.
"""

import re

MARKER = "[***]"

EMAIL = re.compile(r"[\w.+%-]+\s*(?:@|\[at\]|\(at\))\s*[\w-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\w-]+)+", re.I)
# A run of digits with single separators between groups: "0812-3456-7890",
# "+62 812 3456 7890", "(0711) 351234", "1671 0123 4567 0001".
NUMBER_RUN = re.compile(r"\+?\(?\d+\)?(?:[ .\-/]?\(?\d+\)?)*")
# Indonesian telephone numbers start with 0, 62 or +62.
PHONE_PREFIX = re.compile(r"^\+?\(?(?:0|62)")
PHONE_MIN_DIGITS = 8
#: Any number this long is an identity, account or telephone number (NIK and
#: family-card numbers have 16 digits), never something a page comment needs.
LONG_NUMBER_DIGITS = 10


def _number(match):
    text = match.group(0)
    digits = sum(char.isdigit() for char in text)
    if digits >= LONG_NUMBER_DIGITS or (digits >= PHONE_MIN_DIGITS and PHONE_PREFIX.match(text)):
        return MARKER
    return text


def redact(text):
    """``text`` without e-mail addresses, telephone numbers and 16-digit (or other long) numbers."""
    if not text:
        return ""
    text = EMAIL.sub(MARKER, text)
    return NUMBER_RUN.sub(_number, text)
