"""Settings: window size, full screen, text size, colour-blind palette, sound. Saved at once."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art, layout
from game.ui.palette import DASHES
from game.ui.paths import config_dir
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.settings import TEXT_SIZES, WINDOW_SIZES
from game.ui.text import blit, blit_wrapped, wrap
from game.ui.widgets import button, card, header, section_title

PREVIEW = ("When the [[scissors_crisis|scissors]] opened in March 1923, industrial prices stood at "
           "**140** and agricultural prices under **80** (1913 = 100). Click an underlined term to "
           "open the encyclopaedia.\n\nКириллица: Политбюро ЦК, протокол № 1.")


def option_rows(settings) -> list[tuple[str, str, list[tuple[object, str]], object]]:
    """(setting, label and note, [(value, caption)], current value) for each row."""
    return [
        ("window", "Window size|The size of the window when not full screen",
         [(s, f"{s[0]}×{s[1]}") for s in WINDOW_SIZES], settings.window),
        ("fullscreen", "Full screen|F11 switches at any time", [(False, "Off"), (True, "On")], settings.fullscreen),
        ("text_size", "Text size|Every screen is laid out again",
         [(t, t.capitalize()) for t in TEXT_SIZES], settings.text_size),
        ("colourblind", "Colours|A palette safe for colour blindness",
         [(False, "Poster"), (True, "Colour-blind safe")], settings.colourblind),
        ("sound", "Sound|Clicks and stamps", [(True, "On"), (False, "Off")], settings.sound),
        ("tutorial_done", "Guided turn|Show the guided first turn again at the next new game",
         [(False, "Show again"), (True, "Seen")], settings.tutorial_done),
    ]


class SettingsScreen(Screen):
    name = "settings"

    def shortcuts(self):
        return [("Esc", "Back to the menu"), ("T", "Next text size"), ("C", "Colour-blind palette on or off")]

    def layout(self, rect: pygame.Rect) -> None:
        u, w, h = self.app.u, rect.w, rect.h
        self.header_rect = self.poster_header(w)
        hb = self.header_rect
        self.back_button = self.header_back_button(w, "Return to the menu (Esc)")
        body = pygame.Rect(u(30), hb.bottom + u(22), w - u(60), h - hb.bottom - u(60))
        self.left, self.right = layout.split_h(body, [0.60, 0.40], u(28))
        self.option_buttons: dict[pygame_gui.elements.UIButton, tuple[str, object]] = {}
        rows = option_rows(self.app.settings)
        foot_h = self.app.fonts.get("italic", 13).get_linesize() + u(8)
        rows_area = layout.inset(self.left, u(18))
        rows_area.h -= foot_h
        row_rects = layout.split_v(rows_area, [1.0] * len(rows), u(6))
        self.row_labels = []
        label_w = int(self.left.w * 0.36)
        bfont = self.app.fonts.theme_font("display", 19)
        for (key, label, options, current), r in zip(rows, row_rects):
            self.row_labels.append((label, pygame.Rect(r.x, r.y, label_w - u(10), r.h)))
            area = pygame.Rect(r.x + label_w, r.y, r.w - label_w, r.h)
            bh = min(area.h - u(8), bfont.get_linesize() + u(16))
            widths = [max(bfont.size(c)[0] + u(26), u(60)) for _, c in options]
            scale = min(1.0, (area.w - u(6) * (len(options) - 1)) / sum(widths))
            x = area.x
            for (value, caption), bw_ in zip(options, widths):
                bw_ = int(bw_ * scale)
                b = button(self.manager, pygame.Rect(x, area.centery - bh // 2, bw_, bh), caption, "@option",
                           name=f"{key}_{caption}".lower().replace("×", "x").replace(" ", "_").replace("-", "_"))
                if value == current:
                    b.select()
                if key == "window" and self.app.settings.fullscreen:
                    b.disable()
                self.option_buttons[b] = (key, value)
                x += bw_ + u(6)
        self._preview_layout()

    def _preview_layout(self) -> None:
        u, pal = self.app.u, self.app.pal
        inner = layout.inset(self.right, u(18))
        self.preview_title = inner
        title_h = self.app.fonts.get("display", 20).get_linesize() + u(12)
        chart_h = int(inner.h * 0.30)
        text_rect = pygame.Rect(inner.x, inner.y + title_h, inner.w, inner.h - title_h - chart_h - u(14))
        rich = RichText(self.app.glossary.mark(PREVIEW) if hasattr(self.app, "glossary") else PREVIEW,
                        self.app.fonts, 17, "serif", pal.ink, pal.link, pal.accent,
                        label_for=self.app.glossary.label)
        self.preview = RichTextView(text_rect, rich, pal.accent)
        self.chart_rect = pygame.Rect(inner.x, inner.bottom - chart_h, inner.w, chart_h)

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                self.back()
                return True
            if event.ui_element in self.option_buttons:
                key, value = self.option_buttons[event.ui_element]
                self.app.apply_settings(self.app.settings.but(**{key: value}))
                return True
        link = self.preview.handle_event(event)
        if link:
            self.app.open_glossary(link)
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_t:
            i = (TEXT_SIZES.index(self.app.settings.text_size) + 1) % len(TEXT_SIZES)
            self.app.apply_settings(self.app.settings.but(text_size=TEXT_SIZES[i]))
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_c:
            self.app.apply_settings(self.app.settings.but(colourblind=not self.app.settings.colourblind))
            return True
        return False

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u, fonts = self.app, self.app.pal, self.app.u, self.app.fonts
        header(surface, self.header_rect, "Settings", app, "saved as you change them")
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        lf, nf = fonts.get("display", 21), fonts.get("italic", 13)
        for label, r in self.row_labels:
            name, note = label.split("|")
            note_h = min(2, len(wrap(nf, note, r.w))) * nf.get_linesize()
            top = r.centery - (lf.get_linesize() + note_h) // 2
            lr = blit(surface, lf, name.upper(), pal.ink, (r.x, top), "topleft", max_width=r.w)
            blit_wrapped(surface, nf, note, pal.ink_soft, pygame.Rect(r.x, lr.bottom, r.w, note_h + u(4)),
                         spacing=1.0, max_lines=2)
        section_title(surface, self.preview_title, "Preview", app)
        self.preview.draw(surface)
        self._draw_chart(surface)
        foot = fonts.get("italic", 13)
        blit(surface, foot, f"Saved in {config_dir()}", pal.ink_soft,
             (self.left.x + u(18), self.left.bottom - u(8)), "bottomleft", max_width=self.left.w - u(36))

    def _draw_chart(self, surface: pygame.Surface) -> None:
        """A small sample of the chart style: two series, colour plus dash pattern."""
        pal, u, r = self.app.pal, self.app.u, self.chart_rect
        pygame.draw.rect(surface, pal.paper, r)
        pygame.draw.rect(surface, pal.ink, r, 1)
        pts_a = [(0.0, 0.55), (0.25, 0.45), (0.5, 0.2), (0.75, 0.3), (1.0, 0.5)]
        pts_b = [(0.0, 0.55), (0.25, 0.65), (0.5, 0.85), (0.75, 0.75), (1.0, 0.6)]
        inner = layout.inset(r, u(10))
        for i, pts in enumerate((pts_a, pts_b)):
            xy = [(inner.x + x * inner.w, inner.y + y * inner.h) for x, y in pts]
            for a, b in zip(xy, xy[1:]):
                art.dashed_line(surface, pal.series[i if not pal.name == "poster" else (0, 1)[i]], a, b,
                                max(2, u(3)), tuple(d * u(1) for d in DASHES[i]))
        f = self.app.fonts.get("text", 13)
        blit(surface, f, "industrial prices", pal.series[0], (inner.x, inner.y), "topleft")
        blit(surface, f, "agricultural prices", pal.series[1], (inner.x, inner.bottom), "bottomleft")
