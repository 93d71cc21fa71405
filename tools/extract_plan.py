"""Extract the appendix of plan 260/KH-UBND ("Khung kế hoạch") into data/plan-260-2022.toml.

Run from the repository root:  python tools/extract_plan.py [path/to/seed.txt]

The seed is the plan's text as scraped from a web page: the appendix table is flattened to
lines ending in "|" (one cell a line; "|||" are empty cells). This script walks the cells,
keeps every printed text as printed (NFC), resolves lead/coordination cells against the
agency registry and parses timing cells; indicators (part I) and obligations (part III) are
transcribed below by hand, each with the sentence it comes from, which the tests find in the
seed. The output is committed; a test re-runs this script and compares.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from cchc_tui.core.agencies import Registry
from cchc_tui.core.text import clean, nfc
from cchc_tui.core.timing import parse_timing

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "000_896c6acf9bc33f08.txt"
OUT = ROOT / "data" / "plan-260-2022.toml"
YEAR = 2022

AREA_RE = re.compile(r"^(I|II|III|IV|V|VI|VII)$")
NUM_RE = re.compile(r"^([123])\.(\d+)\.?\s+(.*)$", re.S)

# Part I, transcribed: (id, part, objective, name, printed sentence, unit, direction, target
# or per-level targets). "printed" is a phrase found verbatim in the seed.
INDICATORS: list[dict[str, Any]] = [
    {
        "id": "ct-tham-dinh-vbqppl",
        "part": "I.1",
        "objective": "mt1.1",
        "name": "Dự thảo Nghị quyết HĐND và Quyết định của UBND thành phố được thẩm định",
        "printed": "thẩm định 100% dự thảo Nghị quyết của Hội đồng nhân dân thành phố và dự thảo "
        "Quyết định của UBND thành phố do các sở, ngành tham mưu xây dựng",
        "target": 100.0,
    },
    {
        "id": "so-hoa-ket-qua-tthc",
        "part": "I.2.a",
        "objective": "mt1.2",
        "name": "Kết quả giải quyết TTHC còn hiệu lực được số hóa",
        "printed": "Số hóa kết quả giải quyết TTHC đang còn hiệu lực và có giá trị sử dụng thuộc "
        "thẩm quyền giải quyết của thành phố, cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng "
        "là 50%, 40%, 35%",
        "targets": {"city": 50.0, "district": 40.0, "commune": 35.0},
    },
    {
        "id": "tthc-thanh-toan-truc-tuyen",
        "part": "I.2.b",
        "objective": "mt1.3",
        "name": "TTHC có nghĩa vụ tài chính được triển khai thanh toán trực tuyến",
        "printed": "Tối thiểu 50% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh "
        "toán trực tuyến",
        "target": 50.0,
    },
    {
        "id": "giao-dich-thanh-toan-truc-tuyen",
        "part": "I.2.b",
        "objective": "mt1.3",
        "name": "Tỷ lệ giao dịch thanh toán trực tuyến",
        "printed": "tỷ lệ giao dịch thanh toán trực tuyến đạt từ 25% trở lên",
        "target": 25.0,
    },
    {
        "id": "tthc-truc-tuyen-muc-3-4",
        "part": "I.2.c",
        "objective": "mt1.4",
        "name": "TTHC đủ điều kiện được cung cấp trực tuyến mức độ 3 và 4",
        "printed": "100% TTHC trên địa bàn thành phố, có đủ điều kiện, được cung cấp trực tuyến "
        "mức độ 3 và 4",
        "target": 100.0,
    },
    {
        "id": "tthc-tich-hop-cong-dvc-qg",
        "part": "I.2.c",
        "objective": "mt1.4",
        "name": "TTHC được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia",
        "printed": "ít nhất 50% TTHC được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia",
        "target": 50.0,
    },
    {
        "id": "ho-so-truc-tuyen-muc-3-4",
        "part": "I.2.c",
        "objective": "mt1.4",
        "name": "Hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ",
        "printed": "Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ đạt tối "
        "thiểu 30%",
        "target": 30.0,
    },
    {
        "id": "hai-long-giai-quyet-tthc",
        "part": "I.2.d",
        "objective": "mt1.5",
        "name": "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC",
        "printed": "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt tối thiểu "
        "85%",
        "target": 85.0,
    },
    {
        "id": "hai-long-dat-dai-xay-dung-dau-tu",
        "part": "I.2.d",
        "objective": "mt1.5",
        "name": "Mức độ hài lòng về giải quyết TTHC lĩnh vực đất đai, xây dựng, đầu tư",
        "printed": "mức độ hài lòng về giải quyết các TTHC lĩnh vực đất đai, xây dựng, đầu tư "
        "đạt tối thiểu 75%",
        "target": 75.0,
    },
    {
        "id": "tthc-noi-bo-cong-bo",
        "part": "I.2.đ",
        "objective": "mt1.6",
        "name": "TTHC nội bộ được công bố, công khai và cập nhật kịp thời",
        "printed": "50% TTHC nội bộ giữa cơ quan hành chính nhà nước được công bố, công khai và "
        "cập nhật kịp thời",
        "target": 50.0,
    },
    {
        "id": "khong-cung-cap-lai-giay-to",
        "part": "I.2.e",
        "objective": "mt1.7",
        "name": "Người dân, doanh nghiệp không phải cung cấp lại giấy tờ đã được chấp nhận",
        "printed": "30% người dân, doanh nghiệp khi thực hiện TTHC không phải cung cấp lại các "
        "thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công TTHC trước đó, "
        "mà cơ quan nhà nước có thẩm quyền giải quyết TTHC đang quản lý, hoặc thông tin, giấy "
        "tờ, tài liệu đã được cơ quan nhà nước kết nối, chia sẻ",
        "target": 30.0,
    },
    {
        "id": "giam-so-luong-dvsn",
        "part": "I.3.b",
        "objective": "mt1.9",
        "name": "Giảm số lượng đơn vị sự nghiệp công lập so với năm 2021",
        "printed": "Giảm tối thiểu bình quân toàn thành phố 2,5% số lượng đơn vị sự nghiệp công "
        "lập",
        "target": 2.5,
    },
    {
        "id": "giam-bien-che-su-nghiep",
        "part": "I.3.b",
        "objective": "mt1.9",
        "name": "Giảm biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021",
        "printed": "2,5% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021",
        "target": 2.5,
    },
    {
        "id": "hai-long-phuc-vu-hcnn",
        "part": "I.3.c",
        "objective": "mt1.10",
        "name": "Mức độ hài lòng đối với sự phục vụ của cơ quan hành chính nhà nước",
        "printed": "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành "
        "chính nhà nước đạt tối thiểu 85%",
        "target": 85.0,
    },
    {
        "id": "hai-long-y-te-giao-duc",
        "part": "I.3.c",
        "objective": "mt1.10",
        "name": "Mức độ hài lòng về dịch vụ y tế, giáo dục công lập",
        "printed": "Mức độ hài lòng của người dân về dịch vụ cung cấp y tế, giáo dục công lập "
        "đạt tối thiểu 80%",
        "target": 80.0,
    },
    {
        "id": "dvsn-tu-chu-chi-thuong-xuyen",
        "part": "I.5",
        "objective": "mt1.12",
        "name": "Đơn vị sự nghiệp công lập tự chủ kinh phí chi thường xuyên",
        "printed": "có tối thiểu 10% đơn vị sự nghiệp công lập tự chủ kinh phí chi thường xuyên",
        "target": 10.0,
    },
    {
        "id": "dvsn-kinh-te-chuyen-doi",
        "part": "I.5",
        "objective": "mt1.12",
        "name": "Đơn vị sự nghiệp kinh tế và sự nghiệp khác đủ điều kiện hoàn thành chuyển đổi",
        "printed": "30% đơn vị sự nghiệp kinh tế và sự nghiệp khác, có đủ điều kiện, hoàn thành "
        "việc chuyển đổi thành công ty cổ phần hoặc chuyển sang tự đảm bảo chi thường xuyên và "
        "chi đầu tư",
        "target": 30.0,
    },
    {
        "id": "dinh-danh-xac-thuc-dien-tu",
        "part": "I.6.a",
        "objective": "mt1.13",
        "name": "Người dân, doanh nghiệp dùng DVC trực tuyến được định danh, xác thực điện tử",
        "printed": "30% người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được cấp định "
        "danh và xác thực điện tử thông suốt và hợp nhất trên tất cả các hệ thống tin của các "
        "cấp chính quyền từ Trung ương đến địa phương",
        "target": 30.0,
    },
    {
        "id": "httt-ket-noi-lgsp",
        "part": "I.6.b",
        "objective": "mt1.14",
        "name": "Hệ thống thông tin liên quan người dân, doanh nghiệp kết nối qua LGSP",
        "printed": "30% hệ thống thông tin của sở, ban ngành, địa phương có liên quan đến người "
        "dân, doanh nghiệp đã đưa vào vận hành, khai thác được kết nối, liên thông qua nền tảng "
        "tích hợp, chia sẻ dữ liệu (LGSP)",
        "target": 30.0,
    },
    {
        "id": "ho-so-cong-viec-tren-mang",
        "part": "I.6.c",
        "objective": "mt1.15",
        "name": "Hồ sơ công việc được xử lý trên môi trường mạng",
        "printed": "90% hồ sơ công việc tại cấp thành phố, 70% hồ sơ công việc tại cấp huyện, "
        "40% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (bao gồm hồ sơ văn bản "
        "điện tử và hồ sơ TTHC, không bao gồm hồ sơ xử lý công việc có nội dung mật)",
        "targets": {"city": 90.0, "district": 70.0, "commune": 40.0},
    },
    {
        "id": "co-quan-ap-dung-iso",
        "part": "I.6.d",
        "objective": "mt1.16",
        "name": "Cơ quan hành chính áp dụng, duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015",
        "printed": "100% cơ quan hành chính trên địa bàn thành phố Cần Thơ áp dụng, duy trì và "
        "cải tiến hệ thống quản lý chất lượng (HTQLCL) theo Tiêu chuẩn Quốc gia TCVN ISO "
        "9001:2015",
        "target": 100.0,
    },
    {
        "id": "tthc-ap-dung-iso",
        "part": "I.6.đ",
        "objective": "mt1.17",
        "name": "TTHC được áp dụng theo TCVN ISO 9001:2015",
        "printed": "100% TTHC tại các cơ quan hành chính đều được áp dụng theo Tiêu chuẩn Quốc "
        "gia TCVN ISO 9001:2015 theo quy định tại Quyết định số 19/2014/QĐ-TTg của Thủ tướng "
        "Chính phủ",
        "target": 100.0,
    },
    {
        "id": "xep-hang-chi-so",
        "part": "I",
        "name": "Thứ hạng của thành phố về PCI, PAR INDEX, PAPI (nhóm dẫn đầu)",
        "printed": "thành phố Cần Thơ thuộc nhóm 25 tỉnh, thành phố dẫn đầu về Chỉ số Năng lực "
        "cạnh tranh. Chỉ số Cải cách hành chính. Chỉ số Hiệu quả Quản trị và Hành chính công",
        "unit": "hạng",
        "direction": "at_most",
        "target": 25.0,
    },
]

REPORTERS = ["group:so-ban-nganh", "group:ubnd-cap-huyen"]

PERIODS: list[dict[str, Any]] = [
    {
        "code": "Q1",
        "name": "Báo cáo quý I",
        "due": date(YEAR, 3, 10),
        "cutoff_printed": "Báo cáo quý I: thời gian chốt số liệu tính từ ngày 05/12/2021 đến "
        "ngày 04/3/2022",
        "cutoff_start": date(2021, 12, 5),
        "cutoff_end": date(2022, 3, 4),
    },
    {
        "code": "6T",
        "name": "Báo cáo 6 tháng",
        "due": date(YEAR, 6, 10),
        "cutoff_printed": "Báo cáo 6 tháng: theo yêu cầu báo cáo phục vụ kỳ họp Hội đồng nhân "
        "dân thành phố",
        "note": "Không in ngày chốt số liệu: theo yêu cầu phục vụ kỳ họp HĐND thành phố.",
    },
    {
        "code": "Q3",
        "name": "Báo cáo quý III",
        "due": date(YEAR, 9, 10),
        "cutoff_printed": "Báo cáo quý III: thời gian chốt số liệu từ ngày 05/6/2022 đến ngày "
        "04/9/2022",
        "cutoff_start": date(2022, 6, 5),
        "cutoff_end": date(2022, 9, 4),
    },
    {
        "code": "NAM",
        "name": "Báo cáo năm",
        "due": date(YEAR, 12, 10),
        "cutoff_printed": "Báo cáo năm: thời gian chốt số liệu từ ngày 05/9/2021 đến ngày "
        "04/12/2022",
        "cutoff_start": date(2021, 9, 5),
        "cutoff_end": date(2022, 12, 4),
        "note": "Giữ đúng ngày in (05/9/2021); có thể là lỗi in của 05/12/2021.",
    },
]

OBLIGATIONS: list[dict[str, Any]] = [
    {
        "id": "ke-hoach-cchc-2022",
        "kind": "plan",
        "title": "Kế hoạch CCHC năm 2022 của cơ quan, đơn vị, địa phương gửi Sở Nội vụ",
        "printed": "cụ thể hóa thành các nhiệm vụ trong kế hoạch CCHC của cơ quan, đơn vị, địa "
        "phương để triển khai phù hợp với yêu cầu thực tế, gửi về Sở Nội vụ trước ngày 31 tháng "
        "01 năm 2022",
        "applies_to": REPORTERS,
        "recipient": "SNV",
        "due": date(YEAR, 1, 31),
        "due_rule": "before",
        "evidence_type": "KH",
    },
    {
        "id": "bao-cao-dinh-ky",
        "kind": "report",
        "title": "Báo cáo định kỳ (quý, 6 tháng, năm) tình hình thực hiện Kế hoạch",
        "printed": "Thời hạn gửi báo cáo chậm nhất là ngày 10 của tháng cuối kỳ báo cáo",
        "applies_to": REPORTERS,
        "recipient": "SNV",
        "due_rule": "by",
        "periods": ["Q1", "6T", "Q3", "NAM"],
        "evidence_type": "BC",
    },
    {
        "id": "bao-cao-nganh-doc",
        "kind": "report",
        "title": "Báo cáo hàng quý, 6 tháng, năm của cơ quan ngành dọc (qua Sở Nội vụ)",
        "printed": "định kỳ hàng quý, 6 tháng, năm gửi báo cáo về UBND thành phố (thông qua Sở "
        "Nội vụ)",
        "applies_to": ["CATP", "BHXH"],
        "recipient": "SNV",
        "due_rule": "by",
        "periods": ["Q1", "6T", "Q3", "NAM"],
        "evidence_type": "BC",
    },
]


def appendix_cells(seed: str) -> list[str]:
    """The appendix table's cells, in order, from the "STT |" header to footnote [1]."""
    lines = seed.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "STT |")
    end = next(i for i, ln in enumerate(lines) if ln.startswith("[1] "))
    cells: list[str] = []
    for line in lines[start:end]:
        parts = line.split("|")
        if line.rstrip().endswith("|"):
            parts = parts[:-1]
        cells.extend(clean(p) for p in parts)
    header_end = cells.index("Ghi chú") + 1
    return cells[header_end:]


def extract(seed_text: str, registry: Registry) -> dict[str, Any]:
    seed = nfc(seed_text)
    cells = appendix_cells(seed)
    areas: list[dict[str, Any]] = []
    objectives: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    area: str | None = None
    objective: str | None = None
    task: str | None = None
    seen_numbers: dict[str, int] = {}

    def item_fields(start: int) -> tuple[dict[str, Any], int]:
        output, lead, coord, timing = cells[start : start + 4]
        parsed = parse_timing(timing, YEAR)
        fields: dict[str, Any] = {
            "output": output,
            "lead_printed": lead,
            "lead": registry.resolve_phrase(lead),
            "coordinate_printed": coord,
            "coordinate": registry.resolve_phrase(coord) if coord else [],
            "timing_printed": parsed.printed,
            "timing_kind": parsed.kind,
        }
        if parsed.start:
            fields["start"] = parsed.start
        fields["due"] = parsed.due
        fields["condition"] = parsed.condition
        note = cells[start + 4] if start + 4 < len(cells) else ""
        if note and not NUM_RE.match(note) and not AREA_RE.match(note):
            fields["note"] = note
        return fields, start + 4

    i = 0
    while i < len(cells):
        cell = cells[i]
        if AREA_RE.match(cell):
            area = cell
            objective = None
            task = None
            areas.append({"id": area, "number": area, "title": cells[i + 1]})
            i += 2
            continue
        m = NUM_RE.match(cell)
        if not m:
            i += 1
            continue
        level, number, text = m.group(1), f"{m.group(1)}.{m.group(2)}", clean(m.group(3))
        assert area is not None
        if level == "1":
            objective = "mt" + number
            objectives.append({"id": objective, "number": number, "area": area, "text": text})
            i += 1
        elif level == "2":
            task = "nv" + number
            entry: dict[str, Any] = {"id": task, "number": number, "area": area, "text": text}
            if objective:
                entry["objective"] = objective
            tasks.append(entry)
            nxt = cells[i + 1]
            if nxt == "" and not NUM_RE.match(cells[i + 2]):
                # the task has no activity: it carries its own output, lead and timing
                fields, i = item_fields(i + 2)
                items.append(
                    {
                        "id": task,
                        "kind": "task",
                        "number": number,
                        "area": area,
                        **({"objective": objective} if objective else {}),
                        "task": task,
                        "text": text,
                        **fields,
                    }
                )
            else:
                i += 1
        else:
            assert task is not None
            seen_numbers[number] = seen_numbers.get(number, 0) + 1
            fields, i = item_fields(i + 1)
            items.append(
                {
                    "id": "hd" + number,
                    "kind": "activity",
                    "number": number,
                    "area": area,
                    **({"objective": objective} if objective else {}),
                    "task": task,
                    "text": text,
                    **fields,
                }
            )
    # the plan prints some numbers twice (3.18): give each its own id, a, b, …
    for number, count in seen_numbers.items():
        if count > 1:
            same = [it for it in items if it["kind"] == "activity" and it["number"] == number]
            for k, it in enumerate(same):
                it["id"] = f"hd{number}{chr(ord('a') + k)}"

    doc: dict[str, Any] = {
        "plan": {
            "id": "kh-260-2022",
            "number": "260/KH-UBND",
            "issued": date(2021, 12, 29),
            "year": YEAR,
            "issuer": "UBND thành phố Cần Thơ",
            "title": "Kế hoạch công tác cải cách hành chính năm 2022",
            "source": "Kế hoạch số 260/KH-UBND ngày 29/12/2021 của UBND thành phố Cần Thơ và "
            "Phụ lục «Khung kế hoạch Cải cách hành chính năm 2022» "
            "(shared/seeds/000_896c6acf9bc33f08.txt), trích bằng tools/extract_plan.py.",
            "notes": [
                "Văn bản gốc in số 3.18 hai lần cho hai hoạt động khác nhau: mã hd3.18a và "
                "hd3.18b.",
                "Nhiệm vụ 2.8 được in sau 3.14, thuộc mục tiêu 1.5.",
                "Lĩnh vực VII không in mục tiêu; các nhiệm vụ 2.31–2.33 không có mục tiêu.",
                "Các ô in sai (thiếu dấu phẩy, «Sở. ban ngành», «công tv») được giữ nguyên "
                "trong trường *_printed và text; trường lead/coordinate ghi cơ quan được hiểu.",
                "Ô nhiệm vụ hoặc mục tiêu để trống trong Phụ lục (dòng của các hoạt động "
                "3.12–3.14, 3.22 và của các nhiệm vụ 2.16, 2.22) được gắn vào nhiệm vụ, mục tiêu "
                "của dòng in liền trước.",
                "Hoạt động 3.25: ô chủ trì in «Sở Nội vụ - Cơ quan được phân cấp tổ chức thi "
                "hoặc xét thăng hạng»; chỉ các cơ quan có quyết định phân cấp (nhóm "
                "co-quan-duoc-phan-cap-thi của danh mục, kèm nguồn) chủ trì, các sở, ban ngành "
                "và UBND quận, huyện khác phối hợp như ô phối hợp in.",
            ],
        },
        "area": areas,
        "objective": objectives,
        "task": tasks,
        "item": items,
        "indicator": INDICATORS,
        "period": PERIODS,
        "obligation": OBLIGATIONS,
    }
    return doc


def render(doc: dict[str, Any]) -> str:
    header = (
        "# Kế hoạch công tác CCHC năm 2022 của thành phố Cần Thơ (260/KH-UBND, 29/12/2021).\n"
        "# Sinh bởi tools/extract_plan.py từ văn bản gốc; đừng sửa tay, hãy sửa công cụ.\n\n"
    )
    return nfc(header + tomli_w.dumps(doc))


def main() -> None:
    seed_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEED
    doc = extract(seed_path.read_text(encoding="utf-8"), Registry.load())
    OUT.write_text(render(doc), encoding="utf-8")
    print(
        f"{OUT}: {len(doc['area'])} areas, {len(doc['objective'])} objectives, "
        f"{len(doc['task'])} tasks, {sum(1 for i in doc['item'] if i['kind'] == 'activity')} "
        f"activities, {sum(1 for i in doc['item'] if i['kind'] == 'task')} self-carrying tasks, "
        f"{len(doc['indicator'])} indicators"
    )


if __name__ == "__main__":
    main()
