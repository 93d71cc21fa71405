# ruff: noqa: E501 - the install scripts below are kept as Windows and sh read them, one command a line
"""The offline install kit: a folder to copy to a USB stick and install from with no internet.

    python tools/build_kit.py --out DIR --platform win_amd64|win32|linux [--python 3.11 3.12 3.13]

The folder holds ``wheels/`` (the project's wheel and every dependency's, for each platform and
Python asked for, chosen by pip itself: ``pip download --only-binary=:all: --platform …
--python-version …``), ``install.cmd`` and ``install.ps1`` (Windows), ``install.sh`` (Linux),
``HUONG-DAN.txt`` (five steps in Vietnamese) and ``kit.json`` (what is in it: each wheel's
size and SHA-256, and which wheels serve each Python). pip, not this script, decides which
wheel fits which platform; this script only asks it once per Python and lists the answer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLATFORMS = {
    "win_amd64": ["win_amd64"],
    "win32": ["win32"],
    "linux": ["manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"],
}
PYTHONS = ["3.11", "3.12", "3.13"]


def pip(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def project_wheel(out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        pip("wheel", "-q", "--no-deps", "-w", tmp, str(ROOT))
        (built,) = Path(tmp).glob("cchc_tui-*.whl")
        target = out / built.name
        target.write_bytes(built.read_bytes())
    return target


def wheels_for(project: Path, platform: str, python: str, into: Path) -> list[str]:
    """The wheels pip chooses for ``python`` on ``platform``: the project's and every
    dependency's (names, as downloaded into ``into``)."""
    with tempfile.TemporaryDirectory() as tmp:
        tags = [a for tag in PLATFORMS[platform] for a in ("--platform", tag)]
        pip(
            "download",
            "-q",
            "--only-binary=:all:",
            *tags,
            "--python-version",
            python,
            "--implementation",
            "cp",
            "-d",
            tmp,
            str(project),
        )
        names = []
        for wheel in sorted(Path(tmp).glob("*.whl")):
            names.append(wheel.name)
            target = into / wheel.name
            if not target.exists():
                target.write_bytes(wheel.read_bytes())
    return names


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_text(path: Path, text: str, *, windows: bool) -> None:
    """Windows files with CRLF (Notepad, cmd.exe); install.cmd in UTF-8 with `chcp 65001`."""
    data = text.replace("\r\n", "\n")
    if windows:
        data = data.replace("\n", "\r\n")
    path.write_bytes(data.encode("utf-8"))


INSTALL_CMD = r"""@echo off
rem cchc-tui: cai dat khong can mang (offline) tu thu muc nay.
chcp 65001 >nul
setlocal
set "KIT=%~dp0"
set "HOME_DIR=%LOCALAPPDATA%\cchc-tui"
set "PY="
for %%v in ({versions}) do (
  if not defined PY (
    py -%%v -c "import sys" >nul 2>&1 && set "PY=py -%%v"
  )
)
if not defined PY (
  echo Khong tim thay Python {versions_text} ^(lenh py^). Cai Python tu python.org truoc ^(xem HUONG-DAN.txt^).
  exit /b 1
)
echo Dung %PY%
%PY% -m venv "%HOME_DIR%\venv" || exit /b 1
"%HOME_DIR%\venv\Scripts\python.exe" -m pip install --no-index --find-links "%KIT%wheels" cchc-tui || exit /b 1
powershell -NoProfile -ExecutionPolicy Bypass -File "%KIT%install.ps1" -Shortcuts -Venv "%HOME_DIR%\venv"
echo.
echo Da cai xong. Mo "CCHC" tren man hinh Desktop hoac trong Start.
endlocal
"""

INSTALL_PS1 = r"""# cchc-tui: cai dat khong can mang. Chay: powershell -ExecutionPolicy Bypass -File install.ps1
param([switch]$Shortcuts, [string]$Venv = "$env:LOCALAPPDATA\cchc-tui\venv")
$ErrorActionPreference = "Stop"
$kit = Split-Path -Parent $MyInvocation.MyCommand.Path
if (-not $Shortcuts) {
  $py = $null
  foreach ($v in @({versions_ps})) {
    & py "-$v" -c "import sys" 2>$null
    if ($LASTEXITCODE -eq 0) { $py = $v; break }
  }
  if (-not $py) { Write-Error "Khong tim thay Python {versions_text} (lenh py). Xem HUONG-DAN.txt."; exit 1 }
  & py "-$py" -m venv $Venv
  & "$Venv\Scripts\python.exe" -m pip install --no-index --find-links "$kit\wheels" cchc-tui
  if ($LASTEXITCODE -ne 0) { exit 1 }
}
$cchc = Join-Path $Venv "Scripts\cchc.exe"
$wt = Get-Command wt.exe -ErrorAction SilentlyContinue
$shell = New-Object -ComObject WScript.Shell
foreach ($folder in @([Environment]::GetFolderPath("Desktop"), [Environment]::GetFolderPath("Programs"))) {
  $link = $shell.CreateShortcut((Join-Path $folder "CCHC.lnk"))
  if ($wt) { $link.TargetPath = $wt.Source; $link.Arguments = "`"$cchc`"" }
  else { $link.TargetPath = $cchc }
  $link.WorkingDirectory = [Environment]::GetFolderPath("MyDocuments")
  $link.Description = "cchc-tui: theo doi ke hoach CCHC"
  $link.Save()
}
Write-Host "Da tao loi tat CCHC tren Desktop va trong Start."
"""

INSTALL_SH = """#!/bin/sh
# cchc-tui: install with no network from this folder (wheels/).
set -eu
kit="$(cd "$(dirname "$0")" && pwd)"
home="${XDG_DATA_HOME:-$HOME/.local/share}/cchc-tui"
py=""
for v in {versions}; do
  if command -v "python$v" >/dev/null 2>&1; then py="python$v"; break; fi
done
if [ -z "$py" ]; then
  echo "Không tìm thấy Python {versions_text} (python3.x)." >&2
  exit 1
fi
"$py" -m venv "$home/venv"
"$home/venv/bin/pip" install -q --no-index --find-links "$kit/wheels" cchc-tui
mkdir -p "$HOME/.local/bin" "${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ln -sf "$home/venv/bin/cchc" "$HOME/.local/bin/cchc"
cat > "${XDG_DATA_HOME:-$HOME/.local/share}/applications/cchc.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=CCHC
Comment=cchc-tui: theo dõi kế hoạch CCHC
Exec=$home/venv/bin/cchc
Terminal=true
Categories=Office;
EOF
echo "Đã cài xong: $HOME/.local/bin/cchc"
"""

GUIDE = """CCHC-TUI — HƯỚNG DẪN CÀI ĐẶT KHÔNG CẦN MẠNG

Bộ cài này dành cho: {platform}, Python {versions_text}.

1. Cài Python (một lần cho mỗi máy). Trên máy Windows 10 chưa có Python: tải bộ cài
   Python {newest} cho Windows từ https://www.python.org/downloads/windows/ (máy 32-bit: chọn
   "Windows installer (32-bit)"; máy 64-bit: "Windows installer (64-bit)"), chép vào USB,
   chạy trên máy cần cài, đánh dấu "Add python.exe to PATH" và giữ "py launcher".
2. Chép cả thư mục này (có thư mục wheels bên trong) từ USB vào máy, ví dụ vào Documents.
3. Windows: bấm đúp install.cmd (hoặc chuột phải install.ps1 → Run with PowerShell).
   Linux: chạy  sh install.sh  trong thư mục này. Không cần Internet.
4. Mở "CCHC" trên màn hình Desktop hoặc trong Start (Windows Terminal nếu có). Lần đầu: gõ tên
   cơ quan (không cần dấu), Enter, xác nhận, rồi gõ họ tên cán bộ.
5. Gõ tiếng Việt bằng Unikey: chọn Bảng mã "Unicode" (không dùng TCVN3 hay VNI Windows), kiểu
   gõ Telex hoặc VNI. Sao lưu dữ liệu thường xuyên: sau mỗi lần xuất hồ sơ bấm Ctrl+B, hoặc
   chạy  cchc db backup --to E:\\  (E: là ổ USB).
"""


def build(out: Path, platform: str, pythons: list[str]) -> dict[str, object]:
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    project = project_wheel(wheels)
    per_python = {v: wheels_for(project, platform, v, wheels) for v in pythons}
    versions = " ".join(sorted(pythons, key=lambda v: tuple(map(int, v.split("."))), reverse=True))
    fill = {
        "versions": versions,
        "versions_ps": ", ".join(f'"{v}"' for v in versions.split()),
        "versions_text": " / ".join(pythons),
        "newest": versions.split()[0],
        "platform": platform,
    }

    def filled(template: str) -> str:
        text = template
        for key, value in fill.items():
            text = text.replace("{" + key + "}", value)
        return text

    windows = platform.startswith("win")
    if windows:
        write_text(out / "install.cmd", filled(INSTALL_CMD), windows=True)
        write_text(out / "install.ps1", filled(INSTALL_PS1), windows=True)
    else:
        write_text(out / "install.sh", filled(INSTALL_SH), windows=False)
        (out / "install.sh").chmod(0o755)
    write_text(out / "HUONG-DAN.txt", "\ufeff" + filled(GUIDE), windows=windows)
    files = sorted(wheels.glob("*.whl"))
    manifest: dict[str, object] = {
        "platform": platform,
        "pythons": per_python,
        "wheels": {f.name: {"size": f.stat().st_size, "sha256": sha256(f)} for f in files},
        "size": sum(f.stat().st_size for f in files),
    }
    (out / "kit.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--platform", choices=sorted(PLATFORMS), required=True)
    ap.add_argument("--python", nargs="+", default=PYTHONS)
    args = ap.parse_args(argv)
    manifest = build(args.out, args.platform, args.python)
    sizes: dict[str, int] = {}
    wheels = manifest["wheels"]
    assert isinstance(wheels, dict)
    pythons = manifest["pythons"]
    assert isinstance(pythons, dict)
    for version, names in pythons.items():
        sizes[version] = sum(wheels[n]["size"] for n in names)
    print(f"kit: {args.out} ({args.platform}), {len(wheels)} wheels, {manifest['size']:,} bytes")
    for version, size in sizes.items():
        print(f"  Python {version}: {len(pythons[version])} wheels, {size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
