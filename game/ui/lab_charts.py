"""The what-if lab's charts drawn in pygame from the lab's summary dicts (game.lab.summary):
who leads at the end (shares with their 95% intervals drawn as whiskers), when the key events
happened, who leads month by month, and fan charts (quantile bands month by month). Arms are
told apart by colour and by pattern (a solid bar against an outlined one, a filled band against
a hatched edge), so a grey photocopy still reads."""
from __future__ import annotations

import pygame

from game.ui import art
from game.ui.charts import gridlines, nice_range
from game.ui.palette import mix
from game.replay.views import surname
from game.ui.text import blit, wrap


def _frame(surface, rect, app, title: str) -> int:
    pal, u = app.pal, app.u
    pygame.draw.rect(surface, pal.paper, rect)
    pygame.draw.rect(surface, pal.ink, rect, 1)
    r = blit(surface, app.fonts.get("display", 16), title.upper(), pal.ink, (rect.x + u(8), rect.y + u(6)),
             max_width=rect.w - u(16))
    return r.bottom + u(4)


def legend(surface, x: int, y: int, app, items: list[tuple[str, tuple, bool]], width: int) -> int:
    """(label, colour, solid) keys; returns the y below them."""
    pal, u = app.pal, app.u
    f = app.fonts.get("text", 12)
    cx = x
    for label, colour, solid in items:
        w = u(22) + f.size(label)[0] + u(14)
        if cx + w > x + width and cx > x:
            cx, y = x, y + f.get_linesize() + u(2)
        box = pygame.Rect(cx, y + u(3), u(16), f.get_linesize() - u(6))
        pygame.draw.rect(surface, colour if solid else pal.paper_light, box)
        pygame.draw.rect(surface, colour, box, max(1, u(2)))
        blit(surface, f, label, pal.ink, (cx + u(22), y), max_width=x + width - cx - u(22))
        cx += w
    return y + f.get_linesize() + u(2)


def outcome_bars(surface, rect: pygame.Rect, app, groups: list[tuple[str, list[dict], tuple]], title: str) -> None:
    """``groups``: (arm label, outcome rows with name/share/low/high, colour)."""
    pal, u = app.pal, app.u
    top = _frame(surface, rect, app, title)
    if len(groups) > 1:
        top = legend(surface, rect.x + u(8), top, app, [(g[0], g[2], i == 0) for i, g in enumerate(groups)],
                     rect.w - u(16))
    first = groups[0][1]
    share = lambda g, i: next((r for r in g[1] if r["id"] == i), {}).get("share") or 0     # noqa: E731
    ids = sorted((r["id"] for r in first), key=lambda i: -max(share(g, i) for g in groups))
    shown = [i for i in ids if any(share(g, i) > 0 for g in groups)] or ids[:3]
    f = app.fonts.get("text", 12)
    name_w = min(int(rect.w * 0.30), max(f.size(surname(r["name"]))[0] for r in first) + u(10))
    val_w = f.size("100%")[0] + u(8)
    plot = pygame.Rect(rect.x + u(8) + name_w, top + u(2), rect.w - name_w - val_w - u(20),
                       rect.bottom - top - f.get_linesize() - u(10))
    if plot.h < u(20) or plot.w < u(40):
        return
    row_need = len(groups) * f.get_linesize() + u(4)                   # rows whose labels do not overlap
    if len(shown) > max(1, plot.h // row_need):
        note = app.fonts.get("italic", 11)
        r = blit(surface, note, "The most frequent outcomes only.", pal.ink_soft,
                 (rect.x + u(8), plot.y), max_width=rect.w - u(16))
        plot.y, plot.h = r.bottom + u(4), plot.h - (r.bottom + u(4) - plot.y)
        shown = shown[:max(1, plot.h // row_need)]
    for k in range(0, 5):
        x = plot.x + plot.w * k // 4
        pygame.draw.line(surface, pal.paper_dark, (x, plot.y), (x, plot.bottom), 1)
        blit(surface, f, f"{k * 25}%", pal.ink_soft, (x, plot.bottom + u(2)), "midtop")
    row_h = plot.h / max(1, len(shown))
    bar_h = max(f.get_linesize(), min(u(22), int(row_h * 0.8 / len(groups))))
    for n, oid in enumerate(shown):
        y0 = plot.y + int(n * row_h + (row_h - bar_h * len(groups)) / 2)
        row = next(r for r in first if r["id"] == oid)
        blit(surface, f, surname(row["name"]), pal.ink, (plot.x - u(6), y0 + bar_h * len(groups) // 2), "midright",
             max_width=name_w - u(4))
        for k, (_label, rows, colour) in enumerate(groups):
            r = next((x for x in rows if x["id"] == oid), None)
            if r is None:
                continue
            y = y0 + k * bar_h
            w = int(plot.w * (r["share"] or 0))
            bar = pygame.Rect(plot.x, y + 1, max(1, w), bar_h - 2)
            pygame.draw.rect(surface, colour if k == 0 else pal.paper_light, bar)
            pygame.draw.rect(surface, colour, bar, max(1, u(2)))
            lo, hi = plot.x + int(plot.w * (r["low"] or 0)), plot.x + int(plot.w * (r["high"] or 0))
            cy = y + bar_h // 2
            pygame.draw.line(surface, pal.ink, (lo, cy), (hi, cy), max(1, u(2)))
            for x in (lo, hi):
                pygame.draw.line(surface, pal.ink, (x, cy - bar_h // 3), (x, cy + bar_h // 3), max(1, u(2)))
            blit(surface, f, f"{(r['share'] or 0) * 100:.0f}%", pal.ink, (plot.right + u(6), cy), "midleft")


def fan_chart(surface, rect: pygame.Rect, app, dates: list[str], groups: list[tuple[str, list, tuple]], title: str,
              reference: float | None = None) -> None:
    """``groups``: (arm label, quantile rows [5%, 25%, 50%, 75%, 95%] each a value per month, colour)."""
    pal, u = app.pal, app.u
    top = _frame(surface, rect, app, title)
    f = app.fonts.get("text", 12)
    items = [(g[0], g[2], i == 0) for i, g in enumerate(groups)] if len(groups) > 1 else []
    caption = "line: median · bands: middle half and 90% of games"
    cap_font = app.fonts.get("italic", 12)
    cap_lines = wrap(cap_font, caption, rect.w - u(16))[:2]
    bottom = rect.bottom - f.get_linesize() * (1 + len(items)) - cap_font.get_linesize() * len(cap_lines) - u(12)
    plot = pygame.Rect(rect.x + u(44), top + u(4), rect.w - u(56), bottom - top - u(4))
    if plot.w < u(40) or plot.h < u(30) or not dates:
        return
    values = [v for g in groups for q in g[1] for v in q if v is not None]
    if reference is not None:
        values.append(reference)
    if not values:
        return
    lo, hi = nice_range(values)
    T = len(dates)
    x_of = lambda t: plot.x + plot.w * t / max(1, T - 1)               # noqa: E731
    y_of = lambda v: plot.bottom - (v - lo) / (hi - lo) * plot.h        # noqa: E731
    parts = gridlines(plot.h, f)
    for k in range(parts + 1):
        v = lo + (hi - lo) * k / parts
        pygame.draw.line(surface, pal.paper_dark, (plot.x, y_of(v)), (plot.right, y_of(v)), 1)
        blit(surface, f, f"{v:.2f}" if hi - lo < 5 else f"{v:.0f}", pal.ink_soft, (plot.x - u(4), y_of(v)), "midright")
    if reference is not None:
        art.dashed_line(surface, pal.muted, (plot.x, y_of(reference)), (plot.right, y_of(reference)), 1, (4, 4))
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    for k, (_label, q, colour) in enumerate(groups):
        for a, b, alpha in ((0, 4, 60), (1, 3, 110)):
            pts = _band(q[a], q[b], x_of, y_of)
            if len(pts) >= 3:
                if k == 0:
                    pygame.draw.polygon(layer, (*colour, alpha), pts)
                else:
                    pygame.draw.polygon(layer, (*colour, alpha), pts, max(1, u(2)))
    surface.blit(layer, (0, 0))
    for k, (_label, q, colour) in enumerate(groups):
        med = [(x_of(t), y_of(v)) for t, v in enumerate(q[2]) if v is not None]
        if len(med) > 1:
            pygame.draw.lines(surface, colour if k == 0 else pal.ink, False, med, max(2, u(3)))
    _date_ticks(surface, plot, app, dates, x_of, rect.right - u(4))
    y = plot.bottom + f.get_linesize() + u(6)
    if items:
        y = legend(surface, rect.x + u(8), y, app, items, rect.w - u(16))
    for line in cap_lines:
        blit(surface, cap_font, line, pal.ink_soft, (rect.x + u(8), y))
        y += cap_font.get_linesize()


def _band(low: list, high: list, x_of, y_of) -> list[tuple[float, float]]:
    upper = [(x_of(t), y_of(v)) for t, v in enumerate(high) if v is not None]
    lower = [(x_of(t), y_of(v)) for t, v in enumerate(low) if v is not None]
    return upper + lower[::-1]


def arm_colours(pal) -> list[tuple]:
    return [tuple(pal.accent), tuple(mix(pal.ink, pal.paper, 0.1))]


def sweep_lines(surface, rect: pygame.Rect, app, table: dict, title: str) -> None:
    """Who leads at the end against the swept setting (``summary.sweep_table``): a line per
    outcome that ever happens, a dot and a 95% whisker at each setting, the leaders in their
    board colours (collapse in grey)."""
    pal, u = app.pal, app.u
    top = _frame(surface, rect, app, title)
    rows = table["rows"]
    shown = [o for o in table["outcomes"] if any((r["shares"][o]["share"] or 0) > 0 for r in rows)]
    colour = outcome_colours(pal, table["outcomes"])
    top = legend(surface, rect.x + u(8), top, app,
                 [(surname(table["names"].get(o, o)), colour[o], True) for o in shown], rect.w - u(16))
    f = app.fonts.get("text", 12)
    axis = "0 = agency · 1 = structure" if table["setting"] == "structural" else table["setting"]
    val_w = f.size("100%")[0] + u(8)
    plot = pygame.Rect(rect.x + u(8) + val_w, top + u(6), rect.w - val_w - u(28),
                       rect.bottom - top - 2 * f.get_linesize() - u(18))
    values = [r["value"] for r in rows]
    if plot.h < u(30) or plot.w < u(40) or not values:
        return
    lo, hi = min(values), max(values)
    x_of = (lambda v: plot.centerx) if hi == lo else \
        (lambda v: plot.x + u(8) + (plot.w - u(16)) * (v - lo) / (hi - lo))
    y_of = lambda s: plot.bottom - plot.h * (s or 0)                    # noqa: E731
    parts = min(4, gridlines(plot.h, f))
    for k in range(parts + 1):
        share = k / parts
        pygame.draw.line(surface, pal.paper_dark, (plot.x, y_of(share)), (plot.right, y_of(share)), 1)
        blit(surface, f, f"{share * 100:.0f}%", pal.ink_soft, (plot.x - u(4), y_of(share)), "midright")
    pygame.draw.line(surface, pal.ink, plot.bottomleft, plot.bottomright, 1)
    for v in values:
        x = x_of(v)
        pygame.draw.line(surface, pal.ink, (x, plot.bottom), (x, plot.bottom + u(4)), 1)
        blit(surface, f, f"{v:g}", pal.ink_soft, (x, plot.bottom + u(4)), "midtop")
    blit(surface, app.fonts.get("italic", 12), axis, pal.ink_soft,
         (plot.centerx, plot.bottom + f.get_linesize() + u(6)), "midtop", max_width=rect.w - u(16))
    width = max(2, u(3))
    for k, o in enumerate(shown):
        dx = (k - (len(shown) - 1) / 2) * u(3)          # the whiskers side by side, not on one line
        pts = [(x_of(r["value"]) + dx, y_of(r["shares"][o]["share"])) for r in rows]
        if len(pts) > 1:
            pygame.draw.lines(surface, colour[o], False, pts, width)
        for r, (x, y) in zip(rows, pts):
            s = r["shares"][o]
            pygame.draw.line(surface, colour[o], (x, y_of(s["low"])), (x, y_of(s["high"])), max(1, u(2)))
            pygame.draw.circle(surface, colour[o], (int(x), int(y)), max(3, u(4)))
            pygame.draw.circle(surface, pal.ink, (int(x), int(y)), max(3, u(4)), 1)


def timeline(surface, rect: pygame.Rect, app, dates: list[str], groups: list[tuple[str, list[dict], tuple]],
             title: str, first: int = 0) -> tuple[int, int]:
    """When the key events happened (``groups``: arm label, summary event rows, colour): a row
    per event that happened in at least 1% of some arm's games, in order of date, from row
    ``first`` as many as fit; for each arm a line over the 10–90% of the games where it
    happened, a box over the middle half, a dot at the median, and its share of games at the
    right ("never" where it did not happen). Returns (rows that fit, rows in all), for
    scrolling."""
    from game.lab.charts import short_label, timeline_keys
    pal, u = app.pal, app.u
    top = _frame(surface, rect, app, title)
    if len(groups) > 1:
        top = legend(surface, rect.x + u(8), top, app, [(g[0], g[2], i == 0) for i, g in enumerate(groups)],
                     rect.w - u(16))
    f = app.fonts.get("text", 12)
    note = app.fonts.get("italic", 11)
    caption = "line: 10–90% of the games where it happened · box: middle half · dot: median"
    every, rows_of = timeline_keys([{"label": g[0], "events": g[1]} for g in groups], limit=10 ** 6)
    # the footer's lines: where the rows are (when they scroll) and how to read them
    cap_lines = wrap(note, f"events 1–{len(every)} of {len(every)} (scroll) · " + caption, rect.w - u(16))[:2]
    sub_h = max(f.get_linesize(), u(14))
    row_h = sub_h * len(groups) + u(6)
    bottom = rect.bottom - f.get_linesize() - note.get_linesize() * len(cap_lines) - u(12)
    fit = max(0, (bottom - top - u(4)) // row_h)
    if not every or not fit:
        blit(surface, note, "None of the key events happened in these runs." if fit else "", pal.ink_soft,
             (rect.x + u(8), top + u(4)), max_width=rect.w - u(16))
        return fit, len(every)
    first = max(0, min(first, len(every) - fit))
    keys = every[first:first + fit]
    labels = {k: short_label(rows_of[k]["label"]) for k in keys}     # cut at the right if still too wide
    share_w = f.size("100%")[0] + u(10)
    label_w = min(int(rect.w * 0.42), max(f.size(t)[0] for t in labels.values()) + u(12))
    plot = pygame.Rect(rect.x + u(8) + label_w, top + u(4), rect.w - label_w - share_w - u(24), fit * row_h)
    if plot.w < u(60):
        return fit, len(every)
    T = len(dates)
    x_of = lambda t: plot.x + plot.w * t / max(1, T - 1)               # noqa: E731
    for k, key in enumerate(keys):
        y = plot.y + k * row_h
        if k % 2 == 0:
            pygame.draw.rect(surface, pal.paper_light, (rect.x + u(4), y, rect.w - u(8), row_h - u(2)))
        blit(surface, f, labels[key], pal.ink, (plot.x - u(8), y + (row_h - u(6)) // 2), "midright",
             max_width=label_w - u(6))
        for gi, (_label, rows, colour) in enumerate(groups):
            e = next((e for e in rows if e["key"] == key), None)
            cy = y + gi * sub_h + sub_h // 2
            ink = colour if gi == 0 else pal.ink
            if e is None or not e["count"] or e["median_turn"] is None:
                blit(surface, note, "never", ink, (plot.x + u(4), cy), "midleft")
                blit(surface, f, "0%", ink, (rect.right - u(8), cy), "midright")
                continue
            a, b = x_of(e["q10_turn"]), x_of(e["q90_turn"])
            pygame.draw.line(surface, ink, (a, cy), (b, cy), max(1, u(2)))
            qa, qb = x_of(e["q25_turn"]), x_of(e["q75_turn"])
            box = pygame.Rect(int(qa), cy - sub_h // 3, max(2, int(qb - qa)), 2 * (sub_h // 3))
            pygame.draw.rect(surface, colour if gi == 0 else pal.paper_light, box)
            pygame.draw.rect(surface, colour, box, 1 if gi == 0 else max(1, u(2)))
            m = (int(x_of(e["median_turn"])), cy)
            pygame.draw.circle(surface, colour, m, max(3, sub_h // 3))
            pygame.draw.circle(surface, pal.paper, m, max(3, sub_h // 3), 1)
            blit(surface, f, f"{(e['share'] or 0) * 100:.0f}%", ink, (rect.right - u(8), cy), "midright")
    _date_ticks(surface, plot, app, dates, x_of, rect.right - u(4))
    y = plot.bottom + f.get_linesize() + u(6)
    where = f"events {first + 1}–{first + len(keys)} of {len(every)} (scroll) · " if len(keys) < len(every) else ""
    for line in wrap(note, where + caption, rect.w - u(16))[:len(cap_lines)]:
        blit(surface, note, line, pal.ink_soft, (rect.x + u(8), y), max_width=rect.w - u(16))
        y += note.get_linesize()
    return fit, len(every)


def _date_ticks(surface, plot: pygame.Rect, app, dates: list[str], x_of, right: int) -> None:
    """The months under a plot, as many as stand apart."""
    pal, u = app.pal, app.u
    f = app.fonts.get("text", 12)
    T = len(dates)
    pygame.draw.line(surface, pal.ink, plot.bottomleft, plot.bottomright, 1)
    step, last_right = max(1, T // 6), -10 ** 6
    for t in range(0, T, step):
        w = f.size(dates[t])[0]
        left = max(plot.x, min(int(x_of(t)) - w // 2, right - w))
        if left >= last_right + u(8):
            pygame.draw.line(surface, pal.ink, (x_of(t), plot.bottom), (x_of(t), plot.bottom + u(3)), 1)
            blit(surface, f, dates[t], pal.ink_soft, (left, plot.bottom + u(2)))
            last_right = left + w


def outcome_colours(pal, outcomes: list[str]) -> dict[str, tuple]:
    """The same leader has the same colour in every chart of the lab screen (collapse grey)."""
    return {o: pal.muted if o == "collapse" else pal.person_colour(i) for i, o in enumerate(outcomes)}


def stacked_leading(surface, rect: pygame.Rect, app, lead: dict, outcomes: list[str], names: dict,
                    title: str) -> None:
    """Who leads, month by month (``lead``: summary["leading"]): stacked areas of the share of
    games in which each leader stands first, the collapse of the alliance on top."""
    pal, u = app.pal, app.u
    top = _frame(surface, rect, app, title)
    dates, shares = lead["dates"], lead["shares"]
    colour = outcome_colours(pal, outcomes)
    order = [o for o in outcomes if o != "collapse"] + (["collapse"] if "collapse" in outcomes else [])
    shown = [o for o in order if any((v or 0) > 0 for v in shares.get(o) or [])]
    top = legend(surface, rect.x + u(8), top, app, [(surname(names.get(o, o)), colour[o], True) for o in shown],
                 rect.w - u(16))
    f = app.fonts.get("text", 12)
    val_w = f.size("100%")[0] + u(10)
    plot = pygame.Rect(rect.x + u(8) + val_w, top + u(6), rect.w - val_w - u(24),
                       rect.bottom - top - f.get_linesize() - u(18))
    T = len(dates)
    if plot.h < u(30) or plot.w < u(40) or T < 2:
        return
    x_of = lambda t: plot.x + plot.w * t / (T - 1)                     # noqa: E731
    y_of = lambda v: plot.bottom - plot.h * v                          # noqa: E731
    base = [0.0] * T
    for o in shown:
        s = shares[o]
        upper = [base[t] + (s[t] or 0.0) for t in range(T)]
        pts = [(x_of(t), y_of(upper[t])) for t in range(T)] + [(x_of(t), y_of(base[t])) for t in reversed(range(T))]
        pygame.draw.polygon(surface, colour[o], pts)
        pygame.draw.lines(surface, pal.paper, False, pts[:T], 1)        # the bands stand apart in grey print
        base = upper
    parts = min(4, gridlines(plot.h, f))
    for k in range(parts + 1):
        v = k / parts
        blit(surface, f, f"{v * 100:.0f}%", pal.ink_soft, (plot.x - u(4), y_of(v)), "midright")
    pygame.draw.rect(surface, pal.ink, plot, 1)
    _date_ticks(surface, plot, app, dates, x_of, rect.right - u(4))
