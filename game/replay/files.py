"""Where saves live, and writing them so that a crash never costs the player a game.

A write goes to a temporary file in the same folder, is flushed and synced to disk, and then
replaces the old file in one step (``os.replace``); the old file is kept beside it as
``NAME.bak``. At no moment is there no good copy on disk.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HOME_VAR = "POLITBURO_HOME"
AUTOSAVE_SLOTS = 3
AUTOSAVE_STEM = "autosave"
SUFFIX = ".json"


def user_dir(xdg_var: str, xdg_default: tuple[str, ...]) -> Path:
    """The player's folder of one kind: ``$POLITBURO_HOME`` if set (the tests use it), else
    the platform's place (``$<xdg_var>/politburo`` or ``~/<xdg_default>/politburo``;
    ``%APPDATA%\\politburo`` on Windows; ``~/Library/Application Support/politburo`` on macOS)."""
    override = os.environ.get(HOME_VAR)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get(xdg_var) or home.joinpath(*xdg_default))
    return base / "politburo"


def data_dir() -> Path:
    """The folder for the player's games (user data)."""
    return user_dir("XDG_DATA_HOME", (".local", "share"))


def saves_dir() -> Path:
    return data_dir() / "saves"


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def atomic_write(path: str | os.PathLike, data: bytes, keep_backup: bool = True) -> Path:
    """Write ``data`` to ``path`` all or nothing; the previous file becomes ``path.bak``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data)
    try:
        if keep_backup and path.exists():
            _keep(path, backup_of(path))
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    _sync_dir(path.parent)
    return path


def _write_temp(path: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            _chmod(f.fileno(), path)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        _unlink(Path(name))
        raise
    return Path(name)


def _chmod(fd: int, like: Path) -> None:
    """The permissions an ordinary new file would get (mkstemp makes it private), or those
    of the file it replaces."""
    if not hasattr(os, "fchmod"):
        return
    try:
        mode = like.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        os.fchmod(fd, mode)
    except OSError:
        pass


def _keep(path: Path, bak: Path) -> None:
    """Make ``bak`` a copy of ``path`` without ever removing ``path``: a hard link if the file
    system allows it, else a copy, each put in place by ``os.replace``."""
    link = bak.with_name(bak.name + ".tmp")
    _unlink(link)
    try:
        os.link(path, link)
    except OSError:
        link = _write_temp(bak, path.read_bytes())
    os.replace(link, bak)


def _sync_dir(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


# ---------------------------------------------------------------------- autosave ring
def autosave_path(slot: int, folder: Path | None = None) -> Path:
    """Slot 1 is the newest autosave, slot AUTOSAVE_SLOTS the oldest."""
    return (folder or saves_dir()) / f"{AUTOSAVE_STEM}-{slot}{SUFFIX}"


def autosave_paths(folder: Path | None = None) -> list[Path]:
    """The autosaves, newest first (backups after their file), those that exist."""
    out = []
    for slot in range(1, AUTOSAVE_SLOTS + 1):
        p = autosave_path(slot, folder)
        out += [q for q in (p, backup_of(p)) if q.exists()]
    return out


def write_autosave(data: bytes, folder: Path | None = None) -> Path:
    """The new autosave becomes slot 1; the older ones move down a slot, the oldest drops off.
    The new data is on disk before anything is moved, so a crash loses at most the newest."""
    folder = folder or saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    newest = autosave_path(1, folder)
    tmp = _write_temp(newest, data)
    try:
        for slot in range(AUTOSAVE_SLOTS, 1, -1):
            older = autosave_path(slot - 1, folder)
            if older.exists():
                os.replace(older, autosave_path(slot, folder))
        os.replace(tmp, newest)
    except BaseException:
        _unlink(tmp)
        raise
    _sync_dir(folder)
    return newest
