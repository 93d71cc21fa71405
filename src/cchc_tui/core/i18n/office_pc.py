"""Catalogue: the office PC (issue 16) — backup and restore, where the files are, a database
on a network share."""

MESSAGES: dict[str, dict[str, str]] = {
    "db.network_drive": {
        "vi": "Lưu ý: cơ sở dữ liệu «{path}» nằm trên ổ mạng; chương trình dùng nhật ký "
        "rollback (chậm hơn) thay cho WAL, vốn không chạy đúng qua mạng. Nên để tệp trên ổ "
        "của máy và sao lưu sang ổ mạng bằng «cchc db backup».",
        "en": "Note: database “{path}” is on a network drive; the rollback journal (slower) is "
        "used instead of WAL, which does not work over a network. Better keep the file on this "
        "PC's disk and back it up to the share with “cchc db backup”.",
    },
    "backup.no_folder": {
        "vi": "Không có thư mục «{path}» (đã cắm USB chưa?). Chưa ghi gì.",
        "en": "There is no folder “{path}” (is the USB stick plugged in?). Nothing was written.",
    },
    "backup.written": {
        "vi": "Đã sao lưu vào «{path}»: {entries} tệp, {size}. Giữ tệp này ở nơi an toàn.",
        "en": "Backed up to “{path}”: {entries} files, {size}. Keep this file somewhere safe.",
    },
    "backup.not_backup": {
        "vi": "«{path}» không phải bản sao lưu của cchc-tui (thiếu hoặc sai manifest.json).",
        "en": "“{path}” is not a cchc-tui backup (manifest.json missing or wrong).",
    },
    "backup.entries_differ": {
        "vi": "Bản sao lưu «{path}» không khớp manifest của nó (thiếu hoặc thừa tệp). "
        "Chưa khôi phục gì.",
        "en": "Backup “{path}” does not match its manifest (files missing or added). Nothing "
        "was restored.",
    },
    "backup.bad_entry": {
        "vi": "Bản sao lưu «{path}» chứa tên tệp không hợp lệ «{entry}». Chưa khôi phục gì.",
        "en": "Backup “{path}” holds an invalid entry name “{entry}”. Nothing was restored.",
    },
    "backup.damaged": {
        "vi": "Bản sao lưu «{path}» bị hỏng: «{entry}» khác với lúc sao lưu. Chưa khôi phục gì.",
        "en": "Backup “{path}” is damaged: “{entry}” differs from when it was made. Nothing was "
        "restored.",
    },
    "backup.place_taken": {
        "vi": "«{path}» đã có: khôi phục chỉ ghi vào chỗ trống. Chọn nơi khác bằng --db, hoặc "
        "dời tệp/thư mục đó đi. Chưa khôi phục gì.",
        "en": "“{path}” exists: a restore writes only into an empty place. Choose another with "
        "--db, or move that file or folder away. Nothing was restored.",
    },
    "backup.restored": {
        "vi": "Đã khôi phục {entries} tệp; cơ sở dữ liệu: «{path}».",
        "en": "Restored {entries} files; database: “{path}”.",
    },
    "backup.config_restored": {
        "vi": "Cấu hình: «{path}».",
        "en": "Settings: “{path}”.",
    },
    "backup.config_kept": {
        "vi": "Cấu hình trên máy này được giữ nguyên; cấu hình trong bản sao lưu ghi ở «{path}».",
        "en": "This PC's settings were kept; the backup's are in “{path}”.",
    },
    "backup.need_to": {
        "vi": "Hãy cho biết thư mục ghi bản sao lưu: cchc db backup --to E:\\",
        "en": "Say which folder to write the backup to: cchc db backup --to E:\\",
    },
    "backup.need_file": {
        "vi": "Hãy cho biết tệp sao lưu: cchc db restore E:\\cchc-backup-….zip",
        "en": "Say which backup file: cchc db restore E:\\cchc-backup-….zip",
    },
    "backup.pattern": {
        "vi": "«{pattern}» khớp {count} tệp; hãy ghi đúng một tệp sao lưu.",
        "en": "“{pattern}” matches {count} files; name exactly one backup file.",
    },
    "ui.export.backup_key": {"vi": "Sao lưu", "en": "Back up"},
    "ui.export.backup_offer": {
        "vi": "Nên sao lưu dữ liệu vào cùng thư mục (USB): Ctrl+B.",
        "en": "Worth backing up the data to the same folder (USB): Ctrl+B.",
    },
    "ui.export.backing_up": {
        "vi": "Đang sao lưu vào «{path}»…",
        "en": "Backing up to “{path}”…",
    },
    "db.network_drive_short": {
        "vi": "Cơ sở dữ liệu nằm trên ổ mạng: dùng nhật ký rollback thay cho WAL (chậm hơn). "
        "Nên để tệp trên ổ của máy.",
        "en": "The database is on a network drive: the rollback journal is used instead of WAL "
        "(slower). Better keep the file on this PC's disk.",
    },
    "where.db": {"vi": "Cơ sở dữ liệu", "en": "Database"},
    "where.files": {"vi": "Tệp tài liệu kiểm chứng", "en": "Evidence files"},
    "where.keys": {"vi": "Khóa ký số", "en": "Signing key"},
    "where.bundles": {"vi": "Hồ sơ đã nhận", "en": "Received bundles"},
    "where.config": {"vi": "Cấu hình", "en": "Settings"},
    "where.missing": {"vi": "(chưa có)", "en": "(not yet)"},
}
