"""Where the interface finds its assets and keeps the player's settings."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"


def asset(*parts: str) -> Path:
    return ASSETS.joinpath(*parts)


def config_dir() -> Path:
    """The folder for settings: ``POLITBURO_HOME`` if set (tests point it at a temporary
    folder), else the platform's place for configuration (see game.replay.files.user_dir)."""
    from ..replay.files import user_dir
    return user_dir("XDG_CONFIG_HOME", (".config",))
