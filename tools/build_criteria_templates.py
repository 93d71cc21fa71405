"""Write the template criteria sets (status "mẫu") into data/criteria/.

They follow the confirmed structure of the provincial index (2948/QĐ-BNV: 8 areas, 100 points;
shared/reference/par-index.md §2) and its scoring patterns (§3); the sub-criteria, points and
thresholds of 2022 are NOT confirmed [U], so every set says it is a template, with its source.
An agency imports the official set, when Sở Nội vụ issues it, with `cchc criteria import`.

    python tools/build_criteria_templates.py
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "criteria"

YES_NO = {"kind": "yes_no"}
MANUAL = {"kind": "manual", "step": 0.25}
HALF = {"kind": "manual", "step": 0.5}


def bands3(top: float, mid: float, hi: float = 90, lo: float = 70) -> dict[str, Any]:
    """> hi% → top; lo–hi% → mid; < lo% → 0 (the pattern of 1.1.4 in §3)."""
    return {
        "kind": "percent_bands",
        "bands": [
            {"from": hi, "to": 100, "from_open": True, "points": top},
            {"from": lo, "to": hi, "points": mid},
            {"from": 0, "to": lo, "to_open": True, "points": 0},
        ],
    }


def attainment(top: float, mid: float) -> dict[str, Any]:
    """Target met (100%) → top; 80–<100% → mid; < 80% → 0."""
    return {
        "kind": "percent_bands",
        "bands": [
            {"from": 100, "to": 100, "points": top},
            {"from": 80, "to": 100, "to_open": True, "points": mid},
            {"from": 0, "to": 80, "to_open": True, "points": 0},
        ],
    }


# (area code, title, max, [(criterion code, title, max, [(sub code, title, max, rule, source)])])
def structure(level: str) -> list[tuple[str, str, float, list[Any]]]:
    # who the agency inspects: a district its departments and communes, a commune its own
    # sections and hamlets (ấp, khu vực), a department its units
    lower = {
        "so": "đơn vị trực thuộc",
        "huyen": "cơ quan chuyên môn và UBND cấp xã",
        "xa": "bộ phận chuyên môn và ấp, khu vực trực thuộc",
    }[level]
    # the agency's own CCHC plan for the year, "gửi về Sở Nội vụ trước ngày 31 tháng 01 năm
    # 2022": the deadline and its "before" come from the plan's obligation; the document must be
    # a KH whose title, after "Kế hoạch" (and "công tác", "thực hiện", "triển khai"), is about
    # CCHC and names the plan's year — or the one the officer linked to this sub-criterion
    own_plan = {
        "kind": "evidence_before",
        "obligation": "ke-hoach-cchc-2022",
        "doc_type": "KH",
        "subject": ["cải cách hành chính", "CCHC"],
        "filler": ["công tác", "thực hiện", "triển khai"],
        "year": "plan",
    }
    done = {"kind": "activities_completion", "role": "lead"}
    reports = {"kind": "reports_on_time"}
    digit = {"kind": "indicator", "indicator": "so-hoa-ket-qua-tthc"}
    online = {"kind": "indicator", "indicator": "ho-so-cong-viec-tren-mang"}
    staff = (
        (
            "5.3",
            "Chất lượng đội ngũ cán bộ, công chức cấp xã",
            5,
            [("5.3.1", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn", 5, attainment(5, 3), None)],
        )
        if level in ("huyen", "xa")
        else (
            "5.3",
            "Chấp hành kỷ luật, kỷ cương hành chính",
            5,
            [("5.3.1", "Không có cán bộ, công chức, viên chức bị kỷ luật", 5, YES_NO, None)],
        )
    )
    return [
        (
            "1",
            "Công tác chỉ đạo, điều hành CCHC",
            10,
            [
                (
                    "1.1",
                    "Kế hoạch CCHC năm",
                    4,
                    [
                        (
                            "1.1.1",
                            "Ban hành kế hoạch CCHC năm đúng thời hạn",
                            1,
                            {"kind": "on_time", "on_time": 1, "late": 0.5, "missing": 0},
                            own_plan,
                        ),
                        (
                            "1.1.2",
                            "Xác định đầy đủ nhiệm vụ theo kế hoạch của thành phố, có kinh phí",
                            1,
                            YES_NO,
                            None,
                        ),
                        (
                            "1.1.3",
                            "Mức độ hoàn thành kế hoạch (các mục chủ trì)",
                            2,
                            bands3(2, 1),
                            done,
                        ),
                    ],
                ),
                (
                    "1.2",
                    "Báo cáo CCHC",
                    2,
                    [
                        (
                            "1.2.1",
                            "Báo cáo quý I, 6 tháng, quý III, năm đúng hạn",
                            1,
                            YES_NO,
                            reports,
                        ),
                        ("1.2.2", "Báo cáo có đầy đủ nội dung theo hướng dẫn", 1, YES_NO, None),
                    ],
                ),
                (
                    "1.3",
                    "Kiểm tra công tác CCHC",
                    2,
                    [
                        ("1.3.1", "Ban hành kế hoạch kiểm tra CCHC", 1, YES_NO, None),
                        (
                            "1.3.2",
                            f"Kiểm tra ít nhất 30% {lower}, xử lý sau kiểm tra",
                            1,
                            HALF,
                            None,
                        ),
                    ],
                ),
                (
                    "1.4",
                    "Tuyên truyền CCHC",
                    1,
                    [
                        (
                            "1.4.1",
                            "Ban hành và thực hiện kế hoạch tuyên truyền CCHC",
                            1,
                            YES_NO,
                            None,
                        ),
                    ],
                ),
                (
                    "1.5",
                    "Sáng kiến, giải pháp; khen thưởng, vi phạm",
                    1,
                    [
                        (
                            "1.5.1",
                            "Có sáng kiến, giải pháp mới trong CCHC được công nhận",
                            1,
                            HALF,
                            None,
                        ),
                        (
                            "1.5.2",
                            "Điểm thưởng: được khen thưởng về CCHC",
                            1,
                            {"kind": "bonus", "cap": 1, "step": 0.25},
                            None,
                        ),
                        (
                            "1.5.3",
                            "Điểm trừ: vi phạm kỷ luật, kỷ cương hành chính",
                            2,
                            {"kind": "penalty", "cap": 2, "step": 0.25},
                            None,
                        ),
                    ],
                ),
            ],
        ),
        (
            "2",
            "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
            10,
            [
                (
                    "2.1",
                    "Ban hành và rà soát văn bản",
                    5,
                    [
                        (
                            "2.1.1",
                            "Văn bản ban hành đúng thẩm quyền, trình tự, thủ tục",
                            3,
                            YES_NO,
                            None,
                        ),
                        ("2.1.2", "Kiểm tra, rà soát, hệ thống hóa văn bản", 2, HALF, None),
                    ],
                ),
                (
                    "2.2",
                    "Tổ chức thực hiện",
                    5,
                    [
                        ("2.2.1", "Theo dõi tình hình thi hành pháp luật", 2, HALF, None),
                        ("2.2.2", "Xử lý văn bản sau kiểm tra, rà soát", 3, MANUAL, None),
                    ],
                ),
            ],
        ),
        (
            "3",
            "Cải cách thủ tục hành chính",
            14.5,
            [
                (
                    "3.1",
                    "Công khai TTHC",
                    4,
                    [
                        (
                            "3.1.1",
                            "Công khai đầy đủ, đúng quy định tại Bộ phận Một cửa",
                            2,
                            YES_NO,
                            None,
                        ),
                        ("3.1.2", "Công khai trên cổng, trang thông tin điện tử", 2, YES_NO, None),
                    ],
                ),
                (
                    "3.2",
                    "Số hóa kết quả giải quyết TTHC",
                    3.5,
                    [
                        (
                            "3.2.1",
                            "Tỷ lệ kết quả giải quyết TTHC được số hóa so với chỉ tiêu",
                            3.5,
                            attainment(3.5, 2),
                            digit,
                        ),
                    ],
                ),
                (
                    "3.3",
                    "Kết quả giải quyết TTHC",
                    4,
                    [
                        ("3.3.1", "Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn", 4, HALF, None),
                    ],
                ),
                (
                    "3.4",
                    "Tiếp nhận, xử lý phản ánh, kiến nghị",
                    3,
                    [
                        ("3.4.1", "Xử lý phản ánh, kiến nghị đúng quy định", 3, MANUAL, None),
                    ],
                ),
            ],
        ),
        (
            "4",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            11,
            [
                (
                    "4.1",
                    "Tổ chức bộ máy",
                    5,
                    [
                        (
                            "4.1.1",
                            "Sắp xếp, kiện toàn tổ chức bộ máy đúng quy định",
                            3,
                            YES_NO,
                            None,
                        ),
                        ("4.1.2", "Số lượng cấp phó đúng quy định", 2, YES_NO, None),
                    ],
                ),
                (
                    "4.2",
                    "Phân cấp quản lý",
                    6,
                    [
                        ("4.2.1", "Thực hiện các nhiệm vụ được phân cấp", 3, HALF, None),
                        ("4.2.2", "Kiểm tra, xử lý sau phân cấp", 3, HALF, None),
                    ],
                ),
            ],
        ),
        (
            "5",
            "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
            16,
            [
                (
                    "5.1",
                    "Vị trí việc làm và tuyển dụng",
                    6,
                    [
                        (
                            "5.1.1",
                            "Bố trí công chức theo vị trí việc làm được phê duyệt",
                            3,
                            YES_NO,
                            None,
                        ),
                        ("5.1.2", "Tuyển dụng đúng quy định", 3, YES_NO, None),
                    ],
                ),
                (
                    "5.2",
                    "Đánh giá và đào tạo",
                    5,
                    [
                        ("5.2.1", "Đánh giá, xếp loại đúng quy định", 2.5, YES_NO, None),
                        ("5.2.2", "Hoàn thành kế hoạch đào tạo, bồi dưỡng", 2.5, HALF, None),
                    ],
                ),
                staff,
            ],
        ),
        (
            "6",
            "Cải cách tài chính công",
            7,
            [
                (
                    "6.1",
                    "Quản lý ngân sách",
                    4,
                    [
                        ("6.1.1", "Tỷ lệ giải ngân kế hoạch đầu tư công", 2, bands3(2, 1), None),
                        (
                            "6.1.2",
                            "Thực hiện kiến nghị sau thanh tra, kiểm tra, kiểm toán",
                            2,
                            YES_NO,
                            None,
                        ),
                    ],
                ),
                (
                    "6.2",
                    "Tự chủ của đơn vị sự nghiệp công lập",
                    3,
                    [
                        ("6.2.1", "Giao và thực hiện quyền tự chủ đúng quy định", 3, HALF, None),
                    ],
                ),
            ],
        ),
        (
            "7",
            "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
            16,
            [
                (
                    "7.1",
                    "Xử lý công việc trên môi trường mạng",
                    6,
                    [
                        (
                            "7.1.1",
                            "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng so với chỉ tiêu",
                            4,
                            attainment(4, 2),
                            online,
                        ),
                        ("7.1.2", "Sử dụng chữ ký số trong gửi, nhận văn bản", 2, YES_NO, None),
                    ],
                ),
                (
                    "7.2",
                    "Dịch vụ công trực tuyến",
                    5,
                    [
                        ("7.2.1", "Cung cấp và tỷ lệ hồ sơ trực tuyến mức độ 3, 4", 5, HALF, None),
                    ],
                ),
                (
                    "7.3",
                    "Hệ thống quản lý chất lượng",
                    5,
                    [
                        (
                            "7.3.1",
                            "Áp dụng, duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015",
                            5,
                            YES_NO,
                            None,
                        ),
                    ],
                ),
            ],
        ),
        (
            "8",
            "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH",
            15.5,
            [
                (
                    "8.1",
                    "Mức độ hài lòng của người dân, tổ chức",
                    15.5,
                    [
                        (
                            "8.1.1",
                            "Điều tra xã hội học về sự hài lòng",
                            15.5,
                            {"kind": "survey"},
                            None,
                        ),
                    ],
                ),
            ],
        ),
    ]


NAMES = {"so": "sở, ban, ngành", "huyen": "UBND quận, huyện", "xa": "UBND xã, phường, thị trấn"}


def build(level: str) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "set": {
            "id": f"mau-{level}-2022",
            "title": f"Bộ tiêu chí MẪU xác định Chỉ số CCHC của {NAMES[level]} năm 2022",
            "level": level,
            "year": 2022,
            "decision": "Mẫu — chưa phải bộ tiêu chí chính thức của UBND thành phố Cần Thơ",
            "status": "mẫu",
            "provenance": "Cấu trúc 8 lĩnh vực, 100 điểm theo 2948/QĐ-BNV (2017–2020) và các "
            "cách chấm mẫu của 1880/QĐ-UBND Cà Mau (shared/reference/par-index.md §2–3); tiêu "
            "chí thành phần, điểm và ngưỡng là GIẢ ĐỊNH để dùng thử, phải thay bằng bộ chính "
            "thức (cchc criteria import).",
        },
        "grade": [
            {"name": "Rất tốt", "min": 90},
            {"name": "Tốt", "min": 80},
            {"name": "Khá", "min": 70},
            {"name": "Trung bình", "min": 50},
            {"name": "Kém", "min": 0},
        ],
        "area": [],
        "criterion": [],
        "sub": [],
    }
    for a_code, a_title, a_max, criteria in structure(level):
        doc["area"].append({"code": a_code, "title": a_title, "max": a_max})
        for c_code, c_title, c_max, subs in criteria:
            doc["criterion"].append(
                {"code": c_code, "area": a_code, "title": c_title, "max": c_max}
            )
            for s_code, s_title, s_max, rule, source in subs:
                entry: dict[str, Any] = {
                    "code": s_code,
                    "criterion": c_code,
                    "title": s_title,
                    "max": s_max,
                    "rule": rule,
                }
                if source:
                    entry["source"] = source
                doc["sub"].append(entry)
    return doc


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for level in ("so", "huyen", "xa"):
        text = unicodedata.normalize("NFC", tomli_w.dumps(build(level)))
        path = OUT / f"mau-{level}-2022.toml"
        path.write_text(text, encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
