"""Labels of coded values: each code with its catalogue key written out, so no key is built
from a value at run time and a test can tell every key used (tests/test_i18n_and_repo.py)."""

from __future__ import annotations

# Progress statuses (core/progress.py)
STATUS: dict[str, str] = {
    "chua_thuc_hien": "status.chua_thuc_hien",
    "dang_thuc_hien": "status.dang_thuc_hien",
    "hoan_thanh": "status.hoan_thanh",
    "khong_thuc_hien_duoc": "status.khong_thuc_hien_duoc",
    "none": "status.none",
}

# The same, short, for a table column of 10 (the detail line under it says them in full)
STATUS_SHORT: dict[str, str] = {
    "chua_thuc_hien": "status.short.chua_thuc_hien",
    "dang_thuc_hien": "status.short.dang_thuc_hien",
    "hoan_thanh": "status.short.hoan_thanh",
    "khong_thuc_hien_duoc": "status.short.khong_thuc_hien_duoc",
    "none": "status.short.none",
}

# Number fields named in errors (core/numbers.py)
NUMBER_FIELD: dict[str, str] = {
    "points": "number.field.points",
    "progress": "number.field.progress",
    "value": "number.field.value",
    "numerator": "number.field.numerator",
    "denominator": "number.field.denominator",
}

# Whose items a suggestion counts (core/scoring.py)
SCORE_ROLE: dict[str, str] = {
    "lead": "score.role.lead",
    "all": "score.role.all",
}

# A document against its deadline, in a suggestion
# a deadline as the plan words it: "trước ngày" (strictly before) or "chậm nhất là ngày" (by)
DUE_RULE: dict[str, str] = {
    "before": "due.before",
    "by": "due.by",
}

# items a completion share leaves out, by why (core/scoring._completion)
COMPLETION_LEFT: dict[str, str] = {
    "not_due": "score.completion.not_due",
    "waiting": "score.completion.waiting",
    "cannot": "score.completion.cannot_left",
}

# why a document of the rule's type was not the one taken (core/doc_rules.py)
DOC_REFUSED: dict[str, str] = {
    "subject": "score.doc_refused.subject",
    "year": "score.doc_refused.year",
    "no_year": "score.doc_refused.no_year",
    "later": "score.doc_refused.later",
    "not_marked": "score.doc_refused.not_marked",
}

# A report against its deadline, in a suggestion
SCORE_STATE: dict[str, str] = {
    "on_time": "score.state.on_time",
    "late": "score.state.late",
    "missing": "score.state.missing",
}

# Certificate roles (bundle/trust.py)
TRUST_ROLE: dict[str, str] = {
    "officer": "trust.role.officer",
    "reviewer": "trust.role.reviewer",
    "none": "trust.role.none",
}

# Agency levels
LEVEL: dict[str, str] = {
    "city": "level.city",
    "district": "level.district",
    "commune": "level.commune",
}

# Lead or coordinating
ROLE: dict[str, str] = {
    "lead": "role.lead",
    "coordinate": "role.coordinate",
}

ROLE_SHORT: dict[str, str] = {
    "lead": "role.short.lead",
    "coordinate": "role.short.coordinate",
}

# Document families (core/docnumber.py)
FAMILY: dict[str, str] = {
    "administrative": "family.administrative",
    "legal": "family.legal",
    "party": "family.party",
    "unknown": "family.unknown",
}

# A submission against its deadline, at the review desk
REVIEW_STATE: dict[str, str] = {
    "missing": "ui.review.state.missing",
    "late": "ui.review.state.late",
    "on_time": "ui.review.state.on_time",
}

# Appraisal states of a receipt
# what changed between two bundles (core/resubmission.py), as the changes view names it
CHANGE_KIND: dict[str, str] = {
    "item": "ui.review.changes.kind.item",
    "score": "ui.review.changes.kind.score",
    "document": "ui.review.changes.kind.document",
}
CHANGE_FIELD: dict[str, str] = {
    "status": "ui.review.changes.field.status",
    "progress": "ui.review.changes.field.progress",
    "completed_on": "ui.review.changes.field.completed_on",
    "note": "ui.review.changes.field.note",
    "reason": "ui.review.changes.field.reason",
    "points": "ui.review.changes.field.points",
    "documents": "ui.review.changes.field.documents",
    "added": "ui.review.changes.field.added",
    "removed": "ui.review.changes.field.removed",
    "date": "ui.review.changes.field.date",
    "issuer": "ui.review.changes.field.issuer",
    "title": "ui.review.changes.field.title",
    "file": "ui.review.changes.field.file",
}

RECEIPT_STATE: dict[str, str] = {
    "da_nhan": "ui.review.rstate.da_nhan",
    "can_bo_sung": "ui.review.rstate.can_bo_sung",
    "da_duyet": "ui.review.rstate.da_duyet",
    "khong_duyet": "ui.review.rstate.khong_duyet",
}

# Review desk sort orders
REVIEW_SORT: dict[str, str] = {
    "code": "ui.review.sort.code",
    "state": "ui.review.sort.state",
    "completeness": "ui.review.sort.completeness",
    "total": "ui.review.sort.total",
}

# Review desk filters
REVIEW_FILTER: dict[str, str] = {
    "all": "ui.review.filter.all",
    "missing": "ui.review.filter.missing",
    "late": "ui.review.filter.late",
    "on_time": "ui.review.filter.on_time",
}

# An item's state in the activity view (short)
REVIEW_ACT: dict[str, str] = {
    "hoan_thanh": "ui.review.act.hoan_thanh",
    "dang_thuc_hien": "ui.review.act.dang_thuc_hien",
    "chua_thuc_hien": "ui.review.act.chua_thuc_hien",
    "khong_thuc_hien_duoc": "ui.review.act.khong_thuc_hien_duoc",
    "no_status": "ui.review.act.no_status",
    "missing": "ui.review.act.missing",
    "broken": "ui.review.act.broken",
}

# An item's state in the activity view (long)
REVIEW_ACT_LONG: dict[str, str] = {
    "hoan_thanh": "ui.review.act_long.hoan_thanh",
    "dang_thuc_hien": "ui.review.act_long.dang_thuc_hien",
    "chua_thuc_hien": "ui.review.act_long.chua_thuc_hien",
    "khong_thuc_hien_duoc": "ui.review.act_long.khong_thuc_hien_duoc",
    "no_status": "ui.review.act_long.no_status",
    "missing": "ui.review.act_long.missing",
    "broken": "ui.review.act_long.broken",
}

# An evidence file against its hash
EVIDENCE_HASH: dict[str, str] = {
    "checking": "ui.review.hash.checking",
    "none": "ui.review.hash.none",
    "ok": "ui.review.hash.ok",
    "mismatch": "ui.review.hash.mismatch",
    "missing": "ui.review.hash.missing",
}

# Audit log actions and fields, in an item's history (others show as recorded)
AUDIT_ACTION: dict[str, str] = {
    "progress.set": "audit.progress.set",
    "progress.carry_over": "audit.progress.carry_over",
    "evidence.link": "audit.evidence.link",
    "evidence.unlink": "audit.evidence.unlink",
}
AUDIT_FIELD: dict[str, str] = {
    "status": "audit.field.status",
    "progress_pct": "audit.field.progress_pct",
    "note": "audit.field.note",
    "reason": "audit.field.reason",
    "completed_on": "audit.field.completed_on",
    "evidence": "audit.field.evidence",
    "period": "audit.field.period",
}

# the ranking groups (core/review.GROUPS)
REVIEW_GROUP = {
    "city": "ui.review.group.city",
    "district": "ui.review.group.district",
    "commune": "ui.review.group.commune",
}

# what `cchc db path` and F1 list (services/backup.locations)
WHERE: dict[str, str] = {
    "db": "where.db",
    "files": "where.files",
    "keys": "where.keys",
    "bundles": "where.bundles",
    "config": "where.config",
}


# an item's milestone (core/milestones.py)
MILESTONE_STATE: dict[str, str] = {
    "met": "milestone.met",
    "pending": "milestone.pending",
    "explained": "milestone.explained",
    "missed": "milestone.missed",
}

# what the officer recorded about an item's condition (core/milestones.py)
CONDITION_STATE: dict[str, str] = {
    "none": "condition.state.none",
    "xay_ra": "condition.state.xay_ra",
    "khong_xay_ra": "condition.state.khong_xay_ra",
}

# the placeholder of each argument of `cchc` that takes a value and has no choices
METAVAR: dict[str, str] = {
    "activity": "metavar.activity",
    "agency": "metavar.agency",
    "as_of": "metavar.as_of",
    "bundle": "metavar.bundle",
    "bundles": "metavar.bundles",
    "ca": "metavar.ca",
    "code": "metavar.code",
    "completed": "metavar.completed",
    "crl": "metavar.crl",
    "csv": "metavar.csv",
    "date": "metavar.date",
    "db": "metavar.db",
    "den": "metavar.den",
    "dir": "metavar.dir",
    "doc": "metavar.doc",
    "evidence": "metavar.evidence",
    "file": "metavar.file",
    "indicator": "metavar.indicator",
    "issuer": "metavar.issuer",
    "item": "metavar.item",
    "note": "metavar.note",
    "num": "metavar.num",
    "number": "metavar.number",
    "officer": "metavar.officer",
    "out": "metavar.out",
    "p12_passphrase_file": "metavar.p12_passphrase_file",
    "passphrase_file": "metavar.passphrase_file",
    "period": "metavar.period",
    "plan": "metavar.plan",
    "points": "metavar.points",
    "progress": "metavar.progress",
    "reminders": "metavar.xlsx",
    "reason": "metavar.reason",
    "scope": "metavar.scope",
    "search": "metavar.search",
    "serial": "metavar.serial",
    "set": "metavar.set",
    "signer": "metavar.signer",
    "state": "metavar.state",
    "status": "metavar.status",
    "target": "metavar.target",
    "text": "metavar.text",
    "title": "metavar.title",
    "to": "metavar.to",
    "type": "metavar.type",
    "value": "metavar.value",
    "words": "metavar.words",
    "xlsx": "metavar.xlsx",
}
