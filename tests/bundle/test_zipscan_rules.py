"""zipscan's structural rules, each met at its edge with a small zip made here and patched
byte by byte: the size limits on the byte itself, the end record and its 65,557-byte search
window, the zip64 end record and locator field by field, the entry count and total, and the
regular-file check that never waits on a FIFO. Every refusal is checked by its exact sentence
(the one the officer or reviewer reads), so a number printed wrong is a failure too."""

from __future__ import annotations

import io
import os
import stat
import struct
import threading
import zipfile
from pathlib import Path

import pytest

from cchc_tui.bundle import zipscan
from cchc_tui.bundle.zipscan import NotAZip, NotRegular, Unsafe, open_regular, scan
from cchc_tui.core.i18n import t

BIG = 1 << 40


def small_zip(files: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in (files or {"a.txt": b"hello", "b.txt": b"world!"}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def run(data: bytes, **limits: int) -> list[zipscan.Entry]:
    return scan(
        io.BytesIO(data),
        len(data),
        max_size=limits.get("max_size", BIG),
        max_entries=limits.get("max_entries", 100),
        max_total=limits.get("max_total", BIG),
    )


def refusal(data: bytes, kind: type[Exception] = Unsafe, **limits: int) -> str:
    with pytest.raises(kind) as err:
        run(data, **limits)
    return str(err.value)


def end_record(data: bytes) -> tuple[int, list[int | bytes]]:
    at = len(data) - 22
    return at, list(struct.unpack("<4sHHHHIIH", data[at:]))


def with_end(data: bytes, **fields: int) -> bytes:
    names = ["sig", "disk", "cd_disk", "on_disk", "count", "cd_size", "cd_offset", "comment"]
    at, values = end_record(data)
    for name, value in fields.items():
        values[names.index(name)] = value
    return data[:at] + struct.pack("<4sHHHHIIH", *values)


def zip64(data: bytes, **change: int) -> bytes:
    """``data`` with a zip64 end record and locator before its end record, as a writer of a
    large archive puts them (each value also fits the short record, which then repeats it)."""
    at, (_sig, _d, _cd, on_disk, count, cd_size, cd_offset, _c) = end_record(data)
    rec = {
        "sig": zipscan.END64,
        "size": 44,
        "made": 45,
        "needed": 45,
        "disk": 0,
        "cd_disk": 0,
        "on_disk": on_disk,
        "count": count,
        "cd_size": cd_size,
        "cd_offset": cd_offset,
    }
    loc = {"l_disk": 0, "shift": 0, "disks": 1}
    for name, value in change.items():
        if name in loc:
            loc[name] = value
        else:
            rec[name] = value
    end64 = struct.pack("<4sQHHIIQQQQ", *rec.values())
    locator = struct.pack(
        "<4sIQI", zipscan.LOCATOR64, loc["l_disk"], at + loc["shift"], loc["disks"]
    )
    return data[:at] + end64 + locator + data[at:]


# -- sizes ----------------------------------------------------------------------------------------


def test_a_file_of_the_limit_passes_and_one_byte_more_is_refused_naming_both_sizes() -> None:
    data = small_zip()
    assert [e.name for e in run(data, max_size=len(data))] == ["a.txt", "b.txt"]
    assert refusal(data, max_size=len(data) - 1) == t("verify.file_too_large", size=0, limit=0)
    # the sizes are whole MB (MiB), rounded down
    padded = small_zip({"a.bin": bytes(3 * 1024**2)})  # 3 MiB and a few bytes: "3 MB"
    assert refusal(padded, max_size=2 * 1024**2 + 1) == t("verify.file_too_large", size=3, limit=2)


def test_the_entry_count_and_the_unpacked_total_at_their_limits() -> None:
    data = small_zip()
    run(data, max_entries=2, max_total=11)  # 2 entries, 5 + 6 bytes: exactly the limits
    assert refusal(data, max_entries=1) == t("verify.too_many", count=2, limit=1)
    big = small_zip({"a.bin": bytes(2 * 1024**2 + 1)})
    run(big, max_total=2 * 1024**2 + 1)
    assert refusal(big, max_total=2 * 1024**2) == t("verify.too_large", limit=2)


# -- the end record --------------------------------------------------------------------------------


def test_too_short_for_a_header_and_an_end_record_is_no_zip() -> None:
    head = zipscan.LOCAL + bytes(26)  # a local header, 30 bytes
    assert refusal(head + bytes(21), NotAZip) == t("verify.no_end")  # 51 bytes
    # 52 bytes: room for both; an end record of nothing is a bad directory, not "no end"
    empty_end = zipscan.END + bytes(18)
    assert refusal(head + empty_end) == t("verify.bad_directory")
    # no entries, though the empty directory sits exactly where it says: still refused
    placed = zipscan.END + struct.pack("<HHHHIIH", 0, 0, 0, 0, 0, len(head), 0)
    assert refusal(head + placed) == t("verify.bad_directory")


def test_data_after_the_end_record_is_found_within_the_longest_comment_and_no_further() -> None:
    data = small_zip()
    assert refusal(data + b"x") == t("verify.junk_after")
    assert refusal(data + bytes(65_535)) == t("verify.junk_after")  # end record 65,557 back
    assert refusal(data + bytes(65_536), NotAZip) == t("verify.no_end")  # one byte further
    at, _ = end_record(data)
    commented = with_end(data, comment=2) + b"hi"
    assert refusal(commented) == t("verify.junk_after")
    assert refusal(data[:at] + b"PK\x05\x07" + data[at + 4 :], NotAZip) == t("verify.no_end")


@pytest.mark.parametrize(
    "fields",
    [{"disk": 1}, {"cd_disk": 1}, {"on_disk": 1}, {"count": 0, "on_disk": 0}],
    ids=["disk", "cd-disk", "on-disk", "no-entries"],
)
def test_a_split_or_empty_archive_is_refused(fields: dict[str, int]) -> None:
    assert refusal(with_end(small_zip(), **fields)) == t("verify.bad_directory")


@pytest.mark.parametrize(
    "fields",
    [{"count": 0xFFFF, "on_disk": 0xFFFF}, {"cd_size": 0xFFFFFFFF}, {"cd_offset": 0xFFFFFFFF}],
    ids=["count", "size", "offset"],
)
def test_a_zip64_marker_without_its_zip64_record_is_refused(fields: dict[str, int]) -> None:
    assert refusal(with_end(small_zip(), **fields)) == t("verify.bad_directory")
    # refused as a marker, before any other limit is looked at
    assert refusal(with_end(small_zip(), **fields), max_entries=1) == t("verify.bad_directory")


def test_a_directory_bigger_than_its_entries_can_fill_is_refused_unread() -> None:
    """1 entry, a directory of 3,000 bytes (the cap is 2,094 per entry): refused from the end
    record alone, without reading the 3,000 bytes (a 4 GB one would be read into memory)."""
    data = small_zip({"a.bin": bytes(5000)})
    at, _ = end_record(data)
    data = with_end(data, cd_size=3000, cd_offset=at - 3000)
    reads: list[int] = []

    class Watched(io.BytesIO):
        def read(self, n: int | None = -1) -> bytes:
            reads.append(-1 if n is None else n)
            return super().read(n)

    with pytest.raises(Unsafe) as err:
        scan(Watched(data), len(data), max_size=BIG, max_entries=100, max_total=BIG)
    assert str(err.value) == t("verify.bad_directory")
    assert reads and max(reads) < 3000


# -- the zip64 end record and locator ----------------------------------------------------


def test_a_well_formed_zip64_end_is_read() -> None:
    assert [e.name for e in run(zip64(small_zip()))] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("field", ["count", "cd_size", "cd_offset"])
def test_a_value_over_the_short_record_s_maximum_is_taken_from_the_zip64_record(
    field: str,
) -> None:
    """The short record holds its maximum (0xFFFF entries, 0xFFFFFFFF bytes) when the value
    does not fit: that is a well-formed zip64 end, read on and refused here by the entry
    count (over 100), not as a bad directory."""
    big = {"count": 70_000, "cd_size": 2**32 + 7, "cd_offset": 2**32 + 9}[field]
    if field == "count":
        data = zip64(small_zip(), count=big, on_disk=big)
        data = with_end(data, count=0xFFFF, on_disk=0xFFFF)
    else:
        data = zip64(small_zip(), count=500, on_disk=500, **{field: big})
        data = with_end(data, count=500, on_disk=500, **{field: 0xFFFFFFFF})
    said = refusal(data, max_entries=100)
    assert said == t("verify.too_many", count=big if field == "count" else 500, limit=100)


@pytest.mark.parametrize(
    "change",
    [
        {"l_disk": 1},
        {"disks": 0},
        {"disks": 2},
        {"shift": 1},
        {"shift": -1},
        {"sig": 0},
        {"size": 45},
        {"disk": 1},
        {"cd_disk": 1},
        {"on_disk": 1},
        {"count": 3, "on_disk": 3},
        {"cd_size": 1},
        {"cd_offset": 1},
    ],
    ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()),
)
def test_each_field_of_the_zip64_end_must_agree(change: dict[str, int]) -> None:
    if change.get("sig") == 0:
        data = zip64(small_zip())
        at = data.index(zipscan.END64)
        data = data[:at] + b"PK\x06\x05" + data[at + 4 :]
    else:
        data = zip64(small_zip(), **change)
    assert refusal(data) == t("verify.bad_directory")


# -- a regular file, opened without waiting -----------------------------------------------


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").exists() else 0


def test_a_regular_file_opens_for_blocking_binary_reads(tmp_path: Path) -> None:
    path = tmp_path / "hồ sơ 1%.zip"
    path.write_bytes(b"PK\x03\x04 data")
    with open_regular(path) as fh:
        assert fh.read() == b"PK\x03\x04 data"
        assert os.get_blocking(fh.fileno())  # reads wait for the disk, as a plain open does
        assert stat.S_ISREG(os.fstat(fh.fileno()).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once_and_its_handle_closed(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.zip"
    os.mkfifo(fifo)
    before = _open_fds()
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            open_regular(fifo).close()
            outcome.append(None)
        except BaseException as e:  # handed to the test's thread
            outcome.append(e)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "opening a FIFO waited for a writer"
    assert isinstance(outcome[0], NotRegular)
    assert str(outcome[0]) == t("verify.not_regular_file", path=fifo)
    assert _open_fds() == before


def test_a_folder_is_refused_and_its_handle_closed(tmp_path: Path) -> None:
    before = _open_fds()
    with pytest.raises(NotRegular) as err:
        open_regular(tmp_path)
    assert str(err.value) == t("verify.not_regular_file", path=tmp_path)
    assert _open_fds() == before


# -- each entry: its directory record, and its local header against it ---------------------------
CENTRAL_FIELDS = {  # offset in a 46-byte central record, struct code
    "needed": (6, "<H"),
    "flags": (8, "<H"),
    "method": (10, "<H"),
    "compressed": (20, "<I"),
    "comment_len": (32, "<H"),
    "disk_start": (34, "<H"),
    "external": (38, "<I"),
}
LOCAL_FIELDS = {  # offset in a 30-byte local header
    "sig": (0, "<I"),
    "needed": (4, "<H"),
    "flags": (6, "<H"),
    "method": (8, "<H"),
    "time": (10, "<H"),
    "date": (12, "<H"),
    "crc": (14, "<I"),
    "compressed": (18, "<I"),
    "size": (22, "<I"),
    "extra_len": (28, "<H"),
}


def first_central(data: bytes) -> int:
    """Where the first entry's (a.txt's) record starts in the central directory."""
    _at, values = end_record(data)
    return int(values[6])


def patched(data: bytes, at: int, code: str, value: int) -> bytes:
    size = struct.calcsize(code)
    return data[:at] + struct.pack(code, value) + data[at + size :]


def central(data: bytes, **fields: int) -> bytes:
    base = first_central(data)
    for name, value in fields.items():
        offset, code = CENTRAL_FIELDS[name]
        data = patched(data, base + offset, code, value)
    return data


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"flags": 0x0001}, t("verify.encrypted", name="a.txt")),
        ({"flags": 0x2000}, t("verify.encrypted", name="a.txt")),
        ({"flags": 0x0010}, t("verify.zip_flags", name="a.txt", flags="0x0010")),
        ({"flags": 0x8000}, t("verify.zip_flags", name="a.txt", flags="0x8000")),
        ({"flags": 0x00A0}, t("verify.zip_flags", name="a.txt", flags="0x00a0")),
        ({"method": 12}, t("verify.method", name="a.txt", method=12)),
        ({"needed": 63}, t("verify.zip_version", name="a.txt", version="6.3")),
        ({"external": 0o120777 << 16}, t("verify.not_regular", name="a.txt")),
        ({"external": 0x10}, t("verify.not_regular", name="a.txt")),  # a DOS folder
        ({"compressed": 4}, t("verify.bad_layout", name="a.txt")),  # stored: both sizes equal
        ({"disk_start": 1}, t("verify.bad_directory")),
        ({"disk_start": 0xFFFF}, t("verify.bad_directory")),  # "in the zip64 field": no
        ({"comment_len": 1}, t("verify.bad_directory")),  # a comment on an entry
        ({"comment_len": 5000}, t("verify.bad_directory")),  # one running past the directory
    ],
    ids=lambda v: str(v) if isinstance(v, dict) else "",
)
def test_each_entry_of_the_directory_is_refused_by_its_own_reason(
    fields: dict[str, int], said: str
) -> None:
    assert refusal(central(small_zip(), **fields)) == said


def test_a_utf8_flagged_name_is_read_as_utf8_and_another_as_cp437() -> None:
    name = "tài liệu.txt"
    data = small_zip({name: b"x"})
    assert [e.name for e in run(data)] == [name]  # zipfile sets the UTF-8 flag for it
    flags = struct.unpack_from("<H", data, first_central(data) + 8)[0]
    as_cp437 = patched(data, first_central(data) + 8, "<H", flags & ~zipscan.UTF8)
    as_cp437 = patched(as_cp437, 6, "<H", flags & ~zipscan.UTF8)  # the local header agrees
    assert [e.name for e in run(as_cp437)] == [name.encode().decode("cp437")]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("needed", 45),
        ("flags", zipscan.UTF8),
        ("method", 8),
        ("time", 1),
        ("date", 1),
        ("crc", 1),
        ("compressed", 6),
        ("size", 6),
        ("extra_len", 2000),
    ],
)
def test_each_field_of_a_local_header_must_say_what_the_directory_says(
    field: str, value: int
) -> None:
    offset, code = LOCAL_FIELDS[field]
    data = small_zip()
    assert struct.unpack_from(code, data, offset)[0] != value
    assert refusal(patched(data, offset, code, value)) == t("verify.bad_layout", name="a.txt")


def test_a_second_entry_without_a_local_header_s_signature_is_refused() -> None:
    data = small_zip()
    second = 30 + len("a.txt") + len("hello")
    assert data[second : second + 4] == b"PK\x03\x04"
    assert refusal(patched(data, second, "<I", 0x06054B50)) == t("verify.bad_layout", name="b.txt")


def test_a_local_name_other_than_the_directory_s_is_refused() -> None:
    data = small_zip()
    assert data[30:35] == b"a.txt"
    other = data[:30] + b"c.txt" + data[35:]
    assert refusal(other) == t("verify.bad_layout", name="a.txt")


# -- the zip64 extra field, the name's length, entries the directory promises -------------------


def test_a_zip64_extra_field_is_read_to_its_last_byte_and_not_one_past() -> None:
    """An extra field is a list of (id, size, body): a header of 4 bytes ending the field
    exactly is well formed; 3 bytes, or a body shorter than its size, is not; a zip64 body
    must hold 8 bytes for each value the entry marks as stored there, in the format's order."""
    other = struct.pack("<HH", 0x5455, 0)  # another kind, empty
    assert zipscan._zip64(other, []) == {}
    three = zipscan._zip64(struct.pack("<HHQQQ", 1, 24, 5, 6, 7), ["size", "compressed", "offset"])
    assert three == {"size": 5, "compressed": 6, "offset": 7}
    bad = [
        (other[:3], []),  # a header cut short
        (struct.pack("<HH", 0x5455, 4) + b"ab", []),  # a body shorter than its size
        (struct.pack("<HHQ", 1, 8, 5), ["size", "compressed"]),  # one value where two are due
        (other, ["size"]),  # the value marked as in zip64 form, and no zip64 field
    ]
    for extra, wanted in bad:
        with pytest.raises(Unsafe) as err:
            zipscan._zip64(extra, wanted)
        assert str(err.value) == t("verify.bad_directory"), (extra, wanted)


def test_sizes_and_offsets_in_zip64_form_are_taken_from_the_extra_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """zipfile writes the directory's zip64 form past ZIP64_LIMIT: lowered, a small zip has
    every size and offset as 0xFFFFFFFF with the values in the extra field."""
    plain = run(small_zip())
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 1)
    data = small_zip()
    monkeypatch.undo()
    assert data.count(b"\xff\xff\xff\xff") >= 5  # both entries' sizes, b.txt's offset
    got = run(data)
    assert [(e.name, e.size, e.compressed, e.offset > 0) for e in got] == [
        ("a.txt", 5, 5, False),
        ("b.txt", 6, 6, True),
    ]
    assert got[1].offset == data.index(zipscan.LOCAL, 1)  # b.txt's local header
    assert [(e.size, e.compressed) for e in got] == [(e.size, e.compressed) for e in plain]


def test_a_name_of_1024_bytes_passes_and_1025_is_refused() -> None:
    assert [e.name for e in run(small_zip({"a" * 1024: b"x"}))] == ["a" * 1024]
    assert refusal(small_zip({"a" * 1025: b"x"})) == t("verify.bad_directory")


def test_a_directory_promising_more_entries_than_it_holds_is_refused() -> None:
    data = small_zip()
    assert refusal(with_end(data, count=3, on_disk=3)) == t("verify.bad_directory")


def test_an_entry_placed_past_the_end_of_the_file_is_refused() -> None:
    data = small_zip()
    second = first_central(data) + 46 + len("a.txt")  # b.txt's record
    assert data[second : second + 4] == b"PK\x01\x02"
    far = len(data) + 1000
    moved = patched(data, second + 42, "<I", far)
    # a.txt's data no longer ends where the next entry begins
    assert refusal(moved) == t("verify.bad_layout", name="a.txt")
    # unless a.txt says it is that long, in both its headers: then b.txt has no header there
    grown = far - (30 + len("a.txt"))
    for at in (18, 22, first_central(data) + 20, first_central(data) + 24):
        moved = patched(moved, at, "<I", grown)
    assert refusal(moved) == t("verify.bad_layout", name="b.txt")


def test_an_undecodable_utf8_name_is_shown_escaped() -> None:
    data = small_zip({"a\xe9.txt": b"x"})  # é: flagged UTF-8 by zipfile
    bad = data.replace("a\xe9".encode(), b"a\xff\xfe")  # in both headers, the same length
    flags = struct.unpack_from("<H", bad, first_central(bad) + 8)[0]
    enc = patched(bad, first_central(bad) + 8, "<H", flags | 0x0001)
    assert refusal(enc) == t("verify.encrypted", name="a\\xff\\xfe.txt")


def test_a_stream_whose_reader_changed_fails_closed() -> None:
    """stream_ended reads CPython's ZipExtFile; a reader without its decompressor is not
    taken as a stream that ended."""
    assert zipscan.stream_ended(object(), zipscan.DEFLATED) is False
    assert zipscan.stream_ended(object(), zipscan.STORED) is True


def test_a_directory_holding_more_than_its_count_is_refused() -> None:
    data = small_zip()  # two entries; the end record says one
    assert refusal(with_end(data, count=1, on_disk=1)) == t("verify.bad_directory")


def _extra(size: int) -> bytes:
    """An extra field of ``size`` bytes: one field of another kind, well formed."""
    return struct.pack("<HH", 0xCAFE, size - 4) + bytes(size - 4)


def _with_extra(extra: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zi = zipfile.ZipInfo("a.txt", date_time=(2022, 9, 9, 8, 0, 0))
        zi.extra = extra
        zf.writestr(zi, b"hello")
    return buf.getvalue()


def test_a_local_extra_field_up_to_1024_bytes_and_well_formed() -> None:
    assert [e.name for e in run(_with_extra(_extra(1024)))] == ["a.txt"]
    data = _with_extra(_extra(1024))
    # the local copy one byte longer (its field's size too) than the limit: refused
    local = data[:28] + struct.pack("<H", 1025) + data[30:35]
    local += struct.pack("<HH", 0xCAFE, 1021) + bytes(1021) + data[35 + 1024 :]
    shift = len(local) - len(data)
    at, values = end_record(local)
    values[6] = int(values[6]) + shift  # the directory moved by that byte
    local = local[:at] + struct.pack("<4sHHHHIIH", *values)
    assert refusal(local) == t("verify.bad_layout", name="a.txt")
    # a local field claiming more bytes than the extra holds
    broken = data[:35] + struct.pack("<HH", 0xCAFE, 1021) + data[39:]
    assert refusal(broken) == t("verify.bad_layout", name="a.txt")


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes data descriptors, as the exporter does."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def test_a_data_descriptor_must_carry_its_signature_when_it_has_one() -> None:
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("a.txt", date_time=(2022, 9, 9, 8, 0, 0)), b"hello" * 20)
    data = bytes(sink.data)
    assert [e.name for e in run(data)] == ["a.txt"]
    at = data.index(zipscan.DESCRIPTOR)
    assert refusal(data[:at] + b"PK\x07\x09" + data[at + 4 :]) == t(
        "verify.bad_layout", name="a.txt"
    )


def test_a_zip64_field_after_another_field_and_before_one() -> None:
    other = struct.pack("<HH", 0x5455, 4) + b"abcd"
    field = struct.pack("<HHQ", 1, 8, 77)
    assert zipscan._zip64(other + field, ["size"]) == {"size": 77}
    assert zipscan._zip64(field + other, ["size"]) == {"size": 77}
    assert zipscan._zip64(other + field + other, ["size"]) == {"size": 77}


def test_a_directory_of_exactly_its_largest_possible_size_is_read() -> None:
    """One entry with the longest name and extra field: the directory is exactly
    46 + 1024 + 1024 bytes, at the limit, and read."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zi = zipfile.ZipInfo("a" * 1024, date_time=(2022, 9, 9, 8, 0, 0))
        zi.extra = struct.pack("<HH", 0xCAFE, 1020) + bytes(1020)
        zf.writestr(zi, b"x")
    data = buf.getvalue()
    assert end_record(data)[1][5] == 46 + 1024 + 1024
    assert [e.name for e in run(data)] == ["a" * 1024]


def test_an_entry_with_an_empty_name_ends_the_directory_exactly() -> None:
    """The last record is only its 46 fixed bytes: read (the verifier refuses the name)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", b"x")
        zf.writestr(zipfile.ZipInfo("", date_time=(2022, 9, 9, 8, 0, 0)), b"y")
    assert [e.name for e in run(buf.getvalue())] == ["a.txt", ""]


def test_a_local_header_with_one_size_in_zip64_form_and_not_the_other() -> None:
    data = small_zip()
    assert refusal(patched(data, 22, "<I", 0xFFFFFFFF)) == t("verify.bad_layout", name="a.txt")


def test_a_streamed_entry_declares_zeros_in_its_local_header() -> None:
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("a.txt", date_time=(2022, 9, 9, 8, 0, 0)), b"hello" * 20)
    data = bytes(sink.data)
    assert struct.unpack_from("<I", data, 14)[0] == 0  # the CRC comes after the data
    assert refusal(patched(data, 14, "<I", 1)) == t("verify.bad_layout", name="a.txt")


class _Reader:
    """What stream_ended reads of CPython's ZipExtFile, made up."""

    def __init__(self, eof: bool, left: int | None, **more: object) -> None:
        self._decompressor = type(
            "D", (), {"eof": eof, "unused_data": b"", "unconsumed_tail": b"", **more}
        )()
        if left is not None:
            self._compress_left = left


def test_a_stream_ended_only_with_every_sign_of_it() -> None:
    assert zipscan.stream_ended(_Reader(True, 0), zipscan.DEFLATED) is True
    assert zipscan.stream_ended(_Reader(False, 0), zipscan.DEFLATED) is False
    assert zipscan.stream_ended(_Reader(True, 3), zipscan.DEFLATED) is False
    assert zipscan.stream_ended(_Reader(True, None), zipscan.DEFLATED) is False
    assert zipscan.stream_ended(_Reader(True, 0, unused_data=b"x"), zipscan.DEFLATED) is False
    tail = _Reader(True, 0, unconsumed_tail=b"x")
    assert zipscan.stream_ended(tail, zipscan.DEFLATED) is False
