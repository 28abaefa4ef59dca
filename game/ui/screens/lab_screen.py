"""The what-if lab: choose a scenario and what to compare it with, the number of runs, the seed
and the historiography (how much the structure — social forces and the apparatus — weighs
against agency — manoeuvre and personalities), or a sweep of it from one to the other; run it
on a worker thread with a progress bar while the window stays live; then who leads at the end
with 95% intervals (by setting, for a sweep), the scissors as a fan chart, and the full report
(HTML, CSV, charts) written to a folder shown on screen."""
from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui

from game.lab.summary import calendar_caveat, on_one_calendar
from game.ui import layout
from game.ui.lab_charts import arm_colours, fan_chart, outcome_bars, sweep_lines
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.screens.lab_settings import LabSettings
from game.ui.text import blit_wrapped, wrap
from game.ui.widgets import button, card, header, section_title

INTRO = ("Each run is a whole game played by the computer from the same start with its own seed (seed, seed+1, …). "
         "Against a baseline, both use the same seeds, so their difference is the what-if's and not luck's. "
         "The historiography setting weighs structure (1: social forces and the apparatus) against agency "
         "(0: manoeuvre and personalities).")


class LabScreen(Screen):
    name = "lab"

    def __init__(self, app, scenarios=None, out_dir=None):
        """``scenarios``: the listings to choose from (default: the scenarios folder's)."""
        super().__init__(app)
        self.settings = LabSettings(app, scenarios)
        self.out_dir = out_dir
        self.run = None
        self.result = None
        self.status = ""
        self.written: dict = {}

    def shortcuts(self):
        return [("Enter", "Run"), ("Esc", "Cancel a run, or back to the menu")]

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        bfont = app.fonts.theme_font("display", 19)
        self.back_button = self.header_back_button(w, "Back to the menu (Esc)")
        body = pygame.Rect(u(24), self.header_rect.bottom + u(18), w - u(48), h - self.header_rect.bottom - u(36))
        self.left, self.right = layout.split_h(body, [0.40, 0.60], u(20))
        self.settings.layout(self.manager, layout.inset(self.left, u(14), u(12)))
        rin = layout.inset(self.right, u(16), u(12))
        bh = bfont.get_linesize() + u(14)
        rw = max(u(120), bfont.size("Run")[0] + u(50))
        cw = max(u(110), bfont.size("Cancel")[0] + u(36))
        self.run_button = button(self.manager, pygame.Rect(rin.x, rin.y, rw, bh), "Run", "@primary",
                                 "Play the runs (Enter)", name="run")
        self.cancel_button = button(self.manager, pygame.Rect(rin.x + rw + u(10), rin.y, cw, bh), "Cancel", "@back",
                                    "Stop the runs (Esc)", name="cancel")
        self.progress_rect = pygame.Rect(self.cancel_button.rect.right + u(16), rin.y + bh // 4,
                                         rin.right - self.cancel_button.rect.right - u(16), bh // 2)
        self.status_y = rin.y + bh + u(6)
        line = app.fonts.get("italic", 13).get_linesize()
        report_w = max(u(170), bfont.size("Write the report")[0] + u(40))
        self.report_button = button(self.manager, pygame.Rect(rin.right - report_w, rin.bottom - bh, report_w, bh),
                                    "Write the report", "@action", "The full report: HTML page, CSV of every run, "
                                    "charts as SVG, summary JSON", name="report")
        self.report_note = pygame.Rect(rin.x, rin.bottom - bh, self.report_button.rect.x - rin.x - u(12), bh)
        head_font = app.fonts.get("serif", 15)
        lines = min(4, len(wrap(head_font, self.headline(), rin.w - u(12)))) if self.result is not None else 3
        head_h = int(head_font.get_linesize() * 1.25) * lines
        top = self.status_y + line * 2 + u(10)
        self.headline_rect = pygame.Rect(rin.x, top, rin.w, head_h)
        charts = pygame.Rect(rin.x, top + head_h + u(8), rin.w, self.report_button.rect.y - top - head_h - u(20))
        self.bars_rect, self.fan_rect = layout.split_h(charts, [0.48, 0.52], u(12))
        self.intro_rect = pygame.Rect(rin.x, top, rin.w, self.report_button.rect.y - top - u(10))
        self.head_view = None
        if self.result is not None:
            rich = RichText(self.headline(), app.fonts, 15, "serif", app.pal.ink, app.pal.link, app.pal.accent)
            self.head_view = RichTextView(self.headline_rect, rich, app.pal.accent)
            # the arms' months on one axis: worked out once a result, not once a frame
            self.calendar = on_one_calendar(self.fanned())
        self._buttons()

    def _buttons(self) -> None:
        running = self.run is not None and not self.run.done
        self.run_button.disable() if running else self.run_button.enable()
        self.cancel_button.enable() if running else self.cancel_button.disable()
        self.report_button.enable() if self.result is not None else self.report_button.disable()

    # ---------------------------------------------------------------- running
    def start(self) -> None:
        from game.content.errors import ScenarioError
        from game.lab.api import LabRun
        from game.lab.runs import LabError
        if self.run is not None and not self.run.done:
            return
        s = self.settings
        try:
            seed = s.seed()
            sweep = s.sweep_setting()
            self.run = LabRun(s.scenario_ref(), vs=None if sweep else s.baseline_ref(), runs=s.runs, seed=seed,
                              weights=None if sweep else {"structural": s.structural()}, sweep=sweep,
                              chunk=min(s.runs, 500))
        except (LabError, ScenarioError, ValueError) as err:
            self.status = f"Cannot run: {err}"
            self.run = None
            self._buttons()
            return
        self.result = None
        self.written = {}
        self.status = "Running…"
        self.run.start()
        self._buttons()

    def cancel(self) -> None:
        if self.run is not None and not self.run.done:
            self.run.cancel()
            self.status = "Cancelling at the end of the month being played…"

    def update(self, dt: float) -> None:
        super().update(dt)
        run = self.run
        if run is None or self.result is not None or not run.done:
            return
        from game.lab.api import Cancelled
        if run.result is not None:
            self.result = run.result
            t = self.result.timing
            self.status = f"Done: {t.get('games', 0):,} games in {t.get('seconds', 0):.1f} s."
            self.invalidate()
            self.ensure_layout()
        elif isinstance(run.error, Cancelled):
            self.status = "Cancelled."
        else:
            self.status = f"The runs failed: {run.error}"
        self.run = run if run.result is not None else None
        self._buttons()

    def write_report(self) -> None:
        from game.ui.screens.message import MessageDialog
        if self.result is None:
            return
        try:
            self.written = self.result.write(self.report_dir())
        except OSError as err:
            self.app.push(MessageDialog(self.app, "The report was not written", str(err), kind="error"))
            return
        self.app.push(MessageDialog(self.app, "Report written",
                                    f"Open {self.written.get('report')} in a browser. The runs are in "
                                    f"{self.written.get('csv')}; the charts in {self.written.get('charts')}."))

    def report_dir(self) -> Path:
        from game.replay.files import data_dir
        st = self.result.study
        if st.kind == "sweep":
            from game.lab.study import short_name
            label = f"{short_name(str(st.arms[0].spec.scenario))}-{st.sweep_name}-sweep"
        else:
            label = "-vs-".join(a.label for a in st.arms)
        label = label.replace(" ", "_").replace("(", "").replace(")", "")
        base = Path(self.out_dir) if self.out_dir is not None else data_dir() / "lab"
        return base / f"{label}-seed{st.seed}-{st.runs}runs"

    # ---------------------------------------------------------------- events
    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                self.back()
            elif event.ui_element is self.run_button:
                self.start()
            elif event.ui_element is self.cancel_button:
                self.cancel()
            elif event.ui_element is self.report_button:
                self.write_report()
            else:
                self.settings.handle_button(event.ui_element)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) \
                and not self.text_input_focused():
            self.start()
            return True
        if self.head_view is not None:
            self.head_view.handle_event(event)
        return self.settings.handle_event(event)

    def back(self) -> None:
        if self.run is not None and not self.run.done:
            self.cancel()
            return
        self.app.pop()

    # ---------------------------------------------------------------- drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        self.tips.begin_frame()
        app, pal, u = self.app, self.app.pal, self.app.u
        header(surface, self.header_rect, "What-if lab", app, "many games, the spread of outcomes")
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        self.settings.draw(surface)
        self._progress(surface)
        if self.result is None:
            y = section_title(surface, self.intro_rect, "How it works", app)
            blit_wrapped(surface, app.fonts.get("serif", 15), INTRO, pal.ink,
                         pygame.Rect(self.intro_rect.x, y, self.intro_rect.w, self.intro_rect.bottom - y))
        else:
            self._results(surface)
        note = ("Written: " + self.written["report"]) if self.written else \
            "The report: an HTML page to hand out, every run as CSV, the charts as SVG."
        blit_wrapped(surface, app.fonts.get("italic", 13), note, pal.ink_soft, self.report_note, spacing=1.0,
                     max_lines=2)

    def _progress(self, surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        r = self.progress_rect
        frac = 1.0 if self.result is not None else (self.run.progress if self.run is not None else 0.0)
        pygame.draw.rect(surface, pal.paper_dark, r)
        pygame.draw.rect(surface, pal.accent, (r.x, r.y, int(r.w * frac), r.h))
        pygame.draw.rect(surface, pal.ink, r, max(1, u(2)))
        f = app.fonts.get("italic", 13)
        text = self.status + (f" {frac * 100:.0f}%" if self.run is not None and not self.run.done else "")
        blit_wrapped(surface, f, text or "Choose the settings on the left, then Run.", pal.ink_soft,
                     pygame.Rect(self.run_button.rect.x, self.status_y, self.progress_rect.right - self.run_button.rect.x,
                                 f.get_linesize() * 2), spacing=1.0, max_lines=2)

    def fanned(self) -> list[dict]:
        """The summaries the scissors chart draws: every arm's, or a sweep's two ends (as the
        report does)."""
        sums = self.result.summaries
        return [sums[0], sums[-1]] if self.result.sweep is not None and len(sums) > 1 else sums

    def headline(self) -> str:
        res = self.result
        if res is None:
            return ""
        if res.sweep is not None:
            first = res.summaries[0]
            return sweep_headline(first.get("short_title") or first["title"], res.sweep)
        if res.comparison is not None:
            caveat = calendar_caveat(res.runs[0].meta, res.runs[1].meta, short=True)
            return (caveat + " " if caveat else "") + res.comparison["headline"]
        s = res.summaries[0]
        top = max(s["outcomes"], key=lambda o: o["share"] or 0)
        return (f"{s['title']}: {top['name']} leads at the end in {top['share'] * 100:.0f}% of {s['runs']:,} "
                f"games (95% interval {top['low'] * 100:.0f}–{top['high'] * 100:.0f}%).")

    def _results(self, surface) -> None:
        app, pal = self.app, self.app.pal
        res = self.result
        colours = arm_colours(pal)
        if self.head_view is not None:
            self.head_view.draw(surface)
        names = res.names()
        if res.sweep is not None:
            sweep_lines(surface, self.bars_rect, app, res.sweep, "Who leads at the end, by setting")
            names = [names[0], names[-1]]
        else:
            groups = [(names[i], s["outcomes"], colours[i % 2]) for i, s in enumerate(res.summaries)]
            outcome_bars(surface, self.bars_rect, app, groups, "Who leads at the end")
        dates, sums = self.calendar
        fans = [(names[i], s["fans"]["series"]["scissors"], colours[i % 2]) for i, s in enumerate(sums)]
        fan_chart(surface, self.fan_rect, app, dates, fans,
                  "The scissors, month by month", reference=1.0)


def sweep_headline(title: str, table: dict) -> str:
    """What a sweep of the historiography shows, in a sentence: how the most frequent winner's
    share moves from one end of the setting to the other, and who wins most at the other end
    when that is someone else."""
    rows = table["rows"]
    first, last = rows[0], rows[-1]
    name = lambda o: table["names"].get(o, o)                                   # noqa: E731
    share = lambda r, o: r["shares"][o]["share"] or 0                          # noqa: E731
    top = max(table["outcomes"], key=lambda o: sum(share(r, o) for r in rows))
    ends = ("agency", "structure") if table["setting"] == "structural" else ("", "")
    at = lambda r, end: f"{r['value']:g}" + (f" ({end})" if end else "")      # noqa: E731
    text = (f"Under “{title}”, {name(top)} leads at the end in {share(first, top) * 100:.0f}% of games "
            f"with the setting at {at(first, ends[0])} and in {share(last, top) * 100:.0f}% at "
            f"{at(last, ends[1])}, {first['runs']:,} games at each setting on the same seeds.")
    for r, end in ((first, ends[0]), (last, ends[1])):
        best = max(table["outcomes"], key=lambda o: share(r, o))
        if best != top:
            text += f" At {at(r, end)}, {name(best)} leads most often ({share(r, best) * 100:.0f}%)."
    return text
