"""Text reader: encodings, clear errors on bad input."""

from __future__ import annotations

import codecs

import pytest

import pipeline
from pipeline.errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError, NoItemsError
from pipeline.readers import read_source

SMALL = "青川市人民政府办公室文件\n\n青政办发〔2024〕7号\n\n关于印发重点任务分工方案的通知\n\n一、加强统筹\n\n1.建立机制。（责任单位：市发改委、市财政局）\n"


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
    ],
)
def test_readers_text_detects_encoding(write_notice, encoding, expected):
    source = read_source(write_notice(SMALL * 3, encoding=encoding))
    assert source.encoding == expected
    assert source.text.startswith("青川市人民政府办公室文件")
    assert source.lines[2].text == "青政办发〔2024〕7号"


def test_readers_text_line_offsets(write_notice):
    source = read_source(write_notice("甲\r\n\r\n乙丙\n丁"))
    assert [(l.number, l.text) for l in source.lines] == [(1, "甲"), (2, ""), (3, "乙丙"), (4, "丁")]
    for line in source.lines:
        assert source.text[line.offset : line.offset + len(line.text)] == line.text


def test_readers_text_explicit_encoding_wins(write_notice):
    path = write_notice(SMALL, encoding="gb18030")
    assert read_source(path, pipeline.Settings(encoding="gb18030")).encoding == "gb18030"
    with pytest.raises(DecodeError) as error:
        read_source(path, pipeline.Settings(encoding="utf-8"))
    assert str(path) in str(error.value) and "--encoding" in error.value.hint


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", EmptyInputError),
        (b"   \n\n", EmptyInputError),
        (bytes(range(256)) * 20, BinaryInputError),
        (b"\x00\x01\x02\x03binary\x00" * 50, BinaryInputError),
    ],
)
def test_readers_text_bad_input(tmp_path, data, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as raised:
        pipeline.parse(path)
    assert str(path) in str(raised.value)
    assert raised.value.hint


def test_readers_text_undecodable(tmp_path):
    path = tmp_path / "mixed.txt"
    # Valid UTF-8 Chinese followed by bytes no Chinese encoding accepts.
    path.write_bytes("一、任务".encode() + b"\xff\xfe\xfa\xfb\xfc" * 40 + codecs.BOM_UTF8[:1] * 3)
    with pytest.raises((DecodeError, BinaryInputError)) as raised:
        pipeline.parse(path)
    assert str(path) in str(raised.value)


def test_readers_text_no_items(write_notice):
    with pytest.raises(NoItemsError) as raised:
        pipeline.parse(write_notice("这是一段没有编号任务的普通文字。\n\n再来一段。\n"))
    assert "numbered tasks" in str(raised.value)


def test_readers_text_too_large(write_notice):
    with pytest.raises(InputTooLargeError):
        read_source(write_notice(SMALL * 10), pipeline.Settings(max_bytes=100))
