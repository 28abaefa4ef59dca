"""``python -m game screenshots DIR``: every screen at 1280x720 and 1920x1080, at the default
and the largest text size, saved as PNG files (no window: SDL's dummy video driver).

Each shot is a name and a function that puts the App into that state; a screen added to the
game adds its shots here. Look at every picture: text that overflows, overlaps or cannot be
read is a bug.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SIZES = ((1280, 720), (1920, 1080))
TEXT_SIZES = ("normal", "largest")


def _title(app):
    from game.ui.screens.title import TitleScreen
    app.reset(TitleScreen(app))


def _help(app):
    _title(app)
    app.toggle_help()


def _settings(app):
    from game.ui.screens.settings_screen import SettingsScreen
    _title(app)
    app.push(SettingsScreen(app))


def _glossary(app):
    _title(app)
    app.open_glossary("scissors_crisis")


def _glossary_search(app):
    _title(app)
    app.open_glossary("lenins_testament")
    screen = app.top
    screen.search.set_text("opposition")
    screen.query = "opposition"
    screen.list.set_rows(screen._rows())


def shots() -> dict:
    table = {"title": _title, "help": _help, "settings": _settings, "glossary": _glossary,
             "glossary_search": _glossary_search}
    try:
        from game.ui.screens import modes
    except ImportError:
        return table
    table.update(modes.screenshot_setups())
    return table


def render(out: Path, only: list[str] | None = None, sizes=SIZES, texts=TEXT_SIZES,
           colourblind: bool = False) -> list[Path]:
    import pygame
    from game.ui.app import App
    from game.ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    table = shots()
    names = [n for n in table if not only or n in only]
    app = None
    for size in sizes:
        for text in texts:
            settings = Settings(window=size, text_size=text, colourblind=colourblind)
            if app is None:
                app = App(settings, persist=False)
            else:
                app.apply_settings(settings)
            for name in names:
                table[name](app)
                pygame.mouse.set_pos((size[0] - 2, size[1] - 2))
                for _ in range(3):
                    app.step(1 / 60)
                suffix = "_cb" if colourblind else ""
                path = out / f"{name}_{size[0]}x{size[1]}_{text}{suffix}.png"
                pygame.image.save(app.surface, str(path))
                saved.append(path)
    if app is not None:
        from game.ui.art_sheet import save_art_sheet
        saved.append(save_art_sheet(out / "art_sheet.png"))
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game screenshots",
                                     description="Render every screen to PNG files.")
    parser.add_argument("dir", help="folder for the PNG files")
    parser.add_argument("--only", nargs="*", help="names of the shots to take (default: all)")
    parser.add_argument("--colourblind", action="store_true", help="use the colour-blind palette")
    args = parser.parse_args(argv)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("POLITBURO_HOME", tempfile.mkdtemp(prefix="politburo-shots-"))
    saved = render(Path(args.dir), args.only, colourblind=args.colourblind)
    for path in saved:
        print(path)
    print(f"{len(saved)} screenshots written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
