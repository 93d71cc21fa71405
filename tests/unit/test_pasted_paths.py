"""A path pasted from Explorer ("Copy as path") or a file dropped into Windows Terminal comes
with quotes around it: the path is what is inside them."""

from __future__ import annotations

import pytest

from cchc_tui.core.text import unquote_path


@pytest.mark.parametrize(
    ("typed", "path"),
    [
        (
            '"C:\\Users\\Hương\\Báo cáo 100%\\hồ sơ.zip"',
            "C:\\Users\\Hương\\Báo cáo 100%\\hồ sơ.zip",
        ),
        ("  'E:\\USB\\phieu.zip'  ", "E:\\USB\\phieu.zip"),
        ("E:\\USB\\phieu.zip", "E:\\USB\\phieu.zip"),
        ('" E:\\USB "', "E:\\USB"),
        ('"', '"'),  # one quote is no pair
        ("'it's'", "it's"),
        ('"a" "b"', 'a" "b'),  # two pasted paths are not guessed apart
        ("", ""),
    ],
)
def test_quotes_around_a_path(typed: str, path: str) -> None:
    assert unquote_path(typed) == path
