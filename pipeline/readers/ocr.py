"""OCR of PDF pages without usable text, with the optional ``rapidocr`` extra.

Only the models bundled inside the rapidocr wheel are used; nothing is ever
downloaded (if the bundled models are missing, OCR counts as unavailable).
Each recognised text line becomes a ``page_lines.Line`` in page points, so the PDF
reader's layout rules (indents, short lines, page furniture) apply unchanged.
ASCII punctuation that OCR reads next to Chinese is made full-width.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from ..heal import widen_punctuation

SCALE = 2.0  # render at 144 dpi


def _models_dir() -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec("rapidocr")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "models"


def _bundled_models() -> dict[str, Path]:
    """The ONNX models shipped inside the rapidocr wheel: {"det": …, "rec": …, "cls": …}."""
    models = _models_dir()
    if models is None or not models.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(models.glob("*.onnx")):
        for task in ("det", "rec", "cls"):
            if f"_{task}" in path.name.lower() and task not in found:
                found[task] = path
    return found


def available() -> bool:
    """rapidocr and onnxruntime importable, with bundled detection and recognition models."""
    import importlib.util

    if importlib.util.find_spec("onnxruntime") is None:
        return False
    models = _bundled_models()
    return "det" in models and "rec" in models


def _no_telemetry() -> None:
    """Nothing reaches the network at run time: onnxruntime's telemetry events are switched off."""
    import onnxruntime

    disable = getattr(onnxruntime, "disable_telemetry_events", None)
    if disable is not None:
        disable()


@lru_cache(maxsize=1)
def _engine():
    """The engine on the bundled models, given by path so that rapidocr never downloads one."""
    _no_telemetry()
    from rapidocr import RapidOCR

    models = _bundled_models()
    params = {
        "Global.log_level": "warning",
        "Det.model_path": str(models["det"]),
        "Rec.model_path": str(models["rec"]),
    }
    if "cls" in models:
        params["Cls.model_path"] = str(models["cls"])
    else:
        params["Global.use_cls"] = False
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        return RapidOCR(params=params)
    finally:
        logging.disable(previous)


def normalise(text: str) -> str:
    """OCR turns ：，（） into ASCII: next to Chinese they become full-width again (not ``1,000``)."""
    return widen_punctuation(text.strip())


def page_lines(page, page_no: int) -> list:
    """OCR one pypdfium2 page into ``page_lines.Line`` objects, top to bottom."""
    from .page_lines import Line

    image = page.render(scale=SCALE, grayscale=True).to_numpy()
    result = _engine()(image)
    if result.boxes is None or result.txts is None:
        return []
    boxes = []
    for box, text in zip(result.boxes, result.txts):
        xs = [float(p[0]) / SCALE for p in box]
        ys = [float(p[1]) / SCALE for p in box]
        text = normalise(text)
        if text:
            boxes.append([min(xs), max(xs), min(ys), max(ys), text])
    boxes.sort(key=lambda b: (b[2] + b[3]) / 2)
    merged: list[list] = []
    for box in boxes:  # pieces of one visual line, left to right
        if merged and abs((merged[-1][2] + merged[-1][3]) / 2 - (box[2] + box[3]) / 2) < (box[3] - box[2]) * 0.5:
            last = merged[-1]
            pieces = sorted([last, box], key=lambda b: b[0])
            last[:] = [pieces[0][0], max(last[1], box[1]), min(last[2], box[2]), max(last[3], box[3]), pieces[0][4] + pieces[1][4]]
        else:
            merged.append(box)
    return [Line(page_no, text, x0, x1, top, bottom, bottom - top, ocr=True) for x0, x1, top, bottom, text in merged]
