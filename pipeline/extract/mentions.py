"""Units *mentioned* in an item's text, kept apart from the units its clause makes responsible.

spaCy's blank Chinese pipeline with its default character segmenter, plus an
EntityRuler fed with every written form in the registry. Character tokens matter:
with jieba tokens, a phrase pattern misses names the segmentation cuts through
(由省总工会同省人社厅负责 → 由省|总工会|同省|人|社厅).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from .units import Registry

if TYPE_CHECKING:
    from spacy.language import Language

LABEL = "UNIT"


@lru_cache(maxsize=4)
def _pipeline(registry: Registry) -> "Language":
    import spacy  # heavy: imported on first use only

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": LABEL, "pattern": name, "id": canonical} for name, canonical in registry.surface_forms()])
    return nlp


@lru_cache(maxsize=4)
def _any_name(registry: Registry) -> "re.Pattern[str]":
    return re.compile("|".join(re.escape(name) for name, _ in registry.surface_forms()))


def find_mentions(texts: Iterable[str], registry: Registry) -> list[list[tuple[str, str, int, int]]]:
    """For each text, ``(canonical, written form, start, end)`` of every registry unit named in it.

    Docs are built one token per character directly (what the char segmenter yields, without
    its slow re-alignment of words and spaces), then run through the pipeline's components.
    """
    from spacy.tokens import Doc

    nlp = _pipeline(registry)
    candidates = _any_name(registry)
    found = []
    for text in texts:
        if candidates.search(text) is None:  # no registry name at all: nothing for the ruler to mark
            found.append([])
            continue
        doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text)) if text else nlp.make_doc(text)
        for _, component in nlp.pipeline:
            doc = component(doc)
        found.append([(ent.ent_id_, ent.text, ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == LABEL])
    return found
