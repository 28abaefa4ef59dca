"""Settings survive between runs, in the platform's config folder, and never break the game."""
import json
import sys

import pytest

from game.ui import settings as st
from game.ui.paths import config_dir


def test_config_folder_is_overridable(private_home):
    assert config_dir() == private_home


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies to other systems")
def test_config_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("POLITBURO_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "politburo"


def test_missing_file_gives_defaults():
    assert st.load() == st.Settings()


def test_round_trip():
    s = st.Settings(window=(1600, 900), fullscreen=True, text_size="largest", colourblind=True, sound=False)
    st.save(s)
    assert st.load() == s


def test_damaged_file_gives_defaults(private_home):
    private_home.mkdir(parents=True)
    (private_home / "settings.json").write_text("{not json", encoding="utf-8")
    assert st.load() == st.Settings()


def test_bad_values_fall_back_one_by_one(private_home):
    private_home.mkdir(parents=True)
    (private_home / "settings.json").write_text(json.dumps(
        {"window": [10, 10], "text_size": "enormous", "sound": "yes", "colourblind": True, "extra": 1}))
    s = st.load()
    assert s.window == st.MIN_WINDOW
    assert s.text_size == "normal" and s.sound is True and s.colourblind is True


def test_save_leaves_no_temporary_files(private_home):
    st.save(st.Settings())
    assert [p.name for p in private_home.iterdir()] == ["settings.json"]
