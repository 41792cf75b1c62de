"""Regenerate, deterministically, the web-page and bundle fixtures of ``tests/fixtures/formats/``.

    .venv/bin/python scripts/make_web_bundle_fixtures.py [outdir]

Made from fixtures already there (``notice2023.html``, ``notice2023_gbk.html``) and the corpus TXT;
only the standard library and python-docx are used.

* ``notice2023_page1.html`` / ``notice2023_page2.html`` — the web page of the 2023 notice split in
  two at section 三 (as sites do, "下一页"), the metadata table on both pages; inside the article
  box: a pager with a class, a pager without one, the download list of the attachment file and
  a comment box
* ``notice2023.mhtml`` — the GBK page saved by a browser as one file: MIME multipart/related,
  the HTML quoted-printable in GB2312, an image part
* ``bundle_notice.txt`` (GB18030) + ``bundle_attachment.docx`` — the notice and its attachment as
  two files: the TXT cut before its 附件 line, the attachment typed into a DOCX
* ``notice2023_bundle.zip`` — those two files zipped as Windows' archiver does (GBK member names
  without the UTF-8 flag), the attachment first, with an image member
"""

from __future__ import annotations

import io
import quopri
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTDIR = ROOT / "tests" / "fixtures" / "formats"
SOURCE_TXT = ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
SPLIT_AT = "　　三、加大保障力度，精准维权服务"
NOTICE_NAME = "关于印发2023年产改工作要点的通知.txt"
ATTACHMENT_NAME = "附件：2023年重点实施项目清单.docx"
BOUNDARY = "----MultipartBoundary--fengongFixture0001"
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def split_pages(page: str) -> tuple[str, str]:
    start = page.index('<div class="article-content" id="zoom">') + len('<div class="article-content" id="zoom">')
    end = page.index("</div>", page.index("十、鼓励引导民营企业和商会助力产改"))
    body = page[start:end]
    cut = body.index(f'<p style="text-indent:2em">{SPLIT_AT}')
    first, second = body[:cut], body[cut:]
    pager = ('<div class="pagination"><a href="notice2023_page1.html">上一页</a> <a href="notice2023_page1.html">1</a>'
             ' <a href="notice2023_page2.html">2</a> <a href="notice2023_page2.html">下一页</a></div>\n')
    bare_pager = '<p><a href="notice2023_page1.html">上一页</a> 1 <a href="notice2023_page2.html">2</a> 下一页</p>\n'
    downloads = ('<div class="fujian-list"><p>附件下载：</p><ul><li><a href="/att/P020230228.doc">'
                 "附件：2023年江苏产业工人队伍建设改革重点实施项目清单.doc</a></li></ul></div>\n")
    comments = ('<div class="comment-box"><h3>我要留言</h3><textarea name="c"></textarea>'
                "<p>请文明发言，理性表达观点，共同维护良好的网络环境。已有0条评论。</p><button>提交</button></div>\n")
    page1 = page[:start] + first + pager + bare_pager + page[end:]
    page2 = page[:start] + second + downloads + comments + pager + page[end:]
    return page1, page2


def mhtml(page: bytes) -> bytes:
    """A browser's single-file save of ``page`` (GBK bytes)."""
    encoded = quopri.encodestring(page.replace(b"\n", b"\r\n"), quotetabs=False).decode("ascii")
    parts = [
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: https://www.example.gov.cn/art/2023/2/28/art_1.html",
        "Subject: =?utf-8?Q?notice?=",
        "Date: Mon, 1 Jan 2024 00:00:00 -0000",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{BOUNDARY}"',
        "",
        "",
        f"--{BOUNDARY}",
        'Content-Type: text/html; charset="gb2312"',
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://www.example.gov.cn/art/2023/2/28/art_1.html",
        "",
        encoded,
        f"--{BOUNDARY}",
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        "Content-Location: https://www.example.gov.cn/images/logo.png",
        "",
        __import__("base64").b64encode(PIXEL).decode("ascii"),
        f"--{BOUNDARY}--",
        "",
    ]
    return "\r\n".join(parts).encode("ascii")


def notice_and_attachment() -> tuple[str, list[str]]:
    text = SOURCE_TXT.read_text("utf-8")
    lines = text.splitlines()
    cut = lines.index("附件")
    return "\n".join(lines[:cut]).rstrip() + "\n", [l.strip() for l in lines[cut:] if l.strip()]


def attachment_docx(paragraphs: list[str]) -> bytes:
    import datetime as dt

    from docx import Document

    document = Document()
    properties = document.core_properties
    properties.created = properties.modified = dt.datetime(2024, 1, 1)
    properties.author = properties.last_modified_by = "fengong"
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return normalise_zip(out.getvalue())


def normalise_zip(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_members([(name, source.read(name)) for name in source.namelist()])


def zip_members(members: list[tuple[str, bytes]], gbk_names: bool = False) -> bytes:
    """A zip with fixed timestamps; with ``gbk_names``, names stored as GBK bytes without the UTF-8 flag."""
    out = io.BytesIO()
    placeholders = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(members):
            stored = name
            if gbk_names and not name.isascii():
                raw = name.encode("gbk")
                stored = f"{index:02d}".ljust(len(raw), "_")  # zipfile would flag non-ASCII names UTF-8
                placeholders[stored.encode("ascii")] = raw
            info = zipfile.ZipInfo(stored, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    data = out.getvalue()
    for placeholder, raw in placeholders.items():
        assert data.count(placeholder) == 2  # the local header and the central directory
        data = data.replace(placeholder, raw)
    return data


def main(outdir: Path = OUTDIR) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    page = (OUTDIR / "notice2023.html").read_text("utf-8")
    first, second = split_pages(page)
    (outdir / "notice2023_page1.html").write_text(first, "utf-8")
    (outdir / "notice2023_page2.html").write_text(second, "utf-8")
    (outdir / "notice2023.mhtml").write_bytes(mhtml((OUTDIR / "notice2023_gbk.html").read_bytes()))
    notice, attachment = notice_and_attachment()
    notice_bytes = notice.encode("gb18030")
    docx_bytes = attachment_docx(attachment)
    (outdir / "bundle_notice.txt").write_bytes(notice_bytes)
    (outdir / "bundle_attachment.docx").write_bytes(docx_bytes)
    bundle = zip_members(
        [(ATTACHMENT_NAME, docx_bytes), ("images/logo.png", PIXEL), (NOTICE_NAME, notice_bytes)], gbk_names=True
    )
    (outdir / "notice2023_bundle.zip").write_bytes(bundle)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTDIR)
