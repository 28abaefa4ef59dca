"""Headless fixtures for the interface tests: dummy video and audio, a private config folder."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Each test gets its own settings folder."""
    monkeypatch.setenv("POLITBURO_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def make_app():
    """Build an App on the title screen with the given settings; closes pygame afterwards."""
    from game.ui.app import build_app
    from game.ui.settings import Settings

    def make(**kw):
        kw.setdefault("tutorial_done", True)     # the guided first turn only where a test asks for it
        app = build_app(Settings(**kw))
        for _ in range(2):
            app.step(1 / 60)
        return app

    yield make
    pygame.quit()
