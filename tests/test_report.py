"""The corpus report: self-contained, figures with unit names, checked in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pipeline.analysis.diff import diff_documents
from pipeline.exporters.report import documents_to_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CONSOLE = re.compile(r"CONSOLE[^\]]*\]\s*(.*)")


@pytest.fixture(scope="module")
def page(doc2023, doc2024):
    return documents_to_report([doc2023, doc2024], [diff_documents(doc2023, doc2024)])


def test_report_is_self_contained_and_small(page):
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert len(page.encode("utf-8")) <= 2_000_000
    references = re.findall(r'\b(?:src|href)="([^"]*)"', page)
    assert references and all(r.startswith(("#", "data:")) for r in references), [r for r in references if not r.startswith(("#", "data:"))]
    assert "<link" not in page and "@import" not in page and "url(http" not in page


def test_report_has_each_figure_with_unit_names(page):
    assert page.count("<figure>") == 5  # two heatmaps, the network, the workload bars, the series
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 5
    for svg in svgs[:4]:
        assert "省总工会" in svg  # labels are names, kept as text
    assert "未变" in svgs[4] and "省人社厅" in svgs[4]
    assert "苏产改办〔2023〕3号" in page and "无提示" in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "figure ids collide"


def test_report_shows_warnings_and_english_labels(doc2023, write_notice):
    import pipeline

    odd = pipeline.parse(write_notice("一、任务\n\n1.甲项工作。（责任单位：省人社厅）\n\n3.乙项工作。\n"))
    page = documents_to_report([odd], lang="en")
    assert "item_without_attribution" in page and "numbering_gap" in page
    assert "<h1>Responsibility report</h1>" in page and "Year to year" not in page


def _browser():
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found is None:
        pytest.skip("no headless Chromium (Debian package `chromium`; `make test` installs it with apt-get when it can)")
    return found


def _load(path, tmp_path):
    """Load a page headless; return the DOM after load and the console messages."""
    done = subprocess.run(
        [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    return done.stdout, [m.group(1) for m in CONSOLE.finditer(done.stderr)]


def test_report_loads_in_chromium_without_console_messages_and_draws_the_figures(page, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(page, "utf-8")
    dom, console = _load(path, tmp_path)
    assert console == []
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-figures-shown="5"' in body, body
    assert re.search(r'data-load-ms="\d+"', body)


def test_report_browser_check_sees_a_blocked_request(page, tmp_path):
    """The same check fails on a page that tries to fetch something: the CSP blocks it and says so."""
    path = tmp_path / "leaky.html"
    path.write_text(page.replace("</body>", '<img src="https://example.invalid/x.png"></body>'), "utf-8")
    _, console = _load(path, tmp_path)
    assert any("Content Security Policy" in m for m in console)
