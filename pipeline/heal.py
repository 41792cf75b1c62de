"""Heal text-extraction artefacts without changing what the notice says.

Each healed line keeps, for every character, the offset of the source character it
came from, so that any span found later can be traced back to its line and page.
Joining lines split by page breaks happens in ``structure``; here each line is made
uniform: stray spaces inside Chinese text removed, ASCII punctuation next to Chinese
turned into its full-width form (so patterns need only one form), full-width Latin
letters and digits turned into ASCII.
"""

from __future__ import annotations

import re

# Marks a list puts before its entries (● 白茶市场…, △安排…): never the first word of a title.
BULLET_MARKS = "●○◆◇■□▲△▪•·★☆►▶◎"

ASCII_TO_FULLWIDTH = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}
ASCII_FULL_STOP = "."
TERMINAL = frozenset("。！？；）)〕】］]」』”\"：:")
SPACES = frozenset(" \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff")


def is_wide(ch: str) -> bool:
    """CJK ideographs, CJK punctuation and full-width forms."""
    code = ord(ch)
    return (
        0x3000 <= code <= 0x303F
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x2E80 <= code <= 0x2FDF
        or 0x20000 <= code <= 0x3FFFF
        or ch in "“”‘’—…·《》〈〉"
    )


# Full-width digits and Latin letters to ASCII (one character each, so columns stay valid).
FOLD_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
# Small and compatibility forms that web text uses for ordinary punctuation (1﹒, ﹙一﹚).
FOLD_WIDTH.update({ord(a): b for a, b in zip("﹒﹐﹑﹔﹕﹖﹗﹙﹚﹝﹞︰", "．，、；：？！（）〔〕：")})


FOLDS = re.compile("[" + "".join(re.escape(chr(code)) for code in FOLD_WIDTH) + "]")
NEEDS_WORK = re.compile("[" + re.escape("".join(SPACES) + "".join(ASCII_TO_FULLWIDTH) + ASCII_FULL_STOP) + "]")


_PUNCTUATION_CHARS = frozenset(ASCII_TO_FULLWIDTH) | {ASCII_FULL_STOP}
SPACE_RUN = re.compile("[" + re.escape("".join(SPACES)) + "]+")
PUNCTUATION = re.compile("[" + re.escape("".join(ASCII_TO_FULLWIDTH) + ASCII_FULL_STOP) + "]")


# Pinyin glosses that some mirrors put after characters: 責(zé)任單位 is 責任單位 (full-width brackets too,
# 協（xié）辦單位, as a page whose punctuation is all full-width writes them).
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-z]{{0,7}}[{TONED}])[a-z{TONED}]{{1,8}}[)）]")


# Anti-copy glyphs that some sites scatter through the text, even inside labels
# (责任单位◆★◆■★■：…): a run of two or more, or one between two characters of a word.
NOISE_GLYPHS = "■◆★◇□☆▲△▼▽●◎◢◣◤◥"
NOISE = re.compile(rf"[{NOISE_GLYPHS}]{{2,}}|(?<=[\u3400-\u9fff])[{NOISE_GLYPHS}](?=[\u3400-\u9fff：:。，,；;（(）)])")
# What each needs, found faster than the pattern is tried at every character.
GLOSS_OPEN = re.compile(r"[(（]")
NOISE_GLYPH = re.compile(f"[{NOISE_GLYPHS}]")


LOST_ONE = re.compile(r"^([ \u3000]?)[—－](?=、)")
# A page mark that a run-together page left inside a sentence (县农作第2页共4页物秸秆): never text.
INLINE_PAGE_MARK = re.compile(r"第\s*\d{1,4}\s*页\s*[，,/]?\s*共\s*\d{1,4}\s*页")
PAGE_OF = re.compile("共")


def heal_line(text: str) -> tuple[str, list[int]]:
    """Return the healed line and, for each of its characters, its column in ``text``."""
    if LOST_ONE.match(text):  # —、总则: the 一 of the first heading typed (or recognised) as a dash
        text = LOST_ONE.sub(r"\1一", text, count=1)
    patterns = [p for p, probe in ((GLOSS, GLOSS_OPEN), (NOISE, NOISE_GLYPH), (INLINE_PAGE_MARK, PAGE_OF)) if probe.search(text) and p.search(text)]
    if patterns:
        keep = [True] * len(text)
        for pattern in patterns:
            keep = [a and b for a, b in zip(keep, _outside(pattern, text))]
        kept = [i for i, flag in enumerate(keep) if flag]
        healed, columns = _heal("".join(text[i] for i in kept))
        return healed, [kept[c] for c in columns]
    return _heal(text)


def _outside(pattern: re.Pattern[str], text: str) -> list[bool]:
    keep = [True] * len(text)
    for found in pattern.finditer(text):
        keep[found.start() : found.end()] = [False] * (found.end() - found.start())
    return keep


def _heal(text: str) -> tuple[str, list[int]]:
    if FOLDS.search(text):  # (translate looks up every character; most lines have none to fold)
        text = text.translate(FOLD_WIDTH)
    if NEEDS_WORK.search(text) is None:  # most lines of a notice: nothing to heal
        return text, list(range(len(text)))
    pieces: list[str] = []
    columns: list[int] = []
    position = 0
    for run in SPACE_RUN.finditer(text):  # work run by run, not character by character
        if run.start() > position:
            pieces.append(text[position : run.start()])
            columns.extend(range(position, run.start()))
        before = pieces[-1][-1] if pieces else ""
        after = text[run.end()] if run.end() < len(text) else ""
        if before and after and _keeps_space(before, after):
            pieces.append(" ")
            columns.append(run.start())
        position = run.end()
    pieces.append(text[position:])
    columns.extend(range(position, len(text)))
    healed = "".join(pieces)
    if PUNCTUATION.search(healed):
        chars = list(healed)
        _widen_punctuation(chars)
        healed = "".join(chars)
    return healed, columns


def _keeps_space(before: str, after: str) -> bool:
    """A space stays only between Latin words or numbers (``企业 and 职业``, ``2021 2023``)."""
    latin_before = before.isascii() and before.isalnum()
    latin_after = after.isascii() and after.isalnum()
    if latin_before and latin_after:
        return True
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def widen_punctuation(text: str) -> str:
    """ASCII ``():,;?!`` next to Chinese become full-width (not between digits: ``1,000``, ``10:30``)."""
    chars = list(text)
    _widen_punctuation(chars)
    return "".join(chars)


def _widen_punctuation(chars: list[str]) -> None:
    for index in [found.start() for found in PUNCTUATION.finditer("".join(chars))]:  # (as ch in _PUNCTUATION_CHARS)
        ch = chars[index]
        if ch == "." and index and _ends_chinese_sentence(chars, index):
            chars[index] = "。"
            continue
        wide = ASCII_TO_FULLWIDTH.get(ch)
        if wide is None:
            continue
        before = chars[index - 1] if index else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        digits_around = before.isdigit() and after.isdigit()
        if not digits_around and ((before and is_wide(before)) or (after and is_wide(after)) or ch in "()" and _paren_wraps_wide(chars, index)):
            chars[index] = wide


def _ends_chinese_sentence(chars: list[str], index: int) -> bool:
    """A ``.`` after Chinese text (not ``1.`` nor ``2.5``) at the end or before more Chinese: a full stop."""
    before = chars[index - 1]
    after = chars[index + 1] if index + 1 < len(chars) else ""
    return is_wide(before) and before not in "．" and (not after or is_wide(after) or after in "(（")


def _paren_wraps_wide(chars: list[str], index: int) -> bool:
    """``(`` at line end or before a digit still opens a Chinese clause if Chinese follows soon."""
    if chars[index] == "(":
        # (a number in brackets opening a Chinese line: (10)市林业局)
        after = "".join(chars[index + 1 : index + 9])
        numbered = re.match(r"\d{1,5}\)", after)
        window = list(after[numbered.end() : numbered.end() + 3]) if numbered else chars[index + 1 : index + 4]
    else:
        window = chars[max(0, index - 3) : index]
    return any(is_wide(c) for c in window)


def ends_terminal(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] in TERMINAL
