"""The debrief as a document a student can hand in: Markdown or a self-contained HTML page."""
from __future__ import annotations

import html as _html
from pathlib import Path
from typing import TYPE_CHECKING

from .files import atomic_write

if TYPE_CHECKING:
    from .debrief import Debrief, VoteView

RESULT = {"won": "won", "lost": "lost", "playing": "still playing"}


def write(d: "Debrief", path) -> Path:
    """HTML for ``.html``/``.htm``, Markdown otherwise."""
    text = html(d) if Path(path).suffix.lower() in (".html", ".htm") else markdown(d)
    return atomic_write(path, text.encode("utf-8"), keep_backup=False)


# ---------------------------------------------------------------------- Markdown
def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or line."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") \
        .replace("*", "\\*").replace("_", "\\_")


def markdown(d: "Debrief") -> str:
    out = [f"# Debrief: {_md(d.title)}", ""]
    out += [f"- **Played by:** {_md(', '.join(d.players) or 'the computer alone')}",
            f"- **Period:** {d.period}; seed {d.seed}"]
    if d.took_over:
        out.append(f"- **Taken over from the historical replay in** {d.took_over}")
    out += [f"- **Outcome:** {_md(d.outcome)}"]
    if d.standing:
        out.append(f"- **How he stands:** {_md(d.standing)}")
    out += [f"- {_md(name)}: {RESULT.get(res, res)}. {_md(why)}" for name, res, why in d.roles]
    out += ["", "## Your decisive votes", ""]
    if d.player_votes:
        for v in d.player_votes:
            out += _md_vote(v)
    else:
        out += ["No vote was moved by you or against you, and none you took part in was close.",
                ""]
    out += ["## Turning points", "",
            "The votes that mattered: those decided by few votes, and those that changed who "
            "held a post or a seat.", ""]
    for v in d.turning_points:
        out += _md_vote(v)
    if not d.turning_points:
        out += ["No vote in this game was close or changed a post.", ""]
    out += ["## Your path beside history", "", _md(d.path_note), "",
            "| Month | Your game | History |", "|---|---|---|"]
    for row in d.path:
        out.append(f"| {row.date} | {'<br>'.join(_md(x) for x in row.game)} | "
                   f"{'<br>'.join(_md(x) for x in row.history)} |")
    out += ["", "## The numbers", "", "| | Start | End of your game | End in history |",
            "|---|---|---|---|"]
    out += [f"| {_md(a)} | {b} | {c} | {e} |" for a, b, c, e in d.numbers]
    out += ["", "## Sources quoted", ""]
    quoted = [s for s in d.sources if s.quotation]
    for s in quoted:
        out.append(f"- “{_md(s.quote)}” — {_md(s.file)} ({_md(s.where)})")
    if not quoted:
        out.append("- No source was quoted in this game.")
    recon = [s for s in d.sources if not s.quotation]
    if recon:
        out += ["", "Reconstructions (general history, not quotations): "
                + "; ".join(_md(s.where) for s in recon) + "."]
    out += ["", "## Questions for discussion", ""]
    out += [f"{i}. {_md(q)}" for i, q in enumerate(d.questions, 1)]
    return "\n".join(out) + "\n"


def _md_vote(v: "VoteView") -> list[str]:
    out = [f"### {v.date} — {_md(v.text)}", ""]
    if v.part:
        out += [f"*{_md(v.part)}*", ""]
    out += [_md(" ".join(v.why)), ""]
    if v.voters:
        out += ["| Voter | Vote | Reasons |", "|---|---|---|"]
        out += [f"| {_md(n)} | {vote} | {_md(r)} |" for n, vote, r in v.voters]
        out.append("")
    out += [f"- {_md(g)}" for g in v.groups]
    return out + ([""] if v.groups else [])


# ---------------------------------------------------------------------- HTML
CSS = """
body { font-family: Georgia, 'PT Serif', serif; max-width: 52em; margin: 2em auto; padding: 0 1em;
       color: #1d1d1d; line-height: 1.45; }
h1 { border-bottom: 3px solid #8b1a1a; padding-bottom: .2em; }
h2 { color: #8b1a1a; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: #f1ece4; }
blockquote { margin: .4em 0 .4em 1em; padding-left: .8em; border-left: 3px solid #bbb; }
.part { font-style: italic; color: #5a3a00; }
.meta { color: #444; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
"""


def _e(text) -> str:
    return _html.escape(str(text), quote=True)


def html(d: "Debrief") -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>Debrief: {_e(d.title)}</title><style>{CSS}</style></head><body>",
           f"<h1>Debrief: {_e(d.title)}</h1>", '<ul class="meta">',
           f"<li><b>Played by:</b> {_e(', '.join(d.players) or 'the computer alone')}</li>",
           f"<li><b>Period:</b> {_e(d.period)}; seed {d.seed}</li>"]
    if d.took_over:
        out.append(f"<li><b>Taken over from the historical replay in</b> {_e(d.took_over)}</li>")
    out.append(f"<li><b>Outcome:</b> {_e(d.outcome)}</li>")
    if d.standing:
        out.append(f"<li><b>How he stands:</b> {_e(d.standing)}</li>")
    out += [f"<li>{_e(n)}: {_e(RESULT.get(r, r))}. {_e(why)}</li>" for n, r, why in d.roles]
    out += ["</ul>", "<h2>Your decisive votes</h2>"]
    out += [x for v in d.player_votes for x in _html_vote(v)] or \
        ["<p>No vote was moved by you or against you, and none you took part in was close.</p>"]
    out += ["<h2>Turning points</h2>", "<p>The votes that mattered: those decided by few votes, "
            "and those that changed who held a post or a seat.</p>"]
    out += [x for v in d.turning_points for x in _html_vote(v)] or \
        ["<p>No vote in this game was close or changed a post.</p>"]
    out += ["<h2>Your path beside history</h2>", f"<p>{_e(d.path_note)}</p>",
            "<table><tr><th>Month</th><th>Your game</th><th>History</th></tr>"]
    for row in d.path:
        out.append(f"<tr><td>{_e(row.date)}</td><td>{'<br>'.join(_e(x) for x in row.game)}"
                   f"</td><td>{'<br>'.join(_e(x) for x in row.history)}</td></tr>")
    out += ["</table>", "<h2>The numbers</h2>",
            "<table><tr><th></th><th>Start</th><th>End of your game</th>"
            "<th>End in history</th></tr>"]
    out += [f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td>{_e(c)}</td><td>{_e(e)}</td></tr>"
            for a, b, c, e in d.numbers]
    out += ["</table>", "<h2>Sources quoted</h2>"]
    quoted = [s for s in d.sources if s.quotation]
    for s in quoted:
        out.append(f"<blockquote>“{_e(s.quote)}”<br><small>{_e(s.file)} — {_e(s.where)}"
                   f"</small></blockquote>")
    if not quoted:
        out.append("<p>No source was quoted in this game.</p>")
    recon = [s for s in d.sources if not s.quotation]
    if recon:
        out.append("<p><small>Reconstructions (general history, not quotations): "
                   + "; ".join(_e(s.where) for s in recon) + ".</small></p>")
    out += ["<h2>Questions for discussion</h2>", "<ol>"]
    out += [f"<li>{_e(q)}</li>" for q in d.questions]
    out += ["</ol>", "</body></html>"]
    return "\n".join(out) + "\n"


def _html_vote(v: "VoteView") -> list[str]:
    out = [f"<h3>{_e(v.date)} — {_e(v.text)}</h3>"]
    if v.part:
        out.append(f'<p class="part">{_e(v.part)}</p>')
    out.append(f"<p>{_e(' '.join(v.why))}</p>")
    if v.voters:
        out.append("<table><tr><th>Voter</th><th>Vote</th><th>Reasons</th></tr>")
        out += [f"<tr><td>{_e(n)}</td><td>{_e(vote)}</td><td>{_e(r)}</td></tr>"
                for n, vote, r in v.voters]
        out.append("</table>")
    if v.groups:
        out.append("<ul>" + "".join(f"<li>{_e(g)}</li>" for g in v.groups) + "</ul>")
    return out
