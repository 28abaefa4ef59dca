"""The economy and the world: every indicator with its change since last turn, the policies in
force, and the scissors chart over the whole game so far."""
from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.charts import Series, line_chart
from game.ui.panels import Panel
from game.ui.text import blit
from game.ui.widgets import section_title

NAMES = {
    "industrial_prices": ("Industrial prices", "1913 = 100"),
    "agricultural_prices": ("Agricultural prices", "1913 = 100"),
    "industrial_output": ("Industrial output", "% of 1913"),
    "grain_marketed": ("Grain marketed", "% of 1913"),
    "grain_procured": ("Grain procured", "% of 1913"),
    "unemployment": ("Unemployment", "% of workers"),
    "strikes": ("Strikes", "0-100"),
    "peasant_mood": ("Peasant mood", "0-100"),
    "kulaks": ("Kulaks", "weight 0-100"),
    "nepmen": ("NEPmen", "weight 0-100"),
    "bureaucracy": ("Bureaucracy", "size 0-100"),
    "world_revolution": ("World revolution", "prospects 0-100"),
    "isolation": ("Isolation", "0-100"),
}


class EconomyPanel(Panel):
    title = "Economy"
    key = "economy"

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        u = self.app.u
        self.table, self.charts = layout.split_h(rect, [0.40, 0.60], u(18))

    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        from game.engine.state import INDICATORS
        y = section_title(surface, self.table, "Indicators", app)
        font, small = app.fonts.get("text", 14), app.fonts.get("text", 11)
        row_h = font.get_linesize() + u(2)
        prev = ses.history[-2][1] if len(ses.history) > 1 else ses.history[-1][1]
        now = ses.history[-1][1]
        for i, key in enumerate(INDICATORS):
            if key not in NAMES or y + row_h > self.table.bottom - u(60):
                continue
            name, unit = NAMES[key]
            self.screen.tips.add_frame(pygame.Rect(self.table.x, y, self.table.w, row_h), f"{name} ({unit})")
            blit(surface, font, name, pal.ink, (self.table.x, y), max_width=int(self.table.w * 0.55))
            val = float(now[i])
            delta = val - float(prev[i])
            vr = blit(surface, app.fonts.get("bold", 14), f"{val:.0f}", pal.ink,
                      (self.table.x + int(self.table.w * 0.74), y), "topright")
            if abs(delta) >= 0.05:
                colour = pal.ink_soft
                sign = "+" if delta > 0 else "−"
                blit(surface, small, f"{sign}{abs(delta):.1f}", colour, (vr.right + u(8), vr.centery), "midleft")
            y += row_h
        scissors = ses.indicator("industrial_prices") / max(1.0, ses.indicator("agricultural_prices"))
        y += u(6)
        blit(surface, app.fonts.get("display", 18), f"SCISSORS {scissors:.2f}", pal.accent, (self.table.x, y))
        y += app.fonts.get("display", 18).get_linesize()
        for q, policy in enumerate(ses.scenario.policies):
            if y + small.get_linesize() > self.table.bottom:
                break
            opt = policy.options[int(ses.state.policy[0, q])]
            blit(surface, small, f"{policy.name}: {opt.name}", pal.ink_soft, (self.table.x, y), max_width=self.table.w)
            y += small.get_linesize()
        self._charts(surface)

    def _charts(self, surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        top, bottom = layout.split_v(self.charts, [0.58, 0.42], u(12))
        dates = [d for d, _ in ses.history]
        ind = ses.series("industrial_prices")
        agr = ses.series("agricultural_prices")
        a, b = pal.series[0], pal.series[1] if pal.name != "poster" else pal.ink
        line_chart(surface, top, [Series("industrial prices", ind, a, 0), Series("agricultural prices", agr, b, 1)],
                   dates, app, reference=100.0, title="The scissors (1913 = 100)")
        line_chart(surface, bottom, [Series("industrial output", ses.series("industrial_output"), pal.series[3], 0),
                                     Series("grain marketed", ses.series("grain_marketed"), pal.series[2], 2),
                                     Series("peasant mood", ses.series("peasant_mood"), pal.series[4], 3)],
                   dates, app, title="Output, grain and the village")
