"""The period report as Word (issue 18): read back with python-docx, the layout of Nghị định
30/2020 (A4, margins, the two headings, page numbers from the second page), the content from the
data with counts equal to `cchc assigned --json`, every assigned item in the appendix, the same
data giving the same text, bad input refused in one sentence with nothing written."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from cchc_tui.core.i18n import set_language
from tests.tui_helpers import cli, demo_db

AS_OF = "05/10/2022"


def report(db: Path, out: Path, *extra: str) -> str:
    return cli("--db", str(db), "--as-of", AS_OF, "report", "docx", "Q3", "--out", str(out),
               *extra)  # fmt: skip


def text_of(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture
def made(tmp_path: Path, plan_text: str) -> tuple[Path, Path]:
    db = demo_db(tmp_path, plan_text)
    out = tmp_path / "Báo cáo 100% Q3.docx"  # a space, a "%", Vietnamese letters
    said = report(db, out, "--number", "45", "--signer", "Nguyễn Văn An")
    assert said.startswith("Đã ghi báo cáo Q3:") and out.is_file()
    return db, out


def test_the_layout_of_a_state_document(made: tuple[Path, Path]) -> None:
    _db, out = made
    document = docx.Document(str(out))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                     section.left_margin, section.right_margin)]  # fmt: skip
    assert margins == [20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14
    # page numbers in the top margin, none on the first page
    assert section.different_first_page_header_footer
    assert 'instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    left, right = ([p.text for p in cell.paragraphs] for cell in document.tables[0].rows[0].cells)
    assert left[0] == "ỦY BAN NHÂN DÂN QUẬN BÌNH THUỶ" and left[-1] == "Số: 45/BC-UBND"
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[-1] == "Bình Thuỷ, ngày 05 tháng 10 năm 2022"
    paragraphs = text_of(out)
    assert "BÁO CÁO" in paragraphs
    assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2022" in paragraphs
    for heading in (
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "PHỤ LỤC",
    ):
        assert heading in paragraphs, heading
    sign = [[p.text for p in c.paragraphs] for c in document.tables[1].rows[0].cells]
    assert sign[0][0] == "Nơi nhận:" and sign[0][1] == "- Sở Nội vụ thành phố Cần Thơ;"
    assert sign[1][:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and sign[1][-1] == "Nguyễn Văn An"
    appendix = document.tables[2]
    assert appendix.rows[0]._tr.trPr is not None and "tblHeader" in appendix.rows[0]._tr.xml


def test_the_content_agrees_with_the_app(made: tuple[Path, Path]) -> None:
    db, out = made
    listed = json.loads(cli("--db", str(db), "--as-of", AS_OF, "assigned", "--json"))["items"]
    paragraphs = text_of(out)
    whole = "\n".join(paragraphs)
    done = sum(1 for i in listed if i["status"] == "hoan_thanh")
    lead = sum(1 for i in listed if i["role"] == "lead")
    assert (
        f"Trong tổng số {len(listed)} nhiệm vụ được giao ({lead} chủ trì, {len(listed) - lead} "
        f"phối hợp), đã hoàn thành {done} nhiệm vụ"
    ) in whole
    overdue = [i["number"] for i in listed if i["overdue"]]
    assert (
        f"Còn {len(overdue)} nhiệm vụ chậm so với thời hạn của kế hoạch: " + ", ".join(overdue)
        in whole
    )
    # the agency's own plan, by the rule of 1.1.1
    assert "Ban hành Kế hoạch số 12/KH-UBND ngày 20/01/2022" in whole
    rows = docx.Document(str(out)).tables[2].rows[1:]
    assert [r.cells[1].text for r in rows] == [i["number"] for i in listed]
    by_number = {r.cells[1].text: r.cells[5].text for r in rows}
    assert by_number["3.7"] == "hoàn thành" and by_number["3.3"] == "chưa cập nhật"
    # a note and its documents in part II
    assert any(p.startswith("- 3.7. Hoàn thành xây dựng phần mềm số hóa (phối hợp): hoàn thành "
                            "ngày 28/03/2022.") for p in paragraphs)  # fmt: skip


def test_the_same_data_gives_the_same_text_in_any_interface_language(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    db, out = made
    again = tmp_path / "again.docx"
    report(db, again, "--number", "45", "--signer", "Nguyễn Văn An")
    english = tmp_path / "english.docx"
    cli("--lang", "en", "--db", str(db), "--as-of", AS_OF, "report", "docx", "Q3", "--out",
        str(english), "--number", "45", "--signer", "Nguyễn Văn An")  # fmt: skip
    set_language("vi")
    assert text_of(again) == text_of(out) == text_of(english)  # an official document: Vietnamese


def test_the_officers_words_replace_the_drafts(made: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = made
    words = tmp_path / "lời.toml"
    notepad = '\ufeffstrengths = "Lãnh đạo quan tâm chỉ đạo sát sao."\r\n'
    words.write_bytes((notepad + 'proposals = "Đề nghị tập huấn."').encode())
    out = tmp_path / "r.docx"
    report(db, out, "--words", str(words))
    paragraphs = text_of(out)
    assert "Lãnh đạo quan tâm chỉ đạo sát sao." in paragraphs
    assert paragraphs[paragraphs.index("V. ĐỀ XUẤT, KIẾN NGHỊ") + 1] == "Đề nghị tập huấn."


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--out", "r.pdf"), "Báo cáo ghi ra tệp .docx (Word)"),
        (("--out", "khong-co/r.docx"), "Không có thư mục"),
        ((), "cần --out"),
        (("--out", "r.docx", "--words", "loi.toml"), "Tệp lời báo cáo «loi.toml» không đọc được"),
    ],
)
def test_bad_input_is_one_sentence_and_nothing_is_written(
    tmp_path: Path, plan_text: str, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...],
    said: str,
) -> None:  # fmt: skip
    import contextlib
    import io

    from cchc_tui.cli import main

    db = demo_db(tmp_path, plan_text)
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--db", str(db), "report", "docx", "Q3", *argv])
    assert code == 1 and said in err.getvalue(), err.getvalue()
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob(".bao-cao-*"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_prints_it(made: tuple[Path, Path], tmp_path: Path) -> None:
    _db, out = made
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = (tmp_path / out.name).with_suffix(".pdf").read_bytes()
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 3


def test_words_kept_in_the_database_are_the_reports(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    """`cchc report words` keeps them (audited); `report docx` and the export then use them,
    with the number, date and signer kept; saving the same again changes nothing."""
    import sqlite3

    db, _ = made
    words = tmp_path / "w.toml"
    words.write_text('weaknesses = "Thiếu  nhân lu\u031b\u0323c."\nopening = "Mở đầu riêng."\n',
                     encoding="utf-8")  # fmt: skip
    said = cli("--db", str(db), "report", "words", "q3", "--words", str(words), "--number",
               "52", "--date", "12/10/2022", "--signer", "Lê Văn Bình")  # fmt: skip
    assert said.startswith("Đã lưu lời báo cáo Q3 (")
    again = cli("--db", str(db), "report", "words", "Q3", "--words", str(words), "--number",
                "52", "--date", "12/10/2022", "--signer", "Lê Văn Bình")  # fmt: skip
    assert again.startswith("Lời báo cáo Q3 không thay đổi")
    out = tmp_path / "kept.docx"
    report(db, out)
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Mở đầu riêng." in paragraphs and "Thiếu nhân lựć." not in paragraphs
    assert any(p.startswith("Thiếu nhân lực") for p in paragraphs)  # spaces tidied, NFC
    left, right = ([p.text for p in c.paragraphs] for c in document.tables[0].rows[0].cells)
    assert left[-1] == "Số: 52/BC-UBND" and right[-1].endswith("ngày 12 tháng 10 năm 2022")
    sign = [p.text for p in document.tables[1].rows[0].cells[1].paragraphs]
    assert sign[-1] == "Lê Văn Bình"
    con = sqlite3.connect(db)
    actions = [
        r[0] for r in con.execute("SELECT action FROM audit_log WHERE entity_key LIKE '%/Q3'")
    ]
    con.close()
    assert actions == ["report.words"]


def test_the_preflight_says_when_the_reports_words_are_missing_or_old(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    """No words kept: the export carries the draft, said; kept, then data changed: said too."""
    from datetime import date

    from cchc_tui.core.agencies import Registry
    from cchc_tui.services.export import preflight
    from cchc_tui.store.service import Store

    db, _ = made
    registry = Registry.load()

    def warnings() -> list[str]:
        with Store(db) as store:
            plan = store.load_plan()
            return preflight(store, plan, registry, "918", date(2022, 10, 5), "Q3").warnings

    assert any(w.startswith("Báo cáo quý III chưa có lời của cán bộ") for w in warnings())
    words = tmp_path / "w.toml"
    words.write_text('proposals = "Không."\n', encoding="utf-8")
    cli("--db", str(db), "report", "words", "Q3", "--words", str(words))
    assert not any("Q3" in w and "báo cáo" in w.lower() for w in warnings())
    cli("--db", str(db), "progress", "set", "hd3.3", "--status", "dang")
    assert any(w.startswith("Lời báo cáo quý III viết trước lần thay đổi") for w in warnings())


@pytest.mark.parametrize(
    ("extra", "rels"),
    [
        ({"word/vbaProject.bin": b"macro"}, b""),  # a .docm renamed
        ({"word/embeddings/oleObject1.bin": b"ole"}, b""),
        (
            {},
            b'<Relationship Id="r9" Type="attachedTemplate" '
            b'Target="http://x.example/t.dotm" TargetMode="External"/>',
        ),
    ],
    ids=["macros", "embedded", "remote-template"],
)
def test_a_signed_report_that_acts_when_opened_is_refused(
    made: tuple[Path, Path], tmp_path: Path, extra: dict[str, bytes], rels: bytes
) -> None:
    """An insider's genuine signature says who sent the report, not that it is harmless: the
    review desk neither opens nor writes out a report with macros, embedded objects or links
    outside the file, even when the bundle's manifest lists it correctly."""
    import hashlib
    import io
    import zipfile
    from types import SimpleNamespace

    from cchc_tui.core.errors import UserError
    from cchc_tui.services.received_report import received_report

    _db, out = made
    buf = io.BytesIO()
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/_rels/document.xml.rels" and rels:
                data = data.replace(b"</Relationships>", rels + b"</Relationships>")
            dst.writestr(item, data)
        for name, data in extra.items():
            dst.writestr(name, data)
    bad = buf.getvalue()
    folder = tmp_path / "stored"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "report.docx").write_bytes(bad)
    (folder / "manifest-sha256.txt").write_text(
        f"{hashlib.sha256(bad).hexdigest()}  data/report.docx\n", encoding="utf-8"
    )
    bundle = SimpleNamespace(stored_path=str(folder), bundle_id="0a1b2c3d-aaaa")
    with pytest.raises(UserError) as err:
        received_report(bundle)  # type: ignore[arg-type]
    assert err.value.key == "review.report_unsafe"
    (folder / "data" / "report.docx").write_bytes(out.read_bytes())  # the plain one: fine
    (folder / "manifest-sha256.txt").write_text(
        f"{hashlib.sha256(out.read_bytes()).hexdigest()}  data/report.docx\n", encoding="utf-8"
    )
    assert received_report(bundle) == out.read_bytes()  # type: ignore[arg-type]
