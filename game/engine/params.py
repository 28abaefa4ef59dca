"""The rules' named constants, as the engine reads them: the calibrated defaults
(game.content.params, where the checker validates a scenario's overrides) with the scenario's
``model.params`` on top."""
from __future__ import annotations

from ..content.params import DEFAULTS

__all__ = ["DEFAULTS", "merged"]


def merged(overrides: dict[str, float]) -> dict[str, float]:
    """The defaults with a scenario's overrides (unknown names and values out of range are
    refused when the scenario is checked)."""
    out = dict(DEFAULTS)
    out.update({k: float(v) for k, v in overrides.items()})
    return out
