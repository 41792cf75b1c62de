"""fengong: structured, auditable data from Chinese task-division notices (分工方案).

    >>> import pipeline
    >>> doc = pipeline.parse("corpus/2023_jiangsu_industrial_workforce_reform_plan.txt")
    >>> doc.meta.doc_number
    '苏产改办〔2023〕3号'
"""

from .errors import FengongError
from .analysis.frames import corpus
from .model import SCHEMA_VERSION, Document, Item, Responsibility, document_from_dict, document_to_dict
from .parse import parse, parse_many
from .settings import Settings

__version__ = "0.1.0"
__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "FengongError",
    "Item",
    "Responsibility",
    "Settings",
    "corpus",
    "document_from_dict",
    "document_to_dict",
    "parse",
    "parse_many",
]
