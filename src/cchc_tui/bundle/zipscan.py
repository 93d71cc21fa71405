"""The cheap checks of a bundle file, made before anything is hashed or decompressed.

Only the zip's own structure is read, a few bytes at each place it names: the file's size; a
local file header at offset 0 (nothing in front); the end of central directory record at the
very end (no trailing data, no zip comment), with its zip64 form where the sizes need it; the
central directory right before it, whole and well formed; the number of entries and their
declared sizes; no encrypted entry, no flag this program does not know, no compression but
stored or deflated, no "version needed to extract" but 1.0, 2.0 or 4.5 (zip64), and only
regular files (no Unix file type but a regular file's, no MS-DOS folder, volume or reparse
point attribute); every entry's local header where the directory says, matching it field by
field (version, flags, method, time, name, and CRC and sizes, or zeros when a data descriptor
follows, which then matches the directory), the entries laid end to end from offset 0 to the
directory (no gap, no overlap, so no hidden data and no entry read twice).

What the scan leaves to the reader: "version made by", the internal attributes and the Unix
permission bits, which no reader acts on (nothing is extracted with the zip's attributes).

A 4 GiB file of junk, or a sparse one, is refused after reading a handful of bytes."""

from __future__ import annotations

import copy
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cchc_tui.core.i18n import t
from cchc_tui.core.text import escape_controls

LOCAL = b"PK\x03\x04"
CENTRAL = b"PK\x01\x02"
END = b"PK\x05\x06"
END64 = b"PK\x06\x06"
LOCATOR64 = b"PK\x06\x07"
STORED, DEFLATED = 0, 8
# flag bits: 0 encrypted, 6 strong encryption, 13 encrypted central directory
ENCRYPTED = 0x0001 | 0x0040 | 0x2000
DATA_DESCRIPTOR = 0x0008
UTF8 = 0x0800
# the flag bits a bundle or receipt may carry: 1 and 2 (deflate's level), 3 and 11; any other
# (compressed patched data, reserved bits) is a zip this program never writes
KNOWN_FLAGS = 0x0002 | 0x0004 | DATA_DESCRIPTOR | UTF8
# "version needed to extract": stored, deflated, zip64 (higher: features not supported)
VERSIONS = frozenset({10, 20, 45})
# MS-DOS attributes of something that is no regular file: volume label, folder, reparse point
DOS_NOT_FILE = 0x0008 | 0x0010 | 0x0400
DESCRIPTOR = b"PK\x07\x08"
# a data descriptor after the data: crc and two sizes (4 or 8 bytes each), with or without
# its optional signature
DESCRIPTOR_SIZES = frozenset({12, 16, 20, 24})
MAX_NAME = 1024  # bytes of an entry's name (a bundle's longest is about 120)
MAX_EXTRA = 1024

_END = struct.Struct("<4sHHHHIIH")  # 22 bytes
_LOCATOR = struct.Struct("<4sIQI")  # 20 bytes
_END64 = struct.Struct("<4sQHHIIQQQQ")  # 56 bytes
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")  # 46 bytes
_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # 30 bytes
_EXTRA = struct.Struct("<HH")


class Unsafe(Exception):
    """The file is refused; the message (from the catalogue) says why."""


class NotAZip(Unsafe):
    """No end of central directory anywhere near the end: not a zip, or a truncated one."""


@dataclass(frozen=True)
class Entry:
    name: str  # decoded for messages only (undecodable bytes escaped)
    raw_name: bytes
    flags: int
    method: int
    compressed: int
    size: int
    offset: int
    needed: int = 20  # version needed to extract
    modified: tuple[int, int] = (0, 0)  # MS-DOS time and date
    crc: int = 0


class NotRegular(OSError):
    """A path that is no regular file (a folder, a FIFO, a device)."""


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file. Opened without blocking first
    (a FIFO would wait for a writer forever), then checked on the open handle, so what is
    checked is what is read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(t("verify.not_regular_file", path=path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_at(fh: BinaryIO, offset: int, count: int) -> bytes:
    fh.seek(offset)
    return fh.read(count)


def _zip64(extra: bytes, wanted: list[str]) -> dict[str, int]:
    """The zip64 extended information field's values for the fields marked 0xFFFFFFFF, in the
    order the format gives them; the whole extra field must be well formed."""
    found: dict[str, int] = {}
    pos = 0
    while pos < len(extra):
        if pos + 4 > len(extra):
            raise Unsafe(t("verify.bad_directory"))
        kind, size = _EXTRA.unpack_from(extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        if len(body) != size:
            raise Unsafe(t("verify.bad_directory"))
        if kind == 0x0001:
            for i, name in enumerate(wanted):
                if 8 * (i + 1) > size:
                    raise Unsafe(t("verify.bad_directory"))
                found[name] = int.from_bytes(body[8 * i : 8 * (i + 1)], "little")
        pos += 4 + size
    if len(found) != len(wanted):
        raise Unsafe(t("verify.bad_directory"))
    return found


def scan(
    fh: BinaryIO, file_size: int, *, max_size: int, max_entries: int, max_total: int
) -> list[Entry]:
    """Check the structure of the zip open in ``fh`` (``file_size`` bytes); Unsafe when it is
    not a zip this program writes the way it writes them. Returns the entries in file order."""
    if file_size > max_size:
        raise Unsafe(
            t("verify.file_too_large", size=file_size // 1024**2, limit=max_size // 1024**2)
        )
    if _read_at(fh, 0, 4) != LOCAL:
        raise Unsafe(t("verify.junk_before"))
    if file_size < _LOCAL.size + _END.size:
        raise NotAZip(t("verify.no_end"))
    end_at = file_size - _END.size
    end = _read_at(fh, end_at, _END.size)
    sig, disk, cd_disk, on_disk, count, cd_size, cd_offset, comment = _END.unpack(end)
    if sig != END or comment:
        tail = _read_at(fh, max(0, file_size - 65_557), 65_557)
        if END in tail:
            raise Unsafe(t("verify.junk_after"))
        raise NotAZip(t("verify.no_end"))
    if disk or cd_disk or on_disk != count:
        raise Unsafe(t("verify.bad_directory"))
    cd_end = end_at
    locator_at = end_at - _LOCATOR.size  # at least 10: the file holds a local header too
    locator = _read_at(fh, locator_at, _LOCATOR.size)
    if locator[:4] == LOCATOR64:
        _sig, l_disk, end64_at, disks = _LOCATOR.unpack(locator)
        if l_disk != 0 or disks != 1 or end64_at + _END64.size != locator_at:
            raise Unsafe(t("verify.bad_directory"))
        fields = _END64.unpack(_read_at(fh, end64_at, _END64.size))
        sig64, size64, _made, _needed, disk64, cd_disk64, on_disk64, count64 = fields[:8]
        cd_size64, cd_offset64 = fields[8:]
        if sig64 != END64 or size64 != _END64.size - 12 or disk64 or cd_disk64:
            raise Unsafe(t("verify.bad_directory"))
        if on_disk64 != count64:
            raise Unsafe(t("verify.bad_directory"))
        # the short record holds each value, or its maximum when the value does not fit
        for short, full, limit in (
            (count, count64, 0xFFFF),
            (cd_size, cd_size64, 0xFFFFFFFF),
            (cd_offset, cd_offset64, 0xFFFFFFFF),
        ):
            if short != min(full, limit):
                raise Unsafe(t("verify.bad_directory"))
        count, cd_size, cd_offset, cd_end = count64, cd_size64, cd_offset64, end64_at
    elif count == 0xFFFF or 0xFFFFFFFF in (cd_size, cd_offset):
        raise Unsafe(t("verify.bad_directory"))
    if count > max_entries:
        raise Unsafe(t("verify.too_many", count=count, limit=max_entries))
    if (
        count == 0
        or cd_offset + cd_size != cd_end
        or cd_size > count * (_CENTRAL.size + MAX_NAME + MAX_EXTRA)
    ):
        raise Unsafe(t("verify.bad_directory"))
    directory = _read_at(fh, cd_offset, cd_size)  # whole: it ends at cd_end, in the file
    entries: list[Entry] = []
    total = 0
    pos = 0
    for _ in range(count):
        if pos + _CENTRAL.size > cd_size:
            raise Unsafe(t("verify.bad_directory"))
        (
            sig,
            _made,  # version made by: no reader acts on it
            needed,
            flags,
            method,
            time,
            date,
            crc,
            compressed,
            size,
            name_len,
            extra_len,
            comment_len,
            disk_start,
            _internal,  # internal attributes ("text file"): no reader acts on them
            external,
            offset,
        ) = _CENTRAL.unpack_from(directory, pos)
        start = pos + _CENTRAL.size
        raw_name = directory[start : start + name_len]
        extra = directory[start + name_len : start + name_len + extra_len]
        pos = start + name_len + extra_len
        if (
            sig != CENTRAL
            or comment_len  # no entry of ours has one
            or pos > cd_size
            or name_len > MAX_NAME
            or extra_len > MAX_EXTRA
        ):
            raise Unsafe(t("verify.bad_directory"))
        name = raw_name.decode("utf-8" if flags & UTF8 else "cp437", "backslashreplace")
        wanted = [
            field
            for field, value in (("size", size), ("compressed", compressed), ("offset", offset))
            if value == 0xFFFFFFFF
        ]
        if disk_start:  # one disk: 0, never another (nor 0xFFFF, "in the zip64 field")
            raise Unsafe(t("verify.bad_directory"))
        big = _zip64(extra, wanted)
        size = big.get("size", size)
        compressed = big.get("compressed", compressed)
        offset = big.get("offset", offset)
        if flags & ENCRYPTED:
            raise Unsafe(t("verify.encrypted", name=name))
        if flags & ~(KNOWN_FLAGS | ENCRYPTED):
            raise Unsafe(t("verify.zip_flags", name=name, flags=f"0x{flags:04x}"))
        if method not in (STORED, DEFLATED):
            raise Unsafe(t("verify.method", name=name, method=method))
        if needed not in VERSIONS:
            raise Unsafe(t("verify.zip_version", name=name, version=f"{needed / 10:.1f}"))
        kind = stat.S_IFMT(external >> 16)  # 0: no Unix type (e.g. Windows tools)
        if (kind and kind != stat.S_IFREG) or external & DOS_NOT_FILE:
            raise Unsafe(t("verify.not_regular", name=name))
        if method == STORED and compressed != size:
            raise Unsafe(t("verify.bad_layout", name=name))
        total += size
        entries.append(
            Entry(
                name, raw_name, flags, method, compressed, size, offset, needed, (time, date), crc
            )
        )
    if pos != cd_size:
        raise Unsafe(t("verify.bad_directory"))
    if total > max_total:
        raise Unsafe(t("verify.too_large", limit=max_total // 1024**2))
    entries.sort(key=lambda e: e.offset)
    expected = 0  # each entry starts where the one before it ended, the first at offset 0
    for i, e in enumerate(entries):
        following = entries[i + 1].offset if i + 1 < len(entries) else cd_offset
        if e.offset != expected or not _local_matches(fh, e, following):
            raise Unsafe(t("verify.bad_layout", name=e.name))
        expected = following
    return entries


def _local_matches(fh: BinaryIO, e: Entry, following: int) -> bool:
    """The entry's local header says what the directory says, field by field; its data and
    data descriptor (when it has one, then with the directory's CRC and sizes) end exactly
    where the next entry (or the directory) begins."""
    local = _read_at(fh, e.offset, _LOCAL.size)
    if len(local) != _LOCAL.size:
        return False
    sig, needed, flags, method, time, date, crc, compressed, size, name_len, extra_len = (
        _LOCAL.unpack(local)
    )
    if (
        sig != LOCAL
        or (needed, flags, method, (time, date)) != (e.needed, e.flags, e.method, e.modified)
        or name_len != len(e.raw_name)
        or extra_len > MAX_EXTRA
    ):
        return False
    rest = _read_at(fh, e.offset + _LOCAL.size, name_len + extra_len)
    if rest[:name_len] != e.raw_name or len(rest) != name_len + extra_len:
        return False
    # a local zip64 field holds both sizes, the uncompressed one first, and both short fields
    # say so
    if (size == 0xFFFFFFFF) != (compressed == 0xFFFFFFFF):
        return False
    wanted = ["size", "compressed"] if size == 0xFFFFFFFF else []
    try:
        big = _zip64(rest[name_len:], wanted)
    except Unsafe:
        return False
    declared = (crc, big.get("compressed", compressed), big.get("size", size))
    data_end = e.offset + _LOCAL.size + name_len + extra_len + e.compressed
    gap = following - data_end
    if not flags & DATA_DESCRIPTOR:
        return gap == 0 and declared == (e.crc, e.compressed, e.size)
    # streamed: zeros in the local header, the values in the descriptor after the data
    if declared != (0, 0, 0) or gap not in DESCRIPTOR_SIZES:
        return False
    descriptor = _read_at(fh, data_end, gap)  # whole: it ends where the next entry begins
    if gap in (16, 24):  # with its signature
        if descriptor[:4] != DESCRIPTOR:
            return False
        descriptor = descriptor[4:]
    width = 4 if len(descriptor) == 12 else 8
    values = (
        int.from_bytes(descriptor[:4], "little"),
        int.from_bytes(descriptor[4 : 4 + width], "little"),
        int.from_bytes(descriptor[4 + width :], "little"),
    )
    return values == (e.crc, e.compressed, e.size)


def stream_ended(fh: object, method: int) -> bool:
    """After an entry was read to its end through zipfile (``fh``, from ZipFile.open): a
    deflated entry's stream ended exactly at its compressed size. zipfile stops reading at the
    compressed size and keeps what it decoded: a damaged last block, or bytes after the
    stream's end, pass its CRC-32 check where other zip readers report an error. Read from
    CPython's ZipExtFile decompressor; fails closed should that ever change."""
    if method != DEFLATED:
        return True
    decompressor = getattr(fh, "_decompressor", None)
    return (
        decompressor is not None
        and bool(decompressor.eof)
        and not decompressor.unused_data
        and not decompressor.unconsumed_tail
        and getattr(fh, "_compress_left", None) == 0
    )


def read_entry(zf: zipfile.ZipFile, zi: zipfile.ZipInfo, chunk: int = 1024**2) -> Iterator[bytes]:
    """The bytes of entry ``zi``, exactly as many as it declares, their CRC-32 checked; Unsafe
    if its stream holds more or fewer, or if its header, stream or CRC-32 is damaged.

    zipfile stops at the declared size and drops the rest of what it inflated, and stops
    without a word at a stream that ends early, checking the CRC-32 of what it kept: a
    deflated entry of 400 bytes declared as 100, with the CRC of the first 100, reads as those
    100 there and as 400 in another zip tool. So the entry is read as one byte longer than it
    declares: a byte more is the proof of a longer stream, one fewer of a shorter one."""
    longer = copy.copy(zi)
    longer.file_size = zi.file_size + 1
    got = 0
    try:
        with zf.open(longer) as fh:
            while data := fh.read(chunk):
                got += len(data)
                if got > zi.file_size:
                    raise Unsafe(t("verify.too_long", name=escape_controls(zi.filename)))
                yield data
            ended = got == zi.file_size and stream_ended(fh, zi.compress_type)
    except (zipfile.BadZipFile, zlib.error, EOFError):  # a header, stream or CRC-32
        raise Unsafe(t("verify.entry_damaged", name=escape_controls(zi.filename))) from None
    if not ended:  # shorter than declared, or compressed data left after its end
        raise Unsafe(t("verify.entry_damaged", name=escape_controls(zi.filename)))
