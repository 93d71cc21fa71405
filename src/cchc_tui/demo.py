"""A throwaway database with realistic progress for one district (Quận Bình Thủy, 2022)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import BLOCKED, DONE, IN_PROGRESS
from cchc_tui.store.service import Store

DEMO_AGENCY = "918"
DEMO_OFFICER = "Trần Thị Thu Hương"
DEMO_TODAY = date(2022, 9, 15)  # just after the Q3 report: a realistic moment to look

# (item id, status, progress, note or reason, completed on)
_PROGRESS: list[tuple[str, str, int | None, str, date | None]] = [
    (
        "hd3.1",
        IN_PROGRESS,
        60,
        "Đã phối hợp rà soát 14 văn bản; báo cáo quý IV chưa đến hạn.",
        None,
    ),
    (
        "hd3.4",
        DONE,
        100,
        "Kế hoạch theo dõi thi hành pháp luật của quận đã ban hành.",
        date(2022, 2, 25),
    ),
    (
        "hd3.7",
        DONE,
        100,
        "Đã triển khai phần mềm số hóa tại Bộ phận Một cửa quận.",
        date(2022, 3, 28),
    ),
    ("hd3.8", IN_PROGRESS, 55, "Số hóa 1.240/2.260 kết quả giải quyết TTHC.", None),
    ("nv2.5", IN_PROGRESS, 35, "Tỷ lệ hồ sơ thanh toán trực tuyến 9 tháng: 21%.", None),
    ("hd3.10", IN_PROGRESS, 90, "Tỷ lệ giải quyết đúng hạn, trước hạn 9 tháng: 98,6%.", None),
    ("hd3.12", DONE, 100, "Quyết định thông qua phương án đơn giản hóa 6 TTHC.", date(2022, 6, 20)),
    (
        "hd3.13",
        IN_PROGRESS,
        70,
        "Công khai TTHC tại Bộ phận Một cửa và trang thông tin điện tử.",
        None,
    ),
    ("nv2.9", IN_PROGRESS, 40, "", None),
    (
        "nv2.11",
        BLOCKED,
        None,
        "Chưa có Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính giai đoạn 2023-2025.",
        None,
    ),
    (
        "hd3.16",
        DONE,
        100,
        "Quyết định kiện toàn chức năng, nhiệm vụ các phòng chuyên môn.",
        date(2022, 5, 12),
    ),
    ("hd3.23", DONE, 100, "Tuyển dụng 5 công chức theo kế hoạch.", date(2022, 8, 30)),
    ("hd3.27", IN_PROGRESS, 50, "", None),
    ("hd3.29", IN_PROGRESS, 65, "", None),
    ("hd3.40", DONE, 100, "Kế hoạch CCHC giai đoạn 2021-2025 của quận.", date(2022, 3, 15)),
    ("hd3.43", IN_PROGRESS, 75, "Đã kiểm tra 6/8 phường.", None),
    ("hd3.45", IN_PROGRESS, 60, "", None),
    ("hd3.46", DONE, 100, "Phát động phong trào thi đua CCHC.", date(2022, 3, 10)),
]

# (number, date, issuer, title, linked items)
_EVIDENCE: list[tuple[str, date, str, str, list[str]]] = [
    (
        "12/KH-UBND",
        date(2022, 1, 20),
        "UBND quận Bình Thủy",
        "Kế hoạch cải cách hành chính năm 2022",
        ["hd3.40"],
    ),
    (
        "18/KH-UBND",
        date(2022, 2, 25),
        "UBND quận Bình Thủy",
        "Kế hoạch theo dõi tình hình thi hành pháp luật năm 2022",
        ["hd3.4"],
    ),
    (
        "25/BC-UBND",
        date(2022, 3, 8),
        "UBND quận Bình Thủy",
        "Báo cáo công tác cải cách hành chính quý I năm 2022",
        ["hd3.1", "hd3.7"],
    ),
    (
        "1350/QĐ-UBND",
        date(2022, 6, 20),
        "UBND quận Bình Thủy",
        "Quyết định thông qua phương án đơn giản hóa thủ tục hành chính",
        ["hd3.12"],
    ),
    (
        "2231/SNV-CCHC&PC",
        date(2022, 4, 4),
        "Sở Nội vụ",
        "Về việc hướng dẫn báo cáo cải cách hành chính",
        [],
    ),
    (
        "30/TB-UBND",
        date(2022, 3, 10),
        "UBND quận Bình Thủy",
        "Thông báo phát động phong trào thi đua thực hiện CCHC",
        ["hd3.46"],
    ),
]


def build_demo(path: Path, plan_text: str, registry: Registry) -> tuple[Store, Plan]:
    store = Store(path, create=True)
    agency = registry.agencies[DEMO_AGENCY]
    store.init_profile(agency.code, agency.name, DEMO_OFFICER)
    plan = store.import_plan(plan_text, actor=DEMO_OFFICER, agency=agency.code)
    for key, status, pct, text, done_on in _PROGRESS:
        store.set_progress(
            plan,
            key,
            agency=agency.code,
            actor=DEMO_OFFICER,
            status=status,
            progress_pct=pct,
            note=None if status == BLOCKED else text,
            reason=text if status == BLOCKED else None,
            completed_on=done_on,
            today=DEMO_TODAY,
        )
    for number, when, issuer, title, items in _EVIDENCE:
        store.add_evidence(
            agency=agency.code,
            actor=DEMO_OFFICER,
            number=number,
            doc_date=when,
            issuer=issuer,
            title=title,
            plan=plan,
            items=items,
            today=DEMO_TODAY,
        )
    return store, plan
