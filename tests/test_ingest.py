"""Readers: decoding, formats, ids, errors that name their input."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest

from reckon.ingest import (
    DecodeError,
    IngestError,
    content_hash,
    decode,
    html_depth,
    html_fragment_text,
    parse_published,
    read_bytes,
    read_paths,
    report_from_text,
    report_id,
)
from reckon.model import Report

BODY = "Gunmen killed four soldiers at a checkpoint near Tillaberi on Monday, officials said."


def _split(items):
    items = list(items)
    return (
        [i for i in items if isinstance(i, Report)],
        [i for i in items if isinstance(i, IngestError)],
    )


# -- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Gao – café".encode(), "Gao – café", "utf-8"),
        (codecs.BOM_UTF8 + "Gao café".encode(), "Gao café", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Gao café".encode("utf-16-le"), "Gao café", "utf-16"),
        (codecs.BOM_UTF16_BE + "Gao café".encode("utf-16-be"), "Gao café", "utf-16"),
        (b"caf\xe9 \x93quoted\x94", "café “quoted”", "cp1252"),
        (b"caf\xe9 \x81", "café \x81", "latin-1"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_decode_refuses_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(1, 32)) * 10)
    with pytest.raises(DecodeError, match="undecodable"):
        decode(codecs.BOM_UTF16_LE + b"a")


# -- reports ----------------------------------------------------------------------------------


def test_report_from_text_ids_and_hash() -> None:
    r = report_from_text(BODY, published="2025-01-07")
    assert r.raw == BODY.encode()
    assert r.content_hash == content_hash(BODY.encode())
    assert r.id == report_id(BODY.encode()) == "r-" + r.content_hash[:12]
    assert r.published == "2025-01-07" and r.text == BODY and r.title is None
    assert report_from_text(BODY, id="given-1").id == "given-1"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-03-10", "2025-03-10"),
        ("2025-03-10T23:30:00-05:00", "2025-03-10"),
        ("Mon, 10 Mar 2025 08:00:00 GMT", "2025-03-10"),
        ("10 March 2025", "2025-03-10"),
        ("March 10, 2025", "2025-03-10"),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value, iso) -> None:
    assert parse_published(value) == iso


def test_parse_published_refuses_relative() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_published("yesterday")


# -- files ------------------------------------------------------------------------------------


def test_text_file_with_defaults(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(BODY.encode("cp1252"))
    (r,) = read_paths([p], published="2025-01-07", source="Desk", url="https://x.example/a")
    assert (r.published, r.source, r.url, r.origin) == (
        "2025-01-07",
        "Desk",
        "https://x.example/a",
        str(p),
    )
    assert r.raw == p.read_bytes() and r.media_type == "text/plain"


def test_latin1_file_is_read_and_encoding_recorded(tmp_path: Path) -> None:
    p = tmp_path / "l1.txt"
    p.write_bytes("Explosion à Gao: trois morts près du marché.".encode("latin-1"))
    (r,) = read_paths([p])
    assert r.encoding == "cp1252" and "près du marché" in r.text


def test_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "wire.jsonl"
    lines = [
        json.dumps(
            {
                "id": "w-1",
                "text": BODY,
                "title": "Checkpoint attack",
                "published": "2025-01-07",
                "source": "Wire",
                "url": "https://w.example/1",
                "incidents": [1, 2],
            }
        ),
        '{"id": "w-2", "text": broken',
        "",
        json.dumps({"id": 7, "text": "Clashes in Kidal left five dead on Friday."}),
        json.dumps({"id": "w-4", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "w-7", "text": "NUL\u0000 inside"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports, errors = _split(read_paths([p], source="Fallback"))
    assert [r.id for r in reports] == ["w-1", "7"]
    w1 = reports[0]
    assert (w1.title, w1.published, w1.source, w1.url) == (
        "Checkpoint attack",
        "2025-01-07",
        "Wire",
        "https://w.example/1",
    )
    assert w1.raw == lines[0].encode() and w1.raw_text == BODY
    assert reports[1].source == "Fallback" and reports[1].origin == f"{p}:4"
    assert [(e.origin, e.reason.split(" (")[0]) for e in errors] == [
        (f"{p}:2", "malformed JSON"),
        (f"{p}:5", "no 'text' field"),
        (f"{p}:6", "expected a JSON object, got list"),
        (f"{p}:7", "text contains NUL characters"),
    ]


def test_json_list(tmp_path: Path) -> None:
    p = tmp_path / "two.json"
    p.write_text(json.dumps([{"id": "a", "text": BODY}, {"text": "Second report about Gao."}]))
    reports, errors = _split(read_paths([p]))
    assert [r.id for r in reports][0] == "a" and len(reports) == 2 and not errors


def test_html(examples_dir: Path) -> None:
    (r,) = read_paths([examples_dir / "02_goma_market.html"])
    assert r.title == "Bomb blast at market near Goma kills 12"
    assert r.published == "2025-02-18"
    assert r.media_type == "text/html"
    assert r.source == "Great Lakes Observer"
    assert "Read more" not in r.text and "Share this" not in r.text and "©" not in r.text
    assert r.text.startswith(r.title + "\n\n")
    assert "killing at least 12 people" in r.text
    for x in r.removed:
        assert r.raw_text[x.raw_start : x.raw_end] == x.text


def test_deep_html_refused_before_parsing(tmp_path: Path) -> None:
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>")
    (e,) = read_paths([p])
    assert isinstance(e, IngestError) and "nested too deeply" in e.reason
    assert html_depth("<div><p>a<p>b<br><span>c</span></div>") == 2


def test_rss_and_atom(examples_dir: Path, tmp_path: Path) -> None:
    reports, errors = _split(read_paths([examples_dir / "04_darfur_feed.xml"]))
    assert not errors and len(reports) == 2
    a, b = reports
    assert a.title == "Drone strike on El Fasher camp kills nine"
    assert a.published == "2025-04-12" and a.source == "Nile Dispatch"
    assert a.url.endswith("el-fasher-drone") and a.origin.endswith("#1")
    assert "Abu Shouk" in a.text and "<p>" not in a.text
    assert b.published == "2025-04-14" and len(b.paragraphs) == 2
    atom = tmp_path / "feed.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>A</title><entry><title>Raid near Gao</title>"
        '<link rel="alternate" href="https://a.example/1"/><published>2025-01-08T10:00:00Z</published>'
        f'<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>'
        "<entry><title>Empty</title></entry></feed>"
    )
    reports, errors = _split(read_paths([atom]))
    assert [(r.title, r.published, r.url, r.source) for r in reports] == [
        ("Raid near Gao", "2025-01-08", "https://a.example/1", "A")
    ]
    assert [e.origin for e in errors] == [f"{atom}#2"]


def test_malformed_feed(tmp_path: Path) -> None:
    p = tmp_path / "bad.xml"
    p.write_text("<rss><channel><item><title>x</title></channel>")
    (e,) = read_paths([p])
    assert isinstance(e, IngestError) and e.reason.startswith("malformed XML")


def test_html_fragment_text() -> None:
    frag = "<p>One <b>two</b></p><!-- hidden --><script>var x;</script><p>Three<br>four</p>"
    assert html_fragment_text(frag) == "One two\nThree\nfour"
    assert html_fragment_text("plain") == "plain"


def test_directory_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Report Z about an attack in Mopti on Sunday.")
    (tmp_path / "a.txt").write_text("Report A about clashes in Gao on Monday.")
    (tmp_path / "c.txt").write_text("Report C about a raid in Kidal on Friday.")
    (tmp_path / ".hidden.txt").write_text("never read")
    reports, errors = _split(read_paths([tmp_path]))
    assert [Path(r.origin).name for r in reports] == ["a.txt", "z.txt", "c.txt"]
    assert not errors


def test_errors_name_the_input(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "only_bp.txt").write_text("Advertisement\nShare this article\n")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"], max_bytes=1000))
    reasons = {Path(e.origin).name: e.reason for e in items if isinstance(e, IngestError)}
    assert reasons == {
        "big.txt": "too large (2,000 bytes; limit 1,000 bytes, see --max-bytes)",
        "bin.dat": "binary file (contains NUL bytes)",
        "blank.txt": "empty file (only whitespace)",
        "empty.txt": "empty file",
        "missing.txt": "no such file or directory",
        "only_bp.txt": "no text left after cleaning (only boilerplate)",
    }


def test_stdin_sniffs_format() -> None:
    line = json.dumps({"id": "s-1", "text": BODY}).encode()
    (r,) = read_paths(["-"], stdin=io.BytesIO(line + b"\n"))
    assert r.id == "s-1" and r.origin == "<stdin>:1"
    (t,) = read_paths(["-"], stdin=io.BytesIO(BODY.encode()))
    assert t.origin == "<stdin>" and t.text == BODY
    (e,) = read_paths(["-"], stdin=io.BytesIO(b"y" * 50), max_bytes=10)
    assert isinstance(e, IngestError) and "too large" in e.reason


def test_read_bytes_and_determinism() -> None:
    data = ("Headline About Gao Clashes\n" + BODY).encode()
    a = list(read_bytes(data, "mem"))
    b = list(read_bytes(data, "mem"))
    assert a == b and a[0].title == "Headline About Gao Clashes"
