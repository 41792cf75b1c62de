"""The visual line of a page, shared by the PDF reader and the OCR that feeds it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    """One visual line. Coordinates in points from the page's top-left corner."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    ocr: bool = False

    @property
    def baseline(self) -> float:
        return self.bottom
