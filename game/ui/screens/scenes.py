"""Screenshot scenes of the screens around a game: load (with a damaged and a newer-version save),
the in-game menu and saving, the historical replay and taking over, the debrief, the what-if lab.
Expensive material (a finished game, a lab result) is built once per process."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

_CACHE: dict = {}
SHORT = "start_1926_united_opposition"      # 8 quarterly turns


def sample_saves(folder: Path) -> dict[str, Path]:
    """Saves for the load screen: two good ones, an autosave, a damaged file, a newer version's."""
    from game.replay import files, saves
    from game.ui.screens.modes import cached_session
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ses = cached_session(2)
    good = ses.core.to_bytes()
    out = {"good": files.atomic_write(folder / "Stalin June 1922.json", good),
           "autosave": files.write_autosave(good, folder)}
    out["damaged"] = folder / "damaged.json"
    out["damaged"].write_bytes(good[: len(good) // 2])
    doc = json.loads(good)
    doc["format_version"] = doc["format_version"] + 1
    doc["game_version"] = "9.0"
    out["newer"] = folder / "from a newer game.json"
    out["newer"].write_bytes(saves.encode_document(doc))
    stamp = 1_700_000_000
    for i, p in enumerate((out["good"], out["damaged"], out["newer"])):
        os.utime(p, (stamp + 100 * i, stamp + 100 * i))
    return out


def _samples() -> Path:
    if "samples" not in _CACHE:
        folder = Path(tempfile.mkdtemp(prefix="politburo-samples-"))
        sample_saves(folder)
        _CACHE["samples"] = folder
    return _CACHE["samples"]


def finished_short():
    """A short start-point scenario played to its end by the computer (the player: Stalin)."""
    if "short" not in _CACHE:
        from game.ui.session import Session, load
        ses = Session.new(load(SHORT), ["stalin"], seed=3, autosave=False)
        while not ses.over:
            ses.autoplay_turn()
        _CACHE["short"] = ses
    return _CACHE["short"]


def lab_result():
    if "lab" not in _CACHE:
        from game.lab.api import LabRun
        run = LabRun("whatif_lenin_lives", vs="start_1922_last_struggle", runs=12, seed=1,
                     weights={"structural": 0.5}, chunk=12)
        _CACHE["lab"] = run.run()
    return _CACHE["lab"]


def lab_sweep():
    if "lab_sweep" not in _CACHE:
        from game.lab.api import LabRun
        from game.ui.screens.lab_settings import SWEEP
        run = LabRun("whatif_lenin_lives", runs=12, seed=1, sweep=("structural", SWEEP), chunk=12)
        _CACHE["lab_sweep"] = run.run()
    return _CACHE["lab_sweep"]


def _title(app):
    from game.ui.screens.title import TitleScreen
    app.reset(TitleScreen(app))


def _game(app):
    from game.ui.screens.modes import _game as game_scene
    return game_scene(app, "actions", 2)


def setups() -> dict:
    from game.ui.screens.debrief_screen import DebriefScreen
    from game.ui.screens.game_menu import GameMenu, SaveDialog
    from game.ui.screens.lab_screen import LabScreen
    from game.ui.screens.load_screen import LoadScreen, show_error
    from game.ui.screens.message import MessageDialog
    from game.ui.screens.replay_screen import ReplayScreen

    def load(select=None, error=False):
        def setup(app):
            _title(app)
            screen = LoadScreen(app, folder=_samples())
            if select:
                screen.selected = next(s.path for s in screen.saves if Path(s.path).name.startswith(select))
            app.push(screen)
            if error:
                show_error(app, "This save cannot be loaded", screen.info.problem)
        return setup

    def menu(app):
        app.push(GameMenu(app, _game(app)))

    def save(app):
        screen = _game(app)
        app.push(SaveDialog(app, screen.session))

    def saved(app):
        _game(app)
        app.push(MessageDialog(app, "Game saved", "Saved as “Stalin June 1922” (June 1922) in "
                               + str(_samples() / "Stalin June 1922.json") + ". Load it from the title menu at any time."))

    def replay(pos, push=None):
        def setup(app):
            _title(app)
            if "replay" not in _CACHE:
                from game.ui.replay_model import ReplayModel
                _CACHE["replay"] = ReplayModel("campaign")
            screen = ReplayScreen(app, "campaign", model=_CACHE["replay"])
            app.push(screen)
            p = pos
            if push == "vote":
                screen.model.ensure(pos + 24)
                p = next(q for q in range(pos, screen.model.played + 1)
                         if any(r.get("kind") == "vote" for r in screen.model.month(q).records))
            screen.model.ensure(p)
            screen.go(p)
            if push == "takeover":
                screen.take_over()
            elif push == "vote":
                i = next(i for i, r in enumerate(screen.records) if r.get("kind") == "vote")
                screen.follow(f"rec_{i}")
        return setup

    def debrief(tab):
        def setup(app):
            from game.ui.screens.end_screen import EndScreen
            ses = finished_short()
            _title(app)
            app.push(EndScreen(app, ses))
            screen = DebriefScreen(app, ses, folder=_samples())
            app.push(screen)
            screen.build()
            screen.set_tab(tab)
        return setup

    def lab(state, tab="ends", series="scissors", push=None):
        def setup(app):
            _title(app)
            screen = LabScreen(app, out_dir=_samples() / "lab")
            screen.tab, screen.series = tab, series
            app.push(screen)
            if state == "results":
                screen.result = lab_result()
                screen.status = "Done: 24 games in 2.2 s."
            elif state == "sweep":
                screen.settings.set_sweep(True)
                screen.result = lab_sweep()
                screen.status = "Done: 60 games in 4.9 s."
            elif state == "running":
                from game.lab.api import LabRun
                screen.run = LabRun("whatif_lenin_lives", runs=100, seed=1)
                screen.run.progress = 0.42
                screen.status = "Running…"
            screen.invalidate()
            if push == "picker":
                from game.ui.screens.run_picker import RunPicker
                app.push(RunPicker(app, screen.result))
            elif push in ("watch", "takeover"):
                from game.ui.screens.run_picker import RunPicker
                picker = RunPicker(app, screen.result)
                app.push(picker)
                picker.choose(next(k for k, e in picker.examples.items() if e["outcome"] == "zinoviev"))
                replay = app.top
                replay.model.ensure(9)
                replay.go(9)
                if push == "takeover":
                    replay.take_over()
        return setup

    return {"load": load(), "load_damaged": load("damaged"), "load_error": load("from a newer", error=True),
            "game_menu": menu, "save_dialog": save, "saved": saved,
            "replay_opening": replay(0), "replay_month": replay(12), "replay_vote": replay(21, "vote"),
            "takeover": replay(21, "takeover"), "debrief_path": debrief("path"),
            "debrief_turning": debrief("turning"), "debrief_sources": debrief("sources"),
            "debrief_questions": debrief("questions"), "lab": lab("settings"), "lab_running": lab("running"),
            "lab_results": lab("results"), "lab_sweep": lab("sweep"), "lab_events": lab("results", "events"),
            "lab_months": lab("results", "months"), "lab_indicators": lab("results", "indicators", "bureaucracy"),
            "lab_sweep_months": lab("sweep", "months"), "lab_picker": lab("results", push="picker"),
            "lab_watch": lab("results", push="watch"), "lab_takeover": lab("results", push="takeover")}
