"""The evaluation set's figures meet the issue's targets (task–unit F1 ≥ 0.98, roles ≥ 0.97)."""

from __future__ import annotations

from conftest import ROOT
from pipeline.evaluation import evaluate_directory, format_report


def test_eval_targets_met_on_the_gold_set():
    report = evaluate_directory(ROOT / "tests" / "eval")
    overall = report.overall
    assert overall.pair_prf()[2] >= 0.98, format_report(report)
    assert overall.role_accuracy >= 0.97, format_report(report)
    assert overall.item_prf()[2] >= 0.98, format_report(report)
    for form, stats in report.per_form:
        assert stats.pair_prf()[2] >= 0.9, f"{form}\n{format_report(report)}"
