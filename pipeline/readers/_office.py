"""LibreOffice headless conversion (.doc/.wps → DOCX, .xls/.et/.ods → XLSX) for the readers.

Each call runs ``soffice --headless --convert-to`` in a temporary folder of its own, with
a private user profile there (``-env:UserInstallation``): concurrent conversions never
share a profile lock, and nothing of the user's own LibreOffice is touched. A call that
runs past ``Settings.convert_timeout`` is killed with its whole process group (soffice
is a wrapper script around ``soffice.bin``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import InputError
from ..settings import Settings

PACKAGES = "libreoffice-writer-nogui libreoffice-calc-nogui"
FILTERS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
_CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
               "/Applications/LibreOffice.app/Contents/MacOS/soffice")


class OfficeMissingError(InputError):
    hint = (f"Install LibreOffice (Debian/Ubuntu: apt-get install {PACKAGES}; `make test` does it),"
            " or point FENGONG_SOFFICE to its soffice; or save the file as .docx/.xlsx.")


class ConversionError(InputError):
    hint = "The file may be damaged or password-protected; open it in Word/WPS/Excel and save it as .docx or .xlsx."


class ConversionTimeoutError(ConversionError):
    hint = "Raise the time limit (setting convert_timeout), or save the file as .docx/.xlsx and parse that."


def find_soffice(settings: Settings) -> str | None:
    """The soffice to run: the setting, else $FENGONG_SOFFICE, else the first one found."""
    configured = settings.soffice or os.environ.get("FENGONG_SOFFICE")
    for candidate in (configured,) if configured else _CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def available(settings: Settings | None = None) -> bool:
    return find_soffice(settings or Settings()) is not None


def convert(path: str, data: bytes, suffix: str, target: str, settings: Settings, kind: str) -> bytes:
    """``data`` (a file of type ``suffix``, e.g. ``.doc``) converted to ``target`` (docx or xlsx)."""
    soffice = find_soffice(settings)
    if soffice is None:
        where = f" ({settings.soffice or os.environ.get('FENGONG_SOFFICE')} not found)" if settings.soffice or os.environ.get("FENGONG_SOFFICE") else ""
        raise OfficeMissingError(
            f"reading a {kind} file needs LibreOffice{where}: package {PACKAGES.split()[0 if target == 'docx' else 1]}",
            path=path,
        )
    with tempfile.TemporaryDirectory(prefix="fengong-office-") as folder:
        work = Path(folder)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        command = [
            soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
            "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", FILTERS[target], "--outdir", str(work / "out"), str(source),
        ]
        env = dict(os.environ, HOME=folder)  # Java and fontconfig caches stay in the folder too
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                   cwd=folder, env=env, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=settings.convert_timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise ConversionTimeoutError(
                f"LibreOffice took longer than {settings.convert_timeout:g} s to convert this {kind} file", path=path
            ) from None
        result = work / "out" / f"input.{target}"
        if process.returncode != 0 or not result.exists() or result.stat().st_size == 0:
            said = [l for l in stderr.decode("utf-8", "replace").splitlines() if l.strip() and "javaldx" not in l]
            detail = f": {said[-1].strip()}" if said else ""
            raise ConversionError(f"LibreOffice could not convert this {kind} file{detail}", path=path)
        return result.read_bytes()


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()
