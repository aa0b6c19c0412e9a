"""Where kinerja may write and what it may delete: the one guard of every command that writes a
folder (``score --out``, ``run --build``, ``publish --out``, ``build``), and the clean-up of what
interrupted commands leave behind.

A command writes only into a folder that is new, empty, or marked as made by kinerja: a file
``.kinerja`` written when kinerja makes (or adopts) the folder. It is JSON holding a note for
people (which command made the folder, and that other files do not belong there), the kind of
output (``hasil`` of ``kinerja score``, ``build`` of ``kinerja run``, ``situs`` of ``kinerja
publish``) and, for ``hasil`` and ``situs``, the list of files kinerja wrote there.
:func:`check_output_folder` refuses (:class:`OutputFolderError`, a message in Bahasa Indonesia) a
folder that

* is a file;
* is the project root (the working folder), the home folder or ``/``, or holds one of them;
* holds or lies inside an input: the data files and folders named on the command line or in
  ``params/*.yml``, ``params/``, ``notebooks/``, ``situs/``, ``_quarto.yml``, ``.git`` (also the
  top of a git repository holding the project);
* is marked for another kind of output;
* holds a file the command would replace (or, for a site, any file) that kinerja did not write
  (not in the marker's list);
* is not empty and not marked, unless it is recognisably the output of an earlier kinerja
  version, which had no marker (:func:`legacy_output`): a ``_build`` of year folders with kinerja's
  stamps and nothing else, a ``_site`` whose ``index.html`` kinerja generated, a ``score`` folder
  holding only its result files. Such a folder is adopted: marked on the next write.

Temporary files and folders are named ``<prefix><pid>-…`` with the id of the process that made
them: :func:`remove_stale` removes those of processes that are no longer running (and leaves those
of running ones alone), so what a killed command left is removed by the next one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import yaml

from kinerja.support import pesan

MARKER = ".kinerja"
MARKER_TEMPORARY = ".kinerja-penanda-"
KINDS = ("hasil", "build", "situs", "pk")
#: What a project holds that no output may overwrite, relative to the project root.
PROJECT_INPUTS = ("params", "notebooks", "situs", "_quarto.yml", ".git")
#: Suffixes of the files a site made by kinerja (either engine) holds.
SITE_SUFFIXES = frozenset({
    ".html", ".pdf", ".css", ".js", ".json", ".xlsx", ".csv", ".png", ".svg", ".jpg", ".jpeg", ".gif",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".map", ".xml", ".txt", ".ico", ".scss",
})
#: Suffixes of the files of a ``_build`` year folder.
BUILD_SUFFIXES = (".ipynb", ".xlsx", ".csv", ".json")
SHOWN_MAX = 5  # files named in a message before "dan n lainnya"
#: An earlier version's temporary folder in a shared folder is taken as abandoned after this long.
LEGACY_EMPTY_AGE = 600


class OutputFolderError(ValueError):
    """An output folder kinerja must not write into; the message (Bahasa Indonesia) says why and
    what to do instead. Nothing has been written."""


# --- paths ---------------------------------------------------------------------------------------


def _real(path: str | Path) -> Path:
    return Path(os.path.realpath(path))


def _within(inner: Path, outer: Path) -> bool:
    """Whether ``inner`` is ``outer`` or lies below it (both real paths)."""
    return inner == outer or outer in inner.parents


def shown(path: str | Path) -> str:
    """A path as a message shows it: relative to the working folder when below it, else absolute."""
    real = _real(path)
    here = _real(".")
    return str(real.relative_to(here)) if _within(real, here) else str(path)


def _names(names: list[str]) -> str:
    """``a, b, c`` with at most :data:`SHOWN_MAX` names and "dan n lainnya" for the rest."""
    text = ", ".join(names[:SHOWN_MAX])
    if len(names) > SHOWN_MAX:
        text += " " + pesan.AMAN_LAINNYA.format(jumlah=len(names) - SHOWN_MAX)
    return text


def params_inputs(root: str | Path = ".") -> list[Path]:
    """The data paths named under ``data:`` in ``root/params/*.yml`` (relative to ``root``).

    Best effort: a params file that cannot be read is skipped here (the command reports it)."""
    found = []
    for path in sorted(Path(root, "params").glob("*.y*ml")):
        try:
            data = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("data", [])
        except (OSError, ValueError, AttributeError, yaml.YAMLError):
            continue
        for item in [data] if isinstance(data, str) else data if isinstance(data, list) else []:
            if isinstance(item, str) and item:
                found.append(Path(root, item))
    return found


def project_inputs(root: str | Path = ".") -> list[Path]:
    """Every input of the project at ``root``: :data:`PROJECT_INPUTS` and the data of its params."""
    return [Path(root, name) for name in PROJECT_INPUTS] + params_inputs(root)


def _repository_top(folder: Path) -> Path | None:
    """The top of the git repository holding ``folder`` (a real path), if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


# --- the marker ----------------------------------------------------------------------------------


def read_marker(folder: str | Path) -> dict | None:
    """The marker of ``folder`` (None when there is none, or it is not kinerja's JSON)."""
    try:
        data = json.loads(Path(folder, MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("jenis") in KINDS else None


def marker_text(kind: str, files: Iterable[str] | None = None) -> str:
    """The content of the marker of a folder of ``kind`` (no date: same inputs, same bytes)."""
    data = {
        "catatan": pesan.AMAN_PENANDA_CATATAN.format(perintah=pesan.AMAN_PERINTAH[kind]),
        "dibuat_oleh": pesan.AMAN_PERINTAH[kind],
        "jenis": kind,
    }
    if files is not None:
        data["berkas"] = sorted(set(files) - {MARKER})
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def mark_folder(folder: str | Path, kind: str, files: Iterable[str] | None = None, keep: bool = False) -> Path:
    """Create ``folder`` if needed and write its marker.

    ``files`` (paths relative to the folder, POSIX) are what kinerja wrote there; ``keep`` adds the
    files of the existing marker to them (a command that adds to a folder). Without ``files`` a
    marker that already says ``kind`` is left as it is."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder, MARKER_TEMPORARY)
    existing = read_marker(folder)
    if files is None and existing is not None and existing["jenis"] == kind:
        return folder / MARKER
    if files is not None and keep and existing is not None and isinstance(existing.get("berkas"), list):
        files = [*existing["berkas"], *files]
    _write_text(folder / MARKER, marker_text(kind, files))
    return folder / MARKER


def _write_text(path: Path, text: str) -> None:
    handle, name = tempfile.mkstemp(prefix=temporary_prefix(MARKER_TEMPORARY), dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(name, 0o644)
        os.replace(name, path)
    finally:
        Path(name).unlink(missing_ok=True)


def folder_files(folder: str | Path) -> list[str]:
    """Every file below ``folder`` (POSIX paths relative to it), the marker excepted, sorted."""
    folder = Path(folder)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if (p.is_file() or p.is_symlink()) and p.relative_to(folder).as_posix() != MARKER)


# --- earlier versions (no marker) ----------------------------------------------------------------


def legacy_output(folder: Path, kind: str, replaces: Iterable[str] = ()) -> bool:
    """Whether an unmarked, non-empty ``folder`` is recognisably what an earlier kinerja version
    made for ``kind`` (it wrote no marker):

    * ``hasil`` and ``pk``: every entry is a file the command writes (``replaces``);
    * ``build``: every entry is a year folder (``2024``) holding a plan (``.rencana.json``) or a
      stamp (``*.stamp.json``), and every file below has a suffix of kinerja's outputs
      (:data:`BUILD_SUFFIXES`) or is a temporary file of ``kinerja run``;
    * ``situs``: ``index.html`` says it was generated by kinerja (its generator meta or its
      script), and every file has a suffix of a site (:data:`SITE_SUFFIXES`).
    """
    entries = list(folder.iterdir())
    if kind in ("hasil", "pk"):
        names = set(replaces)
        return all(entry.is_file() and entry.name in names for entry in entries)
    if kind == "build":
        for entry in entries:
            if not (entry.is_dir() and re.fullmatch(r"\d{4}", entry.name)):
                return False
            if not ((entry / ".rencana.json").is_file() or any(entry.rglob("*.stamp.json"))):
                return False
        return all(p.is_dir() or p.name.endswith(BUILD_SUFFIXES) or p.name.startswith(".tmp-")
                   for p in folder.rglob("*"))
    if kind == "situs":
        try:
            index = (folder / "index.html").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        generated = 'name="generator" content="kinerja ' in index or "window.KINERJA" in index
        return generated and all(p.is_dir() or p.suffix.lower() in SITE_SUFFIXES for p in folder.rglob("*"))
    return False


# --- the guard -----------------------------------------------------------------------------------


def check_output_folder(
    folder: str | Path,
    kind: str,
    *,
    root: str | Path = ".",
    inputs: Iterable[str | Path] = (),
    replaces: Iterable[str] = (),
    replace_all: bool = False,
) -> None:
    """Raise :class:`OutputFolderError` unless the command of ``kind`` may write into ``folder``
    (see the module docstring). Reads only; writes nothing.

    ``root`` is the project root (for ``score``: the working folder); ``inputs`` are the inputs
    named on the command line, added to :func:`project_inputs` of ``root``; ``replaces`` are the
    files (relative to ``folder``) the command writes over when they exist; ``replace_all``: the
    command replaces the whole folder (``publish``), so every file in it must be kinerja's.
    """
    target, name = _real(folder), shown(folder)
    suggestion = pesan.AMAN_SARAN[kind]
    if _real(suggestion) == target:
        suggestion += "-baru"
    if Path(folder).exists() and not Path(folder).is_dir():
        raise OutputFolderError(pesan.AMAN_BERKAS.format(folder=name))
    homes = [Path(target.anchor)]
    try:
        homes.append(_real(Path.home()))
    except (RuntimeError, KeyError):  # no home folder known
        pass
    if any(_within(home, target) for home in homes):
        raise OutputFolderError(pesan.AMAN_RUMAH.format(folder=name, saran=suggestion))
    project = _real(root)
    if _within(project, target):
        raise OutputFolderError(pesan.AMAN_AKAR.format(folder=name, saran=suggestion))
    protected = [*project_inputs(root), *map(Path, inputs)]
    top = _repository_top(project)
    if top is not None:
        protected.append(top / ".git")
    if (target / ".git").exists():
        protected.append(target / ".git")
    for item in protected:
        real = _real(item)
        if _within(real, target):
            raise OutputFolderError(pesan.AMAN_MEMUAT_MASUKAN.format(folder=name, masukan=shown(item), saran=suggestion))
        if _within(target, real):
            raise OutputFolderError(pesan.AMAN_DALAM_MASUKAN.format(folder=name, masukan=shown(item), saran=suggestion))
    if not target.is_dir() or not any(target.iterdir()):
        return
    marker = read_marker(target)
    if marker is None:
        if legacy_output(target, kind, replaces):
            return
        raise OutputFolderError(pesan.AMAN_ASING.format(folder=name, penanda=MARKER, saran=suggestion))
    if marker["jenis"] != kind:
        raise OutputFolderError(pesan.AMAN_JENIS_LAIN.format(
            folder=name, pembuat=pesan.AMAN_PERINTAH[marker["jenis"]], perintah=pesan.AMAN_PERINTAH[kind],
            saran=suggestion))
    written = marker.get("berkas")
    if not isinstance(written, list):
        return
    candidates = folder_files(target) if replace_all else [f for f in replaces if (target / f).exists()]
    foreign = [f for f in candidates if f not in set(written)]
    if foreign:
        raise OutputFolderError(pesan.AMAN_BERKAS_ASING.format(folder=name, berkas=_names(foreign)))


def check_not_input(path: str | Path, inputs: Iterable[str | Path], root: str | Path = ".") -> None:
    """Raise :class:`OutputFolderError` when the file ``path`` is one of ``inputs`` or of
    :func:`project_inputs` of ``root``, or lies in such a folder (a report written over the
    workbook it reports on)."""
    target = _real(path)
    for item in [*inputs, *project_inputs(root)]:
        if _within(target, _real(item)):
            raise OutputFolderError(pesan.AMAN_MASUKAN_DITIMPA.format(berkas=shown(path)))


def check_new_project(folder: str | Path) -> None:
    """Raise :class:`OutputFolderError` unless ``folder`` may become a new project (``kinerja
    init``): it must not exist, or be an empty folder. An existing project is never written over.
    Reads only; writes nothing."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise OutputFolderError(pesan.AMAN_PROYEK_BERKAS.format(folder=shown(folder)))
    if path.is_dir() and any(path.iterdir()):
        raise OutputFolderError(pesan.AMAN_PROYEK_TIDAK_KOSONG.format(folder=shown(folder)))


def check_new_file(path: str | Path) -> None:
    """Raise :class:`OutputFolderError` when ``path`` exists (a command that never overwrites,
    ``kinerja tahun-baru``). Reads only; writes nothing."""
    if Path(path).exists() or Path(path).is_symlink():
        raise OutputFolderError(pesan.AMAN_SUDAH_ADA.format(berkas=shown(path)))


# --- temporary files of interrupted commands -----------------------------------------------------


def temporary_prefix(prefix: str) -> str:
    """``prefix`` with this process's id: the name start of a temporary file or folder."""
    return f"{prefix}{os.getpid()}-"


def staging_folder(parent: str | Path, prefix: str) -> Path:
    """A new temporary folder in ``parent`` (created if needed) named for this process, after
    removing the stale ones of ``prefix`` (:func:`remove_stale`)."""
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale(parent, prefix)
    return Path(tempfile.mkdtemp(prefix=temporary_prefix(prefix), dir=parent))


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a zombie is not). Unsure means alive: never remove
    what a running process may still use."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with ipykernel
        if os.name != "posix":
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:
        return True


def remove_stale(parent: str | Path, prefix: str, legacy: str = "remove") -> list[Path]:
    """Remove the entries of ``parent`` named ``<prefix><pid>-…`` whose process is not running,
    and are this user's. Returns what was removed.

    Entries named ``<prefix>…`` without a process id were made by an earlier version:
    ``legacy="remove"`` removes them, ``"empty"`` removes them only when they are empty folders
    untouched for :data:`LEGACY_EMPTY_AGE` seconds (a shared folder such as the system's temp
    folder, where an earlier version may be starting a kernel in one), ``"keep"`` leaves them.
    """
    parent = Path(parent)
    if not parent.is_dir():
        return []
    owned = re.compile(re.escape(prefix) + r"(\d+)-")
    removed = []
    for entry in sorted(parent.iterdir()):
        if not entry.name.startswith(prefix):
            continue
        match = owned.match(entry.name)
        if match and pid_alive(int(match.group(1))):
            continue
        if not match and legacy == "keep":
            continue
        try:
            if hasattr(os, "getuid") and entry.lstat().st_uid != os.getuid():
                continue
            if not match and legacy == "empty":
                old = time.time() - entry.lstat().st_mtime > LEGACY_EMPTY_AGE
                if old and entry.is_dir() and not entry.is_symlink() and not any(entry.iterdir()):
                    entry.rmdir()
                    removed.append(entry)
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:  # gone meanwhile, or not ours to remove: leave it
            continue
    return removed
