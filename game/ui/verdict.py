"""The end's verdict in words a player reads without a contradiction: who leads, and beside it
what the player's own result means ("You lead the party, but lost: ..."). Which part of an aim
of several parts failed is read in the replay layer (``game.replay.ending.aims``); this module
only says it to the player."""
from __future__ import annotations

from game.replay.ending import aims


def player_result(session, ending, pid: str) -> tuple[str, bool]:
    """(one sentence on ``pid``'s result read beside the headline, whether he won): a leader of
    the party who lost is told so in one breath, so the two never seem to contradict."""
    res = next((r for r in ending.roles if r.role == pid), None)
    one = len(session.players) == 1
    you = "You" if one else session.name(pid)
    if res is None:
        return "", False
    if res.result == "won":
        return f"{you} won: every aim met.", True
    if res.result == "playing":
        return f"{you}: the game goes on.", False
    if ending.leader is None:
        return f"{you} lost, as every side did: the worker-peasant alliance broke.", False
    defeat = session.defeat(pid) if hasattr(session, "defeat") else None
    if defeat is not None:
        aim, date = defeat
        return f"{you} lost in {people_date(date)}: {aim[:1].lower() + aim[1:]}.", False
    v = session.g.role_ids.index(pid)
    read = aims(session.g, session.state.take([0]), v)
    count = f"{sum(not a.met for a in read)} of {len(read)} aims not achieved"
    if ending.leader == pid:
        lead = "lead" if one else "leads"
        return f"{you} {lead} the party, but lost the game: {count}.", False
    return f"{you} lost: {count}.", False


def people_date(date: str) -> str:
    from game.ui.people import long_date
    return long_date(date)
