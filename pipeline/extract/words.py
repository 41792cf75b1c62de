"""Word segmentation with jieba, taught the unit registry's names.

A private ``jieba.Tokenizer`` is built lazily, once per process (thread-safe), with every
registry surface form (``load_registry().surface_forms()``) added to its dictionary, so that
unit names such as 省人力资源社会保障厅 come out as one token. jieba's logger is silenced: the
library never prints.
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
    """jieba tokens of ``text`` (precise mode, no HMM for stability), punctuation and whitespace dropped."""
    return list(_tokens(text)) if text else []


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _tokenizer().lcut(text, HMM=False) if _WORD_RE.search(t))


def clear_cache() -> None:
    """Forget the tokens of texts seen so far (the cache holds the last 8192 texts)."""
    _tokens.cache_clear()
