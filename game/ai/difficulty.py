"""How well the computer rivals play. Difficulty changes the players, never the rules.

- ``noise``: how erratic their choices are (spread added to what each action is worth, in
  hundredths of a standing point);
- ``misjudge``: how far off their reading of a vote may be (spread of the error on the share of
  votes they expect);
- ``horizon``: how far ahead they look, in months (an appointment counts for the next Congress
  only if it falls within it);
- ``ap_share``: the share of their action points they use (a fraction of a point is used with
  that chance); ``picks``: most actions a turn;
  ``motions``: most motions a turn;
- ``coordinate``: how much more they fear the human player than his standing alone would
  warrant (negative: they underrate him);
- ``perception``: how far each rival's first impressions of the others vary from game to game
  (the spread of a log-normal factor on ``threat.<id>``, drawn once per game): history could
  have gone otherwise because men misjudged each other;
- ``shrewd`` (0..1): how much of their first impressions (and so of their blind spots) they
  shed;
- ``urgency`` (0..1): how much sooner they move against the human player than their patience
  would let them move against anyone else; ``mercy``: what a motion against him is worth to
  them (1: as against anyone; less: they spare him);
- ``pretext``: they take a beaten human player's Politburo seat only after a breach of the ban
  on factions, as they treat one another (game.ai.value_motions._seat_forfeit); without it
  (hard) they cut off his head for his views alone. A stand-in for the player plays the rules,
  not the party's manners, and has none.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Difficulty:
    name: str
    noise: float
    misjudge: float
    horizon: float
    ap_share: float
    picks: int
    motions: int
    coordinate: float
    choice_noise: float
    perception: float = 0.35
    shrewd: float = 0.0
    urgency: float = 0.0
    mercy: float = 1.0
    pretext: bool = True


LEVELS = {
    # easy rivals hardly see the human player coming: they fight each other and leave him be
    "easy": Difficulty("easy", noise=3.0, misjudge=0.12, horizon=2.0, ap_share=0.35, picks=1,
                       motions=1, coordinate=-0.85, choice_noise=0.03, perception=0.5,
                       mercy=0.0),
    "normal": Difficulty("normal", noise=0.6, misjudge=0.04, horizon=18.0, ap_share=1.0,
                         picks=3, motions=1, coordinate=0.15, choice_noise=0.01,
                         perception=0.4),
    "hard": Difficulty("hard", noise=0.15, misjudge=0.0, horizon=36.0, ap_share=1.0, picks=4,
                       motions=2, coordinate=0.6, choice_noise=0.0, perception=0.3,
                       shrewd=0.6, urgency=0.9, pretext=False),
}
ORDER = ("easy", "normal", "hard")


def level(name: "str | Difficulty | None") -> Difficulty:
    """A difficulty by name (None: normal)."""
    if isinstance(name, Difficulty):
        return name
    key = (name or "normal").lower()
    if key not in LEVELS:
        raise ValueError(f"unknown difficulty {name!r}; choose one of {', '.join(ORDER)}")
    return LEVELS[key]
