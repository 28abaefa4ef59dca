"""Sound effects are synthesised in code, play only when sound is on, and never raise."""
import pygame

from game.ui import sound
from game.ui.settings import Settings
from ui_helpers import click


def test_sound_off_plays_nothing(make_app, monkeypatch):
    app = make_app(sound=False)
    calls = []
    monkeypatch.setattr(sound, "_mixer", lambda: calls.append("mixer"))   # never even asks for a device
    before = sound.stats["played"]
    for name in sound.EFFECTS:
        assert sound.play(name, app.settings) is False
    click(app, app.top.buttons["settings"].rect.center)     # a button press
    assert sound.stats["played"] == before and calls == []


def test_dummy_driver_plays_without_raising(make_app):
    app = make_app(sound=True)
    before = sound.stats["played"]
    for name in sound.EFFECTS:
        sound.play(name, app.settings)          # True with the dummy device, False if none opens
    click(app, app.top.buttons["settings"].rect.center)
    assert sound.stats["played"] >= before


def test_a_button_press_clicks(make_app, monkeypatch):
    app = make_app(sound=True)
    played = []
    monkeypatch.setattr(app, "play", lambda effect: played.append(effect))
    click(app, app.top.buttons["settings"].rect.center)
    assert "click" in played


def test_no_device_means_silently_off(monkeypatch):
    monkeypatch.setattr(sound, "_broken", False)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)

    def fail(*a, **k):
        raise pygame.error("no audio device")
    monkeypatch.setattr(pygame.mixer, "init", fail)
    assert sound.play("click", Settings(sound=True)) is False
    assert sound.play("stamp", Settings(sound=True)) is False


def test_unknown_effect_is_ignored():
    assert sound.play("fanfare", Settings(sound=True)) is False
