"""The what-if lab: choose a scenario and what to compare it with, the number of runs, the seed
and the historiography (how much the structure — social forces and the apparatus — weighs
against agency — manoeuvre and personalities), or a sweep of it from one to the other; run it
on a worker thread with a progress bar while the window stays live; then the answer in four
tabs - who leads at the end with 95% intervals (by setting, for a sweep) beside the scissors,
when the key events happened, who leads month by month, and any indicator as a fan chart - and
the full report (HTML, CSV, charts) written to a folder shown on screen."""
from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui

from game.lab.report import REFERENCES
from game.lab.summary import LABELS, calendar_caveat, on_one_calendar
from game.ui import layout
from game.ui.lab_charts import arm_colours, fan_chart, outcome_bars, stacked_leading, sweep_lines, timeline
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.screens.lab_settings import LabSettings, snap
from game.ui.text import blit_wrapped, wrap
from game.ui.widgets import ListView, button, card, header, section_title

INTRO = ("Each run is a whole game played by the computer from the same start with its own seed (seed, seed+1, …). "
         "Against a baseline, both use the same seeds, so their difference is the what-if's and not luck's. "
         "The historiography setting weighs structure (1: social forces and the apparatus) against agency "
         "(0: manoeuvre and personalities).")

# the answer's tabs: (key, label); keys 1-4 choose them
TABS = (("ends", "Who leads"), ("events", "Key events"), ("months", "Month by month"), ("indicators", "Indicators"))


# the indicators' names in a narrow list (the chart's title gives the whole label and unit)
SHORT = {"grain_procured": "Grain procured", "kulaks": "The kulaks", "nepmen": "The NEPmen",
         "world_revolution": "World revolution", "isolation": "Isolation"}


def indicator_name(series: str) -> str:
    """An indicator's name for the list: short, without the unit."""
    return SHORT.get(series) or LABELS.get(series, series).split(" (")[0]


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
        self.tab = "ends"
        self.series = "scissors"        # the indicator the Indicators tab shows
        self.event_first = 0            # the Key events tab's first row shown (it scrolls)
        self.event_rows = (0, 0)        # (rows that fit, rows in all), as last drawn
        self.tab_buttons: dict = {}
        self.series_list = None

    def shortcuts(self):
        return [("Enter", "Run"), ("1-4", "The answer's tabs, once it is in"), ("W", "Watch a run"),
                ("Up, Down", "Scroll the key events; choose an indicator"), ("Esc", "Cancel a run, or back to the menu")]

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
        watch_w = max(u(150), bfont.size("Watch a run…")[0] + u(40))
        self.watch_button = button(self.manager, pygame.Rect(self.report_button.rect.x - u(10) - watch_w, rin.bottom - bh,
                                                             watch_w, bh), "Watch a run…", "@back",
                                   "Watch one of the games month by month, and take over from any month (W)",
                                   name="watch")
        self.report_note = pygame.Rect(rin.x, rin.bottom - bh, self.watch_button.rect.x - rin.x - u(12), bh)
        head_font = app.fonts.get("serif", 15)
        # the headline scrolls beyond three lines: the charts under it keep their room
        lines = min(3, len(wrap(head_font, self.headline(), rin.w - u(12)))) if self.result is not None else 3
        head_h = int(head_font.get_linesize() * 1.25) * lines
        top = self.status_y + line * 2 + u(10)
        self.headline_rect = pygame.Rect(rin.x, top, rin.w, head_h)
        self.intro_rect = pygame.Rect(rin.x, top, rin.w, self.report_button.rect.y - top - u(10))
        self.head_view = None
        self.tab_buttons, self.series_list = {}, None
        charts = pygame.Rect(rin.x, top + head_h + u(8), rin.w, self.report_button.rect.y - top - head_h - u(20))
        if self.result is not None:
            charts = self._tabs(charts)
        self.chart_rect = charts
        self.bars_rect, self.fan_rect = layout.split_h(charts, [0.48, 0.52], u(12))
        if self.result is not None:
            rich = RichText(self.headline(), app.fonts, 15, "serif", app.pal.ink, app.pal.link, app.pal.accent)
            self.head_view = RichTextView(self.headline_rect, rich, app.pal.accent)
            # the arms' months on one axis: worked out once a result, not once a frame
            self.calendar = on_one_calendar(self.fanned())
        self._buttons()

    def _tabs(self, area: pygame.Rect) -> pygame.Rect:
        """The tab buttons over the answer's charts (and the Indicators tab's list); returns
        the space left for the charts."""
        app, u = self.app, self.app.u
        font = app.fonts.theme_font("display", 19)
        tab_h = font.get_linesize() + u(10)
        row = pygame.Rect(area.x, area.y, area.w, tab_h)
        for n, ((key, label), r) in enumerate(zip(TABS, layout.split_h(row, [1.0] * len(TABS), u(6)))):
            b = button(self.manager, r, label, "@option", f"{label} (key {n + 1})", name=f"tab_{key}")
            if key == self.tab:
                b.select()
            self.tab_buttons[b] = key
        charts = pygame.Rect(area.x, row.bottom + u(8), area.w, area.bottom - row.bottom - u(8))
        if self.tab == "indicators":
            names, chart = layout.split_h(charts, [0.30, 0.70], u(12))
            rows = [(k, indicator_name(k), "") for k in self.series_names()]
            self.series_list = ListView(names, rows, app, self.series)
            self.series_list.rect.h -= names.h % self.series_list.row_h      # whole rows only
            snap(self.series_list, [r[0] for r in rows], self.series)
            return chart
        return charts

    def series_names(self) -> list[str]:
        """The indicators every arm has a fan for, in the order of their labels."""
        have = set.intersection(*(set(s["fans"]["series"]) for s in self.fanned()))
        return [k for k in LABELS if k in have] + sorted(have - set(LABELS))

    def scroll_events(self, rows: int) -> None:
        """Move the Key events tab by ``rows`` (within the events there are)."""
        fit, total = self.event_rows
        self.event_first = max(0, min(self.event_first + rows, total - fit))

    def set_tab(self, key: str) -> None:
        if key != self.tab:
            self.tab = key
            self.invalidate()

    def _buttons(self) -> None:
        running = self.run is not None and not self.run.done
        self.run_button.disable() if running else self.run_button.enable()
        self.cancel_button.enable() if running else self.cancel_button.disable()
        self.report_button.enable() if self.result is not None else self.report_button.disable()
        self.watch_button.enable() if self.result is not None else self.watch_button.disable()

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
            self.event_first = 0
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

    def watch(self) -> None:
        """Choose a run to watch (one per outcome that came about)."""
        if self.result is not None:
            from game.ui.screens.run_picker import RunPicker
            self.app.push(RunPicker(self.app, self.result))

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
            elif event.ui_element is self.watch_button:
                self.watch()
            elif event.ui_element in self.tab_buttons:
                self.set_tab(self.tab_buttons[event.ui_element])
            else:
                self.settings.handle_button(event.ui_element)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) \
                and not self.text_input_focused():
            self.start()
            return True
        if event.type == pygame.KEYDOWN and self.result is not None and not self.text_input_focused():
            keys = {pygame.K_1 + i: key for i, (key, _) in enumerate(TABS)}
            if event.key in keys:
                self.set_tab(keys[event.key])
                return True
            if event.key == pygame.K_w:
                self.watch()
                return True
            if self.tab == "events" and event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                step = 1 if event.key in (pygame.K_UP, pygame.K_DOWN) else max(1, self.event_rows[0])
                self.scroll_events(step if event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN) else -step)
                return True
            if self.series_list is not None and event.key in (pygame.K_UP, pygame.K_DOWN):
                self.series = self.series_list.move(-1 if event.key == pygame.K_UP else 1) or self.series
                return True
        if event.type == pygame.MOUSEWHEEL and self.tab == "events" and self.result is not None \
                and self.chart_rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll_events(-event.y)
            return True
        if self.series_list is not None:
            chosen = self.series_list.handle_event(event)
            if chosen:
                self.series = chosen
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

    def arm_names(self) -> list[str]:
        """The names of the arms the month-by-month charts draw (a sweep's two ends)."""
        names = self.result.names()
        return [names[0], names[-1]] if self.result.sweep is not None and len(names) > 1 else names

    def _results(self, surface) -> None:
        if self.head_view is not None:
            self.head_view.draw(surface)
        {"ends": self._ends, "events": self._events, "months": self._months,
         "indicators": self._indicator}[self.tab](surface)

    def _ends(self, surface) -> None:
        app, res = self.app, self.result
        colours = arm_colours(app.pal)
        if res.sweep is not None:
            sweep_lines(surface, self.bars_rect, app, res.sweep, "Who leads at the end, by setting")
        else:
            names = res.names()
            groups = [(names[i], s["outcomes"], colours[i % 2]) for i, s in enumerate(res.summaries)]
            outcome_bars(surface, self.bars_rect, app, groups, "Who leads at the end")
        self._fan(surface, self.fan_rect, "scissors", "The scissors, month by month")

    def _events(self, surface) -> None:
        dates, sums = self.calendar
        colours = arm_colours(self.app.pal)
        groups = [(name, s["events"], colours[i % 2]) for i, (name, s) in enumerate(zip(self.arm_names(), sums))]
        self.event_rows = timeline(surface, self.chart_rect, self.app, dates, groups, "When the key events happened",
                                   self.event_first)

    def _months(self, surface) -> None:
        sums = self.fanned()
        names = self.arm_names()
        rects = layout.split_h(self.chart_rect, [1.0] * len(sums), self.app.u(12)) if len(sums) > 1 \
            else [self.chart_rect]
        for name, s, rect in zip(names, sums, rects):
            who = {o["id"]: o["name"] for o in s["outcomes"]}
            title = f"Who leads: {name}" if len(sums) > 1 else "Who leads, month by month"
            stacked_leading(surface, rect, self.app, s["leading"], [o["id"] for o in s["outcomes"]], who, title)

    def _indicator(self, surface) -> None:
        self.series_list.draw(surface)
        self._fan(surface, self.chart_rect, self.series, LABELS.get(self.series, self.series) + ", month by month")

    def _fan(self, surface, rect: pygame.Rect, series: str, title: str) -> None:
        dates, sums = self.calendar
        colours = arm_colours(self.app.pal)
        fans = [(name, s["fans"]["series"][series], colours[i % 2])
                for i, (name, s) in enumerate(zip(self.arm_names(), sums))]
        reference = REFERENCES.get(series)           # (value, what it means), as in the report
        fan_chart(surface, rect, self.app, dates, fans, title, reference=reference[0] if reference else None)


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
