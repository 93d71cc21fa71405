"""A zip that fails while being read is refused in the reviewer's words, not Python's."""

from __future__ import annotations

import zipfile
import zlib

import pytest

from cchc_tui.bundle.verify import plain_damage


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (
            zipfile.BadZipFile("Bad CRC-32 for file 'data/submission.json'"),
            "nội dung tệp «data/submission.json» đã bị thay đổi hoặc hỏng trên đường chép "
            "(mã kiểm tra CRC-32 không khớp)",
        ),
        (zipfile.BadZipFile("File is not a zip file"), "không phải tệp zip"),
        (
            zipfile.BadZipFile("Bad CRC-32 for file"),
            "nội dung tệp «» đã bị thay đổi hoặc hỏng trên đường chép (mã kiểm tra CRC-32 "
            "không khớp)",
        ),
        (
            zipfile.BadZipFile("Bad CRC-32 for file 'it's'"),
            "nội dung tệp «it's» đã bị thay đổi hoặc hỏng trên đường chép (mã kiểm tra CRC-32 "
            "không khớp)",
        ),
        (zipfile.BadZipFile("Bad magic number for file header"), "cấu trúc tệp zip bị hỏng"),
        (zlib.error("Error -3 while decompressing data"), "dữ liệu nén bên trong bị hỏng"),
        (EOFError(), "tệp bị cắt cụt (chép chưa hết?)"),
        (
            UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
            "có văn bản không đọc được (không phải UTF-8)",
        ),
        (OSError(5, "Input/output error"), "Input/output error"),
        (ValueError("giá trị lạ"), "giá trị lạ"),
    ],
)
def test_plain_words(error: BaseException, said: str) -> None:
    assert plain_damage(error) == said
    assert "Bad " not in plain_damage(error) and "Error -3" not in plain_damage(error)


def test_a_name_with_control_characters_is_written_out() -> None:
    said = plain_damage(zipfile.BadZipFile("Bad CRC-32 for file 'a\x1b[31mb'"))
    assert "\x1b" not in said
