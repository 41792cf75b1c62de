"""Batches: the parallel path gives what the serial one gives, failures included, in file order."""

from __future__ import annotations

from conftest import NOTICE_2023
from pipeline.batch import PARALLEL_FROM, collect_files, parse_many
from pipeline.settings import Settings


def test_batch_parallel_equals_serial(tmp_path):
    text = NOTICE_2023.read_text("utf-8")
    for index in range(PARALLEL_FROM + 2):
        (tmp_path / f"n{index:03d}.txt").write_text(text.replace("〔2023〕3号", f"〔2023〕{index}号"), "utf-8")
    (tmp_path / "n010.txt").write_bytes(bytes(range(256)) * 4)  # one bad file in the middle
    files = collect_files([tmp_path])
    serial = parse_many(files, Settings(workers=1))
    parallel = parse_many(files, Settings(workers=2))
    assert [d.meta.doc_number for d in parallel.documents] == [d.meta.doc_number for d in serial.documents]
    assert parallel.documents == serial.documents
    assert [f.path for f in parallel.failures] == [str(tmp_path / "n010.txt")]
    assert len(parallel.documents) == PARALLEL_FROM + 1
