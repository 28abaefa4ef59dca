"""The debrief (game.replay.debrief): the outcome and the numbers on the left; on the right the
player's path beside the historical one, the turning points with their reasons, the player's
own decisive votes, the sources quoted and the questions for discussion. Any vote opens voter
by voter. Export writes the whole debrief as HTML or Markdown into a folder the player sees."""
from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.table import TextTable
from game.ui.text import blit, blit_wrapped, wrap
from game.ui.widgets import button, card, header, section_title

TABS = (("path", "Your path"), ("turning", "Turning points"), ("mine", "Your votes"),
        ("sources", "Sources"), ("questions", "Questions"))
RESULT = {"won": "won", "lost": "lost", "playing": "still playing"}


def export_name(debrief, session, suffix: str) -> str:
    return f"debrief-{debrief.scenario}-{session.date}{suffix}"


class DebriefScreen(Screen):
    name = "debrief"

    def __init__(self, app, session, folder=None):
        super().__init__(app)
        self.session = session
        self.debrief = None
        self.error = ""
        self.tab = "path"
        self.folder = str(folder) if folder is not None else None
        self.written: list[str] = []
        self._drawn = False
        vote_recs = [r for r in session.records if r.get("kind") == "vote"]
        self._votes = {(r.get("date"), r.get("text")): r for r in vote_recs}

    def shortcuts(self):
        return [("1-5", "Tabs"), ("H", "Export as HTML"), ("M", "Export as Markdown"), ("Esc", "Back")]

    def build(self) -> None:
        try:
            self.debrief = self.session.debrief()
        except Exception as exc:                 # the debrief is a view: never a crash
            self.error = f"The debrief could not be built ({exc})."
        self.invalidate()
        self.ensure_layout()

    def default_folder(self) -> str:
        from game.replay.files import saves_dir
        return str(saves_dir())

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        bfont = app.fonts.theme_font("display", 19)
        self.back_button = self.header_back_button(w, "Back (Esc)")
        body = pygame.Rect(u(24), self.header_rect.bottom + u(18), w - u(48), h - self.header_rect.bottom - u(36))
        self.left, self.right = layout.split_h(body, [0.32, 0.68], u(20))
        self.rin = layout.inset(self.right, u(14), u(12))
        self.lin = layout.inset(self.left, u(16), u(12))
        tab_h = bfont.get_linesize() + u(12)
        tabs = pygame.Rect(self.rin.x, self.rin.y, self.rin.w, tab_h)
        self.tab_buttons = {}
        for (key, label), r in zip(TABS, layout.split_h(tabs, [1.0] * len(TABS), u(6))):
            b = button(self.manager, r, label, "@option", f"{label} (key {len(self.tab_buttons) + 1})", name=f"tab_{key}")
            if key == self.tab:
                b.select()
            self.tab_buttons[b] = key
        self._footer(bfont)
        self.content = pygame.Rect(self.rin.x, tabs.bottom + u(12), self.rin.w, self.foot.y - tabs.bottom - u(22))
        self.view = self.table = self.numbers = None
        if self.debrief is not None:
            self._build_content()
            self._build_left()

    def _footer(self, bfont) -> None:
        app, u = self.app, self.app.u
        bh = bfont.get_linesize() + u(12)
        note_h = app.fonts.get("italic", 13).get_linesize() * 2
        self.foot = pygame.Rect(self.rin.x, self.rin.bottom - bh - note_h - u(6), self.rin.w, bh + note_h + u(6))
        label = "Export to"
        lw = app.fonts.get("bold", 15).size(label)[0] + u(10)
        hw = max(u(90), bfont.size("HTML")[0] + u(30))
        mw = max(u(120), bfont.size("Markdown")[0] + u(30))
        x_md = self.foot.right - mw
        x_html = x_md - u(8) - hw
        self.label_pos = (self.foot.x, self.foot.y + bh // 2)
        old = self.folder_entry.get_text() if getattr(self, "folder_entry", None) is not None else None
        self.folder_entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(self.foot.x + lw, self.foot.y, x_html - u(10) - self.foot.x - lw, bh), self.manager,
            object_id="#export_folder")
        self.folder_entry.set_text(old or self.folder or self.default_folder())
        self.html_button = button(self.manager, pygame.Rect(x_html, self.foot.y, hw, bh), "HTML", "@action",
                                  "Write the debrief as a web page into this folder (H)", name="export_html")
        self.md_button = button(self.manager, pygame.Rect(x_md, self.foot.y, mw, bh), "Markdown", "@action",
                                "Write the debrief as Markdown text into this folder (M)", name="export_md")
        self.note_rect = pygame.Rect(self.foot.x, self.foot.y + bh + u(6), self.foot.w, note_h)
        if self.debrief is None:
            self.html_button.disable()
            self.md_button.disable()

    def _build_content(self) -> None:
        app, pal, d = self.app, self.app.pal, self.debrief
        if self.tab == "path":
            note = app.fonts.get("italic", 13)
            lines = wrap(note, d.path_note, self.content.w)[:3]
            self.path_note = lines
            top = len(lines) * note.get_linesize() + app.u(8)
            rect = pygame.Rect(self.content.x, self.content.y + top, self.content.w, self.content.h - top)
            rows = [[r.date, "\n".join(r.game) or "—", "\n".join(r.history) or "—"] for r in d.path]
            self.table = TextTable(app, rect, ["Month", "Your game", "History"], rows, [0.14, 0.43, 0.43])
            return
        rich = RichText(self._markup(), app.fonts, 15, "serif", pal.ink, pal.link, pal.accent,
                        label_for=app.glossary.label)
        self.view = RichTextView(self.content, rich, pal.accent)

    def _markup(self) -> str:
        d, mark = self.debrief, self.app.glossary.mark
        if self.tab in ("turning", "mine"):
            votes = d.turning_points if self.tab == "turning" else d.player_votes
            if not votes:
                return ("*No vote in this game was close or changed a post.*" if self.tab == "turning" else
                        "*No vote was moved by you or against you, and none you took part in was close.*")
            intro = ("The votes that mattered: those decided by few votes, and those that changed who held a "
                     "post or a seat." if self.tab == "turning" else "The votes you moved, that were aimed at you, "
                     "or that were close and you took part in.")
            return "*" + intro + "*\n\n" + "\n\n".join(self._vote(v) for v in votes)
        if self.tab == "sources":
            titles = self.app.glossary.source_titles
            quoted = [s for s in d.sources if s.quotation]
            parts = [f"“{s.quote}”\n*— {titles.get(s.file, s.file)} ({s.where})*" for s in quoted]
            recon = [s.where for s in d.sources if not s.quotation]
            if recon:
                parts.append("**Reconstructions** (general history, not quotations): " + "; ".join(recon) + ".")
            return "\n\n".join(parts) or "*No source was quoted in this game.*"
        return "\n\n".join(f"**{i}.** {mark(q)}" for i, q in enumerate(d.questions, 1)) or "*No questions.*"

    def _vote(self, v) -> str:
        out = f"**{v.date} — {v.text}**"
        if v.part:
            out += f"\n*{v.part}*"
        out += "\n" + " ".join(w for w in v.why if not w.startswith("Those who"))
        rec = self._votes.get((v.date, v.text))
        if rec is not None:
            out += f"\n[[vote_{id(rec)}|See this vote voter by voter]]"
        return out

    def _build_left(self) -> None:
        app, u, d = self.app, self.app.u, self.debrief
        rows = [[label, a, b, c] for label, a, b, c in d.numbers]
        title_h = app.fonts.get("display", 20).get_linesize() + u(12)
        top = self.lin.y + title_h + self._outcome_height() + u(12)
        h = max(int(self.lin.h * 0.30), self.lin.bottom - top - title_h)
        rect = pygame.Rect(self.lin.x, self.lin.bottom - h, self.lin.w, h)
        self.numbers = TextTable(app, rect, ["", "Start", "End", "History"], rows, [0.40, 0.18, 0.18, 0.24],
                                 size=12, first_bold=False)
        self.numbers_title = pygame.Rect(self.lin.x, rect.y - title_h, self.lin.w, 10)

    def _outcome_height(self) -> int:
        app, u, d = self.app, self.app.u, self.debrief
        f, small, bold = app.fonts.get("serif_bold", 17), app.fonts.get("text", 13), app.fonts.get("bold", 14)
        lines = min(3, len(wrap(f, d.outcome, self.lin.w)))
        facts = 3 + (1 if d.took_over else 0)
        return (lines * f.get_linesize() + u(4) + self._standing_height() + facts * small.get_linesize()
                + u(6) + len(d.roles) * (bold.get_linesize() + u(2)))

    STANDING_LINES = 2       # how the leader stands, under the outcome (all of it in the exports)

    def _standing_height(self) -> int:
        d = self.debrief
        if not d.standing:
            return 0
        f = self.app.fonts.get("italic", 13)
        lines = min(self.STANDING_LINES, len(wrap(f, d.standing, self.lin.w)))
        return lines * f.get_linesize() + self.app.u(4)

    # ---------------------------------------------------------------- events
    def set_tab(self, key: str) -> None:
        self.tab = key
        for b, k in self.tab_buttons.items():
            b.select() if k == key else b.unselect()
        if self.debrief is not None:
            self._build_content()

    def export(self, suffix: str) -> None:
        from game.ui.screens.message import MessageDialog
        if self.debrief is None:
            return
        folder = Path(self.folder_entry.get_text().strip() or self.default_folder()).expanduser()
        path = folder / export_name(self.debrief, self.session, suffix)
        try:
            self.debrief.write(path)
        except OSError as err:
            self.app.push(MessageDialog(self.app, "The debrief was not written",
                                        f"{path} could not be written ({err.strerror or err}).", kind="error"))
            return
        self.written.append(str(path))
        what = "web page (open it in a browser)" if suffix == ".html" else "Markdown text"
        self.app.push(MessageDialog(self.app, "Debrief written", f"The debrief was written as a {what} to {path}."))

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                self.back()
            elif event.ui_element in self.tab_buttons:
                self.set_tab(self.tab_buttons[event.ui_element])
            elif event.ui_element is self.html_button:
                self.export(".html")
            elif event.ui_element is self.md_button:
                self.export(".md")
            return True
        if event.type == pygame.KEYDOWN and not self.text_input_focused():
            keys = {pygame.K_1 + i: key for i, (key, _) in enumerate(TABS)}
            if event.key in keys:
                self.set_tab(keys[event.key])
                return True
            if event.key in (pygame.K_h, pygame.K_m):
                self.export(".html" if event.key == pygame.K_h else ".md")
                return True
        for widget in (self.table, self.numbers):
            if widget is not None and widget.handle_event(event):
                return True
        if self.view is not None:
            link = self.view.handle_event(event)
            if link:
                self.follow(link)
                return True
        return False

    def follow(self, link: str) -> None:
        if link.startswith("vote_"):
            from game.ui.screens.vote_screen import VoteScreen
            rec = next((r for r in self._votes.values() if f"vote_{id(r)}" == link), None)
            if rec is not None:
                self.app.push(VoteScreen(self.app, self.session, [rec]))
            return
        self.app.open_glossary(link)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.debrief is None and not self.error and self._drawn:
            self.build()

    # ---------------------------------------------------------------- drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        d = self.debrief
        header(surface, self.header_rect, "Debrief", app, d.title if d else self.session.scenario.title)
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        self._drawn = True
        if d is None:
            text = self.error or "Preparing the debrief: playing the historical path to compare…"
            blit_wrapped(surface, app.fonts.get("italic", 17), text, pal.ink_soft, self.content)
            return
        self._left(surface)
        self._footer_text(surface)
        if self.tab == "path" and self.table is not None:
            f = app.fonts.get("italic", 13)
            y = self.content.y
            for line in self.path_note:
                blit(surface, f, line, pal.ink_soft, (self.content.x, y))
                y += f.get_linesize()
            self.table.draw(surface)
        elif self.view is not None:
            self.view.draw(surface)

    def _left(self, surface) -> None:
        app, pal, u, d = self.app, self.app.pal, self.app.u, self.debrief
        lin = self.lin
        y = section_title(surface, lin, "Outcome", app)
        limit = self.numbers_title.y - u(6)
        f = app.fonts.get("serif_bold", 17)
        for line in wrap(f, d.outcome, lin.w)[:3]:
            blit(surface, f, line, pal.accent, (lin.x, y))
            y += f.get_linesize()
        y += u(4)
        if d.standing:
            it = app.fonts.get("italic", 13)
            blit_wrapped(surface, it, d.standing, pal.ink_soft, pygame.Rect(lin.x, y, lin.w, limit - y),
                         spacing=1.0, max_lines=self.STANDING_LINES)
            y += self._standing_height()
        small = app.fonts.get("text", 13)
        facts = [f"Played by {', '.join(d.players) or 'the computer alone'}", f"{people.long_date(d.period[:7])} to "
                 f"{people.long_date(d.period[-7:])} · seed {d.seed}"]
        if d.took_over:
            facts.append(f"Taken over from history in {people.long_date(d.took_over)}")
        facts.append(f"Historiography: structural weight {d.structural:.2f}")
        for fact in facts:
            if y + small.get_linesize() > limit:
                break
            blit(surface, small, fact, pal.ink_soft, (lin.x, y), max_width=lin.w)
            y += small.get_linesize()
        y += u(6)
        bold = app.fonts.get("bold", 14)
        for name, res, why in d.roles:
            if y + bold.get_linesize() > limit:
                break
            self.tips.add_frame(pygame.Rect(lin.x, y, lin.w, bold.get_linesize()), f"{name}: {why}")
            word = RESULT.get(res, res).upper()
            wr = blit(surface, app.fonts.get("display", 15), word, pal.good if res == "won" else pal.bad,
                      (lin.right, y), "topright")
            blit(surface, bold, name, pal.ink, (lin.x, y), max_width=wr.x - lin.x - u(8))
            y += bold.get_linesize() + u(2)
        section_title(surface, self.numbers_title, "The numbers", app)
        self.numbers.draw(surface)

    def _footer_text(self, surface) -> None:
        app, pal = self.app, self.app.pal
        blit(surface, app.fonts.get("bold", 15), "Export to", pal.ink, self.label_pos, "midleft")
        if self.written:
            blit_wrapped(surface, app.fonts.get("italic", 13), "Written: " + self.written[-1], pal.ink_soft,
                         self.note_rect, spacing=1.0, max_lines=2)
        else:
            blit_wrapped(surface, app.fonts.get("italic", 13), "Export writes the whole debrief — path, votes with "
                         "every voter's reasons, sources, questions — to hand in or discuss.", pal.ink_soft,
                         self.note_rect, spacing=1.0, max_lines=2)
