"""The text of one month of the historical replay, as rich-text markup: the script's commentary
with its sources quoted, the events, the sitting, the votes with why each went as it did, and
the rest of the month's record. Links ``rec_N`` open the month's N-th record in its own view."""
from __future__ import annotations

GENERAL = "general history"
OTHER_SKIP = ("history", "vote", "sitting", "end")


def _clean(text: str) -> str:
    """Log text inside markup: no stray markup characters."""
    return str(text).replace("**", "").replace("[[", "[").replace("]]", "]")


def source_line(app, src: dict | None) -> str:
    if not src or not src.get("file"):
        return ""
    if src["file"].strip().lower() == GENERAL or not src.get("quote"):
        return "*(General history: a reconstruction, not a quotation.)*"
    title = app.glossary.source_titles.get(src["file"], src["file"])
    return f"*“{_clean(src['quote'])}”* — {title}"


def opening(app, model) -> str:
    sc = model.g.scenario
    parts = [f"**{_clean(sc.title)}.** " + app.glossary.mark(_clean(sc.briefing or sc.description or ""))]
    notes = model.notes_at(1)
    if notes:
        parts.append("**First, history will:** " + " ".join(_clean(n["text"]) for n in notes[:3]))
    parts.append(f"*{model.hint}*")
    if not sc.script and model.scripted:
        parts.append("**This scenario has no historical script:** there is nothing to replay.")
    return "\n\n".join(parts)


def month_markup(app, model, pos: int, records: list[dict]) -> str:
    if pos == 0:
        return opening(app, model)
    if pos > model.played:
        return f"*{model.waiting}*"
    from game.replay.debrief import explain_vote
    mark = app.glossary.mark
    parts = []
    notes = [r for r in records if r.get("kind") == "history"]
    if notes:
        lines = ["**What history did**"]
        for n in notes:
            src = source_line(app, n.get("source"))
            lines.append("— " + _clean(n.get("text", "")) + (f"\n   {src}" if src else ""))
        parts.append("\n".join(lines))
    events = [(i, r) for i, r in enumerate(records) if r.get("event") and r.get("kind") != "history"]
    for i, r in events:
        text = f"**{_clean(r.get('title') or r.get('text', ''))}.** " + mark(_clean(r.get("detail", "")))
        if r.get("choice_label"):
            text += f" *Decided: {_clean(r['choice_label'])}.*"
        src = source_line(app, r.get("source"))
        parts.append(text + (f"\n{src}" if src else "") + f"\n[[rec_{i}|Read the event]]")
    for i, r in enumerate(records):
        if r.get("kind") == "sitting":
            parts.append(f"**{_clean(r.get('text', ''))}** [[rec_{i}|The delegations, region by region]]")
    votes = [(i, r) for i, r in enumerate(records) if r.get("kind") == "vote"]
    if votes:
        lines = ["**The votes**"]
        for i, r in votes:
            why = explain_vote(model.g, r).why
            reason = " ".join(_clean(w) for w in why if not w.startswith("Those who"))
            lines.append(f"— {_clean(r.get('text', ''))} {reason} [[rec_{i}|Voter by voter]]")
        parts.append("\n".join(lines))
    other = [_clean(r.get("text", "")) for r in records
             if r.get("kind") not in OTHER_SKIP and not r.get("event")]
    if other:
        parts.append("**Also this month:** " + " · ".join(other))
    if not parts:
        parts.append(f"*{model.quiet}*")
    return "\n\n".join(parts)
