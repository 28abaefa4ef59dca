"""Each computer leader's character: what he likes to do, how bold and how patient he is.

Character is data. A scenario sets it per person under ``ai:`` (``Person.ai``, a mapping of
names to numbers); a key it leaves out takes the default below for that person id, or the
plain default for anyone else. The keys:

- an action kind (``appoint_secretary``, ``recruit``, ``polemic``, ``speak``, ``propose``,
  ``condemn``, ``remove_from_post``, ``expel``, ``demote``, ``promote``, ``gather_information``,
  ``testament``, ``set_comintern``, ``form_bloc``, ``join_bloc``, ``leave_bloc``): a multiplier
  on what that kind of action is worth to him (1 = its plain value);
- ``aggression`` (0..2): appetite for motions against rivals;
- ``caution`` (0..1): how sure of the vote he must be before he moves (0.5: fairly sure);
- ``patience`` (0..1): how long he builds before he attacks (1: a motion against a rival not
  before a third of the game; a polemic or the Testament after half as long; packing the
  Politburo with his men as long as a motion). A man in a bloc moves against others at the
  pace of its most patient computer member (game.ai.value_motions.pace);
- ``alliance`` (0..2): readiness to form and join alliances;
- ``principle`` (0..2): how much the line (ideology) matters against tactical gain;
- ``ambition`` (0..2): how much he wants to lead himself (an ambitious man keeps fearing his
  allies; a modest one rallies behind a stronger friend);
- ``threat.<person id>``: a multiplier on how much he fears that person at the start
  (Zinoviev's ``threat.trotsky: 1.8``; the Old Bolsheviks' ``threat.stalin: 0.5``, who took the
  General Secretary for a clerk);
- ``fade`` (0..1): the share of the game by which those first impressions have faded and he
  judges by the balance of forces alone (default 0.55: 1926 in the campaign);
- ``hold`` (0 or 1): 1 - those first impressions do not fade at all while anyone he feared
  beyond the balance of forces at the start (``threat.<id>`` above 1) still sits in the
  Central Committee, nor after that while no policy in force stands against his views or
  those of a man he regarded (``threat.<id>`` below 1; game.ai.context.parted): an alliance
  against a common enemy lasts until that enemy is beaten, whatever the date, and then until
  the line parts them (Stalin and Bukharin against the Left, then over the grain; 001: "Later,
  in 1928, having defeated the Left, Stalin turned on Bukharin");
- ``ally.<person id>``: how much he wants that person in his camp (0: indifferent).

The defaults follow the source texts: Stalin the patient organiser (appointments, recruitment,
the police files); Trotsky principled, a speaker and polemicist reluctant to fight for posts,
to ally, or to attack Stalin early; Zinoviev and Kamenev ambitious and wary of Trotsky;
Bukharin for the peasant market, Rykov and Tomsky with him; Lenin against Stalin's rudeness.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..engine.actions import KIND_IDS

if TYPE_CHECKING:
    from ..engine.game import Game

TRAITS = {"aggression": 1.0, "caution": 0.5, "patience": 0.5, "alliance": 1.0,
          "principle": 1.0, "ambition": 1.0, "fade": 0.55, "hold": 0.0}
KIND_KEYS = tuple(k for k in KIND_IDS if k != "pass")

DEFAULTS: dict[str, dict[str, float]] = {
    "stalin": {"appoint_secretary": 2.2, "recruit": 1.3, "gather_information": 1.6,
               "promote": 1.6, "remove_from_post": 1.3, "expel": 1.3, "demote": 1.2,
               "polemic": 0.5, "speak": 0.9, "propose": 0.8, "testament": 1.2,
               "join_bloc": 1.2, "form_bloc": 1.2,
               "aggression": 1.0, "caution": 0.65, "patience": 0.85, "alliance": 1.3,
               "principle": 0.4, "ambition": 1.6, "threat.trotsky": 1.4,
               "threat.bukharin": 0.3, "threat.rykov": 0.4, "threat.tomsky": 0.4, "fade": 0.85,
               "hold": 1.0},
    "trotsky": {"polemic": 2.0, "speak": 1.8, "propose": 1.6, "appoint_secretary": 0.5,
                "form_bloc": 0.6, "join_bloc": 0.5, "condemn": 0.7, "remove_from_post": 0.5,
                "expel": 0.3, "demote": 0.5, "promote": 0.5, "testament": 1.2,
                "aggression": 0.7, "caution": 0.35, "patience": 0.85, "alliance": 0.35,
                "principle": 1.8, "ambition": 0.9, "threat.stalin": 0.5, "threat.zinoviev": 1.3,
                "threat.kamenev": 1.2},
    "zinoviev": {"speak": 1.4, "polemic": 1.3, "condemn": 1.4, "expel": 1.3, "form_bloc": 1.3,
                 "join_bloc": 1.3, "set_comintern": 1.3,
                 "aggression": 1.2, "caution": 0.4, "patience": 0.3, "alliance": 1.3,
                 "principle": 0.7, "ambition": 1.5, "threat.trotsky": 1.8, "threat.stalin": 0.5,
                 "ally.kamenev": 0.6},
    "kamenev": {"join_bloc": 1.3, "form_bloc": 1.1, "propose": 1.1, "polemic": 0.8,
                "aggression": 0.7, "caution": 0.6, "patience": 0.5, "alliance": 1.4,
                "principle": 0.8, "ambition": 1.0, "threat.trotsky": 1.6, "threat.stalin": 0.5,
                "ally.zinoviev": 0.6},
    "bukharin": {"propose": 1.8, "polemic": 0.8, "speak": 1.2, "join_bloc": 1.1,
                 "aggression": 0.6, "caution": 0.6, "patience": 0.6, "alliance": 1.1,
                 "principle": 1.5, "ambition": 0.8, "threat.trotsky": 1.4, "threat.stalin": 0.4,
                 "threat.zinoviev": 1.2, "ally.rykov": 0.3, "ally.tomsky": 0.3, "fade": 0.75,
                 "hold": 1.0},
    "rykov": {"propose": 1.2, "join_bloc": 1.3, "polemic": 0.7,
              "aggression": 0.5, "caution": 0.8, "patience": 0.7, "alliance": 1.3,
              "principle": 1.1, "ambition": 0.5, "threat.trotsky": 1.3, "threat.stalin": 0.5,
              "ally.bukharin": 0.6, "ally.tomsky": 0.3, "fade": 0.75},
    "tomsky": {"propose": 1.1, "join_bloc": 1.3, "polemic": 0.7, "appoint_secretary": 0.1,
               "aggression": 0.5, "caution": 0.8, "patience": 0.7, "alliance": 1.3,
               "principle": 1.1, "ambition": 0.4, "threat.trotsky": 1.3, "threat.stalin": 0.5,
               "ally.bukharin": 0.6, "ally.rykov": 0.4, "fade": 0.75},
    "lenin": {"polemic": 1.2, "propose": 1.4, "testament": 1.5, "form_bloc": 1.3,
              "remove_from_post": 1.2, "aggression": 1.1, "caution": 0.6, "patience": 0.2,
              "alliance": 1.0, "principle": 1.5, "ambition": 0.3, "threat.stalin": 1.5,
              "ally.trotsky": 0.4},
}


@dataclass(frozen=True)
class Characters:
    """The characters of the leaders ``lead`` (person indices), as arrays over them."""
    lead: np.ndarray                 # [N] person index of each leader
    weight: np.ndarray               # [N, len(KIND_IDS)] multiplier per action kind
    aggression: np.ndarray           # [N]
    caution: np.ndarray
    patience: np.ndarray
    alliance: np.ndarray
    principle: np.ndarray
    ambition: np.ndarray
    fade: np.ndarray
    hold: np.ndarray
    threat: np.ndarray               # [N, P] multiplier on how much he fears each person
    ally: np.ndarray                 # [N, P] wish to have each person in his camp


def merged(person_id: str, data: dict[str, float]) -> dict[str, float]:
    """The code's defaults for this person, overridden by the scenario's ``ai:`` entries."""
    out = dict(TRAITS)
    out.update(DEFAULTS.get(person_id, {}))
    out.update({k: float(v) for k, v in (data or {}).items()})
    return out


def unknown_keys(data: dict[str, float]) -> list[str]:
    """Keys of an ``ai:`` mapping the computer does not read (for a scenario check)."""
    ok = set(TRAITS) | set(KIND_KEYS)
    return [k for k in data if k not in ok and not k.startswith(("threat.", "ally."))]


def build(g: "Game", overrides: dict[str, dict[str, float]] | None = None) -> Characters:
    """Characters for every leader of ``g``: defaults, the scenario's ``ai:``, then
    ``overrides`` (person id -> keys), e.g. from a test or the lab."""
    lead = np.flatnonzero(g.leaders).astype(np.int64)
    N, P = len(lead), g.P
    weight = np.ones((N, len(KIND_IDS)))
    traits = {t: np.zeros(N) for t in TRAITS}
    threat = np.ones((N, P))
    ally = np.zeros((N, P))
    for n, p in enumerate(lead):
        person = g.scenario.persons[p]
        c = merged(person.id, person.ai)
        c.update((overrides or {}).get(person.id, {}))
        for k, v in c.items():
            if k in TRAITS:
                traits[k][n] = v
            elif k in KIND_KEYS:
                weight[n, KIND_IDS.index(k)] = v
            elif k.startswith("threat.") and k[7:] in g.pidx:
                threat[n, g.pidx[k[7:]]] = v
            elif k.startswith("ally.") and k[5:] in g.pidx:
                ally[n, g.pidx[k[5:]]] = v
    return Characters(lead, weight, threat=threat, ally=ally, **traits)
