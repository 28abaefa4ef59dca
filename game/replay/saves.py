"""Save files: what they hold, how they are checked, and the messages a player sees.

A save is one JSON text (UTF-8):

- ``format`` / ``format_version`` / ``game_version`` / ``rules_version`` / ``numpy_version`` /
  ``python_version``: who wrote it (see ``versions``);
- ``scenario``: the scenario's reference (path in the scenarios folder, or its text), its SHA-256
  and a digest of the scenario as built (see ``scenario_ref``);
- ``seed``, ``seats`` (the leaders played by people, the rivals' difficulty), ``origin`` (a new
  campaign, or taken over at some turn from the historical replay or from a run of the what-if
  lab);
- ``turns``: every turn played — all leaders' moves as ids, event choices, forced chance (see
  ``moves.TurnRecord``): replaying them rebuilds the game, its log and its charts;
- ``snapshot``: the state arrays after the last turn (base64 ``.npy``) with their digest;
- ``checksum``: SHA-256 of everything else, written ``sha256:<hex>``.

Nothing in the file is timed or random, so saving a loaded game gives the same bytes.
Reading never raises anything but :class:`SaveError`, whose message is a sentence to show.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import files
from .versions import FORMAT_NAME, FORMAT_VERSION, stamps

MAX_BYTES = 64 * 1024 * 1024     # a campaign's save is a few hundred kB; more is not a save


class SaveError(Exception):
    """A save that cannot be loaded. ``str(err)`` is a sentence to show the player."""

    def __init__(self, message: str, path: Optional[str | os.PathLike] = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)


# ---------------------------------------------------------------------- writing
def encode_document(doc: dict) -> bytes:
    """The file's bytes: ``doc`` with its checksum added, as indented JSON."""
    body = {k: v for k, v in doc.items() if k != "checksum"}
    body["checksum"] = "sha256:" + checksum(body)
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def checksum(doc: dict) -> str:
    body = {k: v for k, v in doc.items() if k != "checksum"}
    canon = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                       allow_nan=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def header() -> dict:
    return {"format": FORMAT_NAME, **stamps()}


def write_save(path: str | os.PathLike, doc: dict) -> Path:
    """Write atomically, keeping the previous file as ``path.bak``."""
    return files.atomic_write(path, encode_document(doc))


# ---------------------------------------------------------------------- reading
def read_document(path: str | os.PathLike) -> dict:
    """The checked contents of a save file, or SaveError with a sentence saying what is wrong."""
    name = Path(path).name
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise SaveError(f"“{name}” is far too large to be a saved game.", path)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(f"There is no saved game called “{name}”.", path) from None
    except OSError as err:
        raise SaveError(f"“{name}” could not be read ({err.strerror or err}).", path) from None
    return parse_document(data, name, path)


def parse_document(data: bytes, name: str = "the save", path=None) -> dict:
    damaged = (f"“{name}” is damaged or incomplete and cannot be loaded. "
               "Load an earlier save or the last autosave instead.")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SaveError(damaged, path) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise SaveError(f"“{name}” is not a saved game of Politburo 1922–1929.", path)
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(damaged, path)
    if version > FORMAT_VERSION:
        made = doc.get("game_version", "a newer version")
        raise SaveError(f"“{name}” was saved by a newer version of the game ({made}); this "
                        f"version cannot read it. Update the game to continue that game.", path)
    stated = doc.get("checksum")
    try:
        ok = isinstance(stated, str) and stated == "sha256:" + checksum(doc)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise SaveError(damaged, path)
    if version < FORMAT_VERSION:
        doc = upgrade(doc)
    _check_shape(doc, damaged, path)
    return doc


def upgrade(doc: dict) -> dict:
    """Older formats brought up to this one (none yet: format 1 is the first)."""
    return doc


def _check_shape(doc: dict, damaged: str, path) -> None:
    """A save with a good checksum but the wrong fields (written by hand, or a bug)."""
    try:
        assert isinstance(doc["scenario"], dict) and isinstance(doc["seed"], int)
        assert isinstance(doc["seats"]["humans"], list)
        assert isinstance(doc["turns"], list)
        assert all(isinstance(t, dict) and isinstance(t.get("moves", []), list)
                   for t in doc["turns"])
        assert doc.get("snapshot") is None or isinstance(doc["snapshot"], dict)
    except (AssertionError, KeyError, TypeError):
        raise SaveError(damaged, path) from None


# ---------------------------------------------------------------------- listing
@dataclass(frozen=True)
class SaveInfo:
    """One line of a load menu."""
    path: str
    ok: bool
    problem: str = ""          # the SaveError message if not ok
    scenario: str = ""         # the scenario's title
    date: str = ""             # the in-game date reached ("YYYY-MM")
    turn: int = 0
    humans: tuple[str, ...] = ()
    over: bool = False
    modified: float = 0.0      # the file's time (saves carry no clock of their own)


def describe(path: str | os.PathLike) -> SaveInfo:
    """What a save holds, for a load menu, without replaying it."""
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        mtime = 0.0
    try:
        doc = read_document(path)
    except SaveError as err:
        return SaveInfo(str(path), False, err.message, modified=mtime)
    return SaveInfo(str(path), True, "", str(doc["scenario"].get("title", "")),
                    str(doc.get("date", "")), int(doc.get("turn", 0)),
                    tuple(doc["seats"]["humans"]), bool(doc.get("over", False)), mtime)


def list_saves(folder: Optional[str | os.PathLike] = None) -> list[SaveInfo]:
    """Every save in the folder (default: the player's saves folder), newest first."""
    folder = Path(folder) if folder is not None else files.saves_dir()
    try:
        paths = [p for p in folder.iterdir() if p.suffix == files.SUFFIX and p.is_file()
                 and not p.name.startswith(".")]
    except OSError:
        return []
    return sorted((describe(p) for p in paths), key=lambda i: (-i.modified, i.path))


def newest_good_autosave(folder: Optional[str | os.PathLike] = None) -> Optional[Path]:
    """The newest autosave (or its backup) that passes every check, if any."""
    for p in files.autosave_paths(Path(folder) if folder is not None else None):
        try:
            read_document(p)
        except SaveError:
            continue
        return p
    return None
