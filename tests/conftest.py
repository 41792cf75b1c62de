from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
NOTICE_2023 = CORPUS / "2023_jiangsu_industrial_workforce_reform_plan.txt"
NOTICE_2024 = CORPUS / "2024_jiangsu_industrial_workforce_reform_plan.synthetic.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true", help="Rewrite golden files from the current output.")


@pytest.fixture(scope="session")
def regen(request) -> bool:
    return request.config.getoption("--regen")


@pytest.fixture(scope="session")
def notice_2023_path() -> Path:
    return NOTICE_2023


@pytest.fixture(scope="session")
def doc2023():
    import os

    import pipeline

    cwd = os.getcwd()
    os.chdir(ROOT)  # source paths in golden files are relative to the project root
    try:
        return pipeline.parse(NOTICE_2023.relative_to(ROOT))
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="session")
def doc2024():
    import os

    import pipeline

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline.parse(NOTICE_2024.relative_to(ROOT))
    finally:
        os.chdir(cwd)


@pytest.fixture
def fresh_store():
    from pipeline.store import Store

    with Store(":memory:") as store:
        yield store


@pytest.fixture
def parses(monkeypatch):
    """The paths ``pipeline.batch.parse`` is called with, in this process."""
    import pipeline.batch

    calls: list[str] = []
    real = pipeline.batch.parse

    def counting(path, settings=None, *, doc_id=None):
        calls.append(str(path))
        return real(path, settings, doc_id=doc_id)

    monkeypatch.setattr(pipeline.batch, "parse", counting)
    return calls


@pytest.fixture
def write_notice(tmp_path):
    """Write ``text`` to a file in ``encoding`` and return its path."""

    def write(text: str, name: str = "notice.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


def items_of(document):
    """What golden comparisons across formats look at: item ids, numbers, titles."""
    return [(i.id, i.number, i.title) for i in document.items]


def pairs_of(document):
    """Task–unit pairs in written order."""
    return [(i.id, r.unit, r.order) for i, r in document.responsibilities]


@pytest.fixture(scope="module")
def reference():
    """The TXT of the 2023 notice, which every other format must reproduce."""
    import pipeline

    return pipeline.parse(NOTICE_2023)
