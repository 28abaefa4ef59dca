"""Where the interface finds its assets and keeps the player's settings."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"


def asset(*parts: str) -> Path:
    return ASSETS.joinpath(*parts)


def config_dir() -> Path:
    """The folder for settings and saves.

    ``POLITBURO_HOME`` overrides it (tests point it at a temporary folder). Otherwise the
    platform's convention: %APPDATA%\\politburo on Windows, ~/Library/Application Support/politburo
    on macOS, $XDG_CONFIG_HOME/politburo (default ~/.config/politburo) elsewhere.
    """
    override = os.environ.get("POLITBURO_HOME")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return base / "politburo"
