"""The offline install kit (tools/build_kit.py, issue 16): built for Linux and installed with the
network cut off, then run; built for 32-bit Windows and its files checked — every dependency
present for each Python asked for, the scripts and the guide as Windows reads them."""

from __future__ import annotations

import email
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = [sys.executable, str(ROOT / "tools" / "build_kit.py")]
HERE = f"{sys.version_info.major}.{sys.version_info.minor}"


def build(out: Path, platform: str, *pythons: str) -> dict[str, object]:
    got = subprocess.run(
        [*BUILD, "--out", str(out), "--platform", platform, "--python", *pythons],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert got.returncode == 0, got.stderr[-2000:]
    assert got.stdout.startswith(f"kit: {out} ({platform}),")
    manifest: dict[str, object] = json.loads((out / "kit.json").read_text(encoding="utf-8"))
    return manifest


def _no_network() -> list[str]:
    """`unshare -n` where it works here (root, or user namespaces), else nothing."""
    if shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return ["unshare", "-n"] if probe.returncode == 0 else []


def test_the_linux_kit_installs_with_the_network_cut_off(tmp_path: Path) -> None:
    kit = tmp_path / "USB kit"
    build(kit, "linux", HERE)
    home = tmp_path / "nhà"
    home.mkdir()
    cut = _no_network()
    if not cut:
        pytest.skip("unshare -n does not work here: the network cannot be cut off")
    env = {"HOME": str(home), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    got = subprocess.run(
        [*cut, "sh", str(kit / "install.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert got.returncode == 0, got.stderr[-2000:]
    cchc = home / ".local" / "bin" / "cchc"
    assert got.stdout.strip().endswith(f"Đã cài xong: {cchc}")
    demo = subprocess.run(
        [*cut, str(cchc), "demo", "--print"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "Quận Bình Thuỷ (918): 52 mục được giao" in demo.stdout.decode("utf-8")
    desktop = home / ".local" / "share" / "applications" / "cchc.desktop"
    assert "Terminal=true" in desktop.read_text(encoding="utf-8")


def _requirements(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        msg = email.message_from_bytes(z.read(meta))
    names = set()
    for req in msg.get_all("Requires-Dist") or []:
        if "extra ==" in req:
            continue
        names.add(re.split(r"[<>=!~ ;\[]", req, maxsplit=1)[0].lower().replace("-", "_"))
    return names


def test_the_32_bit_windows_kit_holds_every_dependency_for_each_python(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    manifest = build(kit, "win32", "3.11", "3.13")
    wheels = kit / "wheels"
    (project,) = wheels.glob("cchc_tui-*.whl")
    needed = _requirements(project)
    pythons = manifest["pythons"]
    assert isinstance(pythons, dict) and sorted(pythons) == ["3.11", "3.13"]
    for version, names in pythons.items():
        tag = "cp" + version.replace(".", "")
        dists = {n.split("-")[0].lower() for n in names}
        assert "cchc_tui" in dists and needed <= dists, needed - dists
        for name in names:
            assert (wheels / name).is_file()
            parts = name[:-4].split("-")
            python_tag, abi, platform = parts[-3], parts[-2], parts[-1]
            assert platform in ("any", "win32"), name  # nothing 64-bit or Linux
            if platform == "win32":
                assert python_tag == tag or abi == "abi3", name
    crypto = [n for n in pythons["3.11"] if n.startswith("cryptography-")]
    assert crypto and crypto[0].startswith("cryptography-48."), crypto  # the last 32-bit one
    for script in ("install.cmd", "install.ps1", "HUONG-DAN.txt"):
        data = (kit / script).read_bytes()
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), script
    guide = (kit / "HUONG-DAN.txt").read_bytes()
    assert guide.startswith(b"\xef\xbb\xbf")  # Notepad shows the accents
    text = guide.decode("utf-8-sig")
    assert "Unicode" in text and "python.org" in text and "32-bit" in text
    assert [line[:2] for line in text.splitlines() if line[:2].strip()[:1].isdigit()] == [
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
    ]
    cmd = (kit / "install.cmd").read_text(encoding="utf-8")
    assert "--no-index --find-links" in cmd and "py -%%v" in cmd and "3.13 3.11" in cmd
    assert "wt.exe" in (kit / "install.ps1").read_text(encoding="utf-8")
    assert manifest["size"] == sum(p.stat().st_size for p in wheels.glob("*.whl"))
