"""Chinese numerals as written in 公文 numbering and dates (一、十二、二〇二三)."""

from __future__ import annotations

DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
PAREN_IDEOGRAPHS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"  # （一）…（十） as one character each
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def to_int(text: str) -> int | None:
    """``"十二"`` → 12, ``"二〇二三"`` → 2023 (digit by digit), ``"12"`` → 12; ``None`` if not a numeral."""
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    if not text:
        return None
    if text in CIRCLED:
        return CIRCLED.index(text) + 1
    if len(text) == 1 and PAREN_IDEOGRAPHS.find(text) >= 0:
        return PAREN_IDEOGRAPHS.index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    if all(ch in DIGITS for ch in text):  # positional: 二〇二三
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            return None
    return total + current
