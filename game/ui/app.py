"""The application: window, settings, the screen stack and the per-frame ``step``.

``main()`` is the entry point of ``python -m game``. The loop is a thin ``async def run()``
around ``step()`` so that a browser build (pygbag) stays possible; tests and the screenshot
tool call ``step()`` directly.
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
import warnings

_IMPORTED = time.perf_counter()

import pygame
import pygame_gui

from game.ui import art, palette
from game.ui import settings as settings_mod
from game.ui.fonts import Fonts
from game.ui.settings import MIN_WINDOW, Settings
from game.ui.theme import build_theme

TITLE = "Politburo 1922–1929"
FPS = 60
SAVE_DELAY = 0.75   # seconds of quiet after a resize before the new size is saved


class App:
    def __init__(self, settings: Settings | None = None, *, persist: bool = True, fps: int = FPS):
        pygame.init()
        self.persist = persist
        self.settings = settings or settings_mod.load()
        self.fps = fps
        self.stack: list = []
        self.running = True
        self.clock = pygame.time.Clock()
        self._theme_key = None
        self._theme = None
        self._fonts_key = None
        self.fonts = Fonts()
        self._save_timer: float | None = None
        self.generation = 0
        self.session = None            # the game being played (phase 2: engine session)
        self.warming = None            # the rules' loops compiling in another process, if so
        self._glossary = None
        self.open_window()

    # -- window and settings -------------------------------------------------------------------
    def open_window(self) -> None:
        pygame.display.set_caption(TITLE)
        if self.settings.fullscreen:
            sizes = pygame.display.get_desktop_sizes() or [self.settings.window]
            self.surface = pygame.display.set_mode(sizes[0], pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(self.settings.window, pygame.RESIZABLE)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_WINDOW
        except (AttributeError, pygame.error):
            pass
        pygame.key.set_repeat(350, 40)
        art.clear_cache()

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    @property
    def pal(self) -> palette.Palette:
        return palette.get(self.settings.colourblind)

    @property
    def ui_scale(self) -> float:
        size = self.surface.get_size()
        if size != getattr(self, "_scale_for", None):
            w, h = size
            self._scale = max(0.75, min(2.5, min(w / 1280, h / 720)))
            self._scale_for = size
        return self._scale

    def u(self, value: float) -> int:
        """Design pixels (at 1280x720) to window pixels."""
        return int(round(value * self.ui_scale))

    @property
    def layout_key(self) -> tuple:
        return (self.size, self.settings.text_size, self.settings.colourblind, self.generation)

    def _refresh_fonts(self) -> None:
        key = (round(self.ui_scale, 4), self.settings.text_scale)
        if key != self._fonts_key:
            self.fonts = Fonts(self.ui_scale, self.settings.text_scale)
            self._fonts_key = key

    @property
    def theme(self) -> dict:
        key = (self.settings.colourblind, self.settings.text_scale, round(self.ui_scale, 4))
        if key != self._theme_key:
            self._theme = build_theme(self.settings.colourblind, self.settings.text_scale, self.ui_scale)
            self._theme_key = key
        return self._theme

    def new_manager(self) -> pygame_gui.UIManager:
        self._refresh_fonts()
        return pygame_gui.UIManager(self.size, self.theme, enable_live_theme_updates=False)

    def apply_settings(self, new: Settings) -> None:
        """Adopt new settings: reopen the window if its size or mode changed, relayout, save."""
        old, self.settings = self.settings, new
        if (old.fullscreen, old.window) != (new.fullscreen, new.window):
            self.open_window()
        self.relayout()
        self.save_settings()

    def save_settings(self) -> None:
        if self.persist:
            try:
                settings_mod.save(self.settings)
            except OSError as exc:
                print(f"could not save settings: {exc}", file=sys.stderr)

    def relayout(self) -> None:
        self.generation += 1
        self._refresh_fonts()

    def on_resize(self, w: int, h: int) -> None:
        if self.surface.get_size() != (w, h):
            self.surface = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        else:
            self.surface = pygame.display.get_surface()
        if not self.settings.fullscreen:
            self.settings = self.settings.but(window=(w, h))
            self._save_timer = SAVE_DELAY
        self.relayout()

    def toggle_fullscreen(self) -> None:
        self.apply_settings(self.settings.but(fullscreen=not self.settings.fullscreen))

    # -- the stack ------------------------------------------------------------------------------
    @property
    def top(self):
        return self.stack[-1] if self.stack else None

    def push(self, screen) -> None:
        self.stack.append(screen)
        screen.ensure_layout()
        screen.on_enter()

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.ensure_layout()
            self.top.on_enter()

    def replace(self, screen) -> None:
        if self.stack:
            self.stack.pop()
        self.push(screen)

    def reset(self, screen) -> None:
        self.stack.clear()
        self.push(screen)

    @property
    def glossary(self):
        if self._glossary is None:
            from game.ui.glossary import default_glossary
            self._glossary = default_glossary()
        return self._glossary

    def open_glossary(self, entry_id: str | None = None) -> None:
        from game.ui.screens.glossary_screen import GlossaryScreen
        if isinstance(self.top, GlossaryScreen):
            self.top.select(entry_id)
        else:
            self.push(GlossaryScreen(self, entry_id))

    def toggle_help(self) -> None:
        from game.ui.help import HelpOverlay
        if isinstance(self.top, HelpOverlay):
            self.pop()
        else:
            self.push(HelpOverlay(self))

    def quit(self) -> None:
        self.running = False

    def await_rules(self) -> bool:
        """Before a game's first turn: while the rules' loops are still being compiled in the
        background (the first start on a machine, game.ai.warm), say so and wait, the window
        kept alive, rather than compile them a second time here with the window frozen.
        False if the player closed the window meanwhile."""
        proc = self.warming
        if proc is None or proc.poll() is not None:
            return True
        pal, u = self.pal, self.u
        font = self.fonts.get("text", 17)
        lines = ("Preparing the rules for their first game on this computer...",
                 "About a minute, and only this once.")
        while proc.poll() is None:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    self.quit()
                    return False
            self.draw()
            w, h = self.size
            box = pygame.Rect(0, 0, min(w - u(40), u(620)), u(96))
            box.center = (w // 2, h // 2)
            pygame.draw.rect(self.surface, pal.paper_light, box)
            pygame.draw.rect(self.surface, pal.ink, box, max(2, u(3)))
            for i, text in enumerate(lines):
                img = font.render(text, True, pal.ink)
                self.surface.blit(img, img.get_rect(center=(box.centerx, box.y + u(30) + i * u(34))))
            pygame.display.flip()
            pygame.time.wait(100)
        return True

    # -- one frame ------------------------------------------------------------------------------
    def step(self, dt: float | None = None) -> bool:
        """Handle events, update and draw one frame; returns False once the game should close."""
        if dt is None:
            dt = self.clock.tick(self.fps) / 1000.0
        for event in pygame.event.get():
            self.dispatch(event)
        if not self.running or not self.stack:
            return False
        self._tick_save(dt)
        for screen in self.visible():
            screen.ensure_layout()
        self.top.update(dt)
        self.draw()
        return self.running

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE:
            self.on_resize(event.w, event.h)
            return
        if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED):
            size = pygame.display.get_surface().get_size()
            if size != self.layout_key[0]:
                self.on_resize(*size)
            return
        if not self.stack:
            return
        if event.type == pygame.KEYDOWN and self._global_key(event):
            return
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.play("click")
        self.top.process_event(event)

    def play(self, effect: str) -> bool:
        """A short sound effect (see sound.py); nothing when sound is off or no device opens."""
        from game.ui import sound
        return sound.play(effect, self.settings)

    def _global_key(self, event) -> bool:
        typing = self.top.text_input_focused()
        if event.key == pygame.K_F1 or (event.unicode == "?" and not typing):
            self.toggle_help()
            return True
        if event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL:
            self.quit()
            return True
        if event.key == pygame.K_ESCAPE and not typing:
            self.top.back()
            return True
        return False

    def visible(self) -> list:
        start = 0
        for i, screen in enumerate(self.stack):
            if screen.opaque:
                start = i
        return self.stack[start:]

    def draw(self) -> None:
        for screen in self.visible():
            screen.draw(self.surface)
        top = self.top
        top.tips.draw(self.surface, self.fonts.get("text", 14), self.pal, pygame.mouse.get_pos())
        pygame.display.flip()

    def _tick_save(self, dt: float) -> None:
        if self._save_timer is not None:
            self._save_timer -= dt
            if self._save_timer <= 0:
                self._save_timer = None
                self.save_settings()

    async def run(self) -> None:
        while self.step():
            await asyncio.sleep(0)
        if self._save_timer is not None:
            self.save_settings()
        pygame.quit()


def build_app(settings: Settings | None = None, persist: bool = True) -> App:
    from game.ui.screens.title import TitleScreen
    app = App(settings, persist=persist)
    app.push(TitleScreen(app))
    return app


def main(argv: list[str] | None = None) -> int:
    """Open the game (``python -m game`` with no arguments). ``play --time-startup`` draws the
    main menu once, prints how long that took, and closes."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if "--time-startup" in (argv or []):
        app = build_app()
        app.step(0.0)
        print(f"startup: main menu drawn {(time.perf_counter() - _IMPORTED) * 1000:.0f} ms after the interface "
              f"was imported; process CPU {time.process_time() * 1000:.0f} ms")
        pygame.quit()
        return 0
    # the rules' compiled loops, made ready in another process while the title screen shows
    # (the first start on a machine compiles them; later starts only load them)
    from game.ai.warm import warm_in_background
    warming = warm_in_background()
    app = build_app()
    app.warming = warming
    asyncio.run(app.run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
