"""Player settings, kept between runs in ``settings.json`` under the config folder.

A missing or damaged file gives the defaults (and is never fatal); unknown keys are ignored;
writes are atomic (temporary file in the same folder, then ``os.replace``).
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from game.ui.paths import config_dir

TEXT_SIZES = ("small", "normal", "large", "largest")
TEXT_SCALE = {"small": 0.85, "normal": 1.0, "large": 1.2, "largest": 1.45}
WINDOW_SIZES = ((1280, 720), (1600, 900), (1920, 1080))
MIN_WINDOW = (960, 600)
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    window: tuple[int, int] = (1280, 720)   # windowed size, kept when going full screen
    fullscreen: bool = False
    text_size: str = "normal"               # one of TEXT_SIZES
    colourblind: bool = False               # the colour-blind-safe palette and theme
    sound: bool = True
    tutorial_done: bool = False             # the guided first turn has been seen (or skipped)

    @property
    def text_scale(self) -> float:
        return TEXT_SCALE[self.text_size]

    def but(self, **changes) -> "Settings":
        return replace(self, **changes)


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def _clean_window(value) -> tuple[int, int]:
    w, h = int(value[0]), int(value[1])
    return max(MIN_WINDOW[0], min(w, 7680)), max(MIN_WINDOW[1], min(h, 4320))


def from_dict(data: dict) -> Settings:
    """Build settings from a parsed file, keeping the default for every bad or missing value."""
    out = Settings()
    checks = {
        "window": _clean_window,
        "fullscreen": lambda v: v if isinstance(v, bool) else _bad(),
        "text_size": lambda v: v if v in TEXT_SIZES else _bad(),
        "colourblind": lambda v: v if isinstance(v, bool) else _bad(),
        "sound": lambda v: v if isinstance(v, bool) else _bad(),
        "tutorial_done": lambda v: v if isinstance(v, bool) else _bad(),
    }
    for key, check in checks.items():
        if key in data:
            try:
                out = replace(out, **{key: check(data[key])})
            except (TypeError, ValueError, IndexError):
                pass
    return out


def _bad():
    raise ValueError


def load(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    return from_dict(data) if isinstance(data, dict) else Settings()


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    data["window"] = list(settings.window)
    data["version"] = 1
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
