"""Word segmentation with jieba, taught the unit registry's names.

A private ``jieba.Tokenizer`` is built lazily, once per process (thread-safe), with every
registry surface form (``load_registry().surface_forms()``) added to its dictionary, so that
unit names such as 省人力资源社会保障厅 come out as one token. jieba's logger is silenced: the
library never prints.

jieba segments a text block by block (runs of CJK, letters and digits, split by its own
``re_han_default``), each block on its own; so tokens are cached per block, not per text. Two
editions of a plan share most of their clauses word for word, and so do the items of one notice
(the same 牵头/配合 phrases, the same openings): a 3,000-task diff segments a tenth of its characters.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

_LOCK = threading.Lock()
_TOKENIZER = None


def _tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.ERROR)
                logging.getLogger("jieba").setLevel(logging.ERROR)
                from .units import load_registry

                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for written, _canonical in load_registry().surface_forms():
                    tokenizer.add_word(written, freq=None, tag="nt")
                _TOKENIZER = tokenizer
    return _TOKENIZER


_WORD_RE = re.compile(r"[^\W_]")  # a letter, digit or CJK character: not whitespace or punctuation


def tokens(text: str) -> list[str]:
    """jieba tokens of ``text`` (precise mode, no HMM for stability), punctuation and whitespace dropped.

    The same tokens as ``lcut(text, HMM=False)`` filtered, by construction (see the module docstring).
    """
    if not text:
        return []
    import jieba

    out: list[str] = []
    for block in jieba.re_han_default.split(text):
        if block:
            out.extend(_block_tokens(block))
    return out


@lru_cache(maxsize=65536)
def _block_tokens(block: str) -> tuple[str, ...]:
    return tuple(t for t in _tokenizer().lcut(block, HMM=False) if _WORD_RE.search(t))


def clear_cache() -> None:
    """Forget the tokens of blocks seen so far (the cache holds the last 65,536 blocks)."""
    _block_tokens.cache_clear()
