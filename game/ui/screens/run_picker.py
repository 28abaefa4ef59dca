"""Which run of the what-if lab to watch: for each arm of the study, a game in which each
outcome came about (the first run, by seed, that ended so). The run opens in the replay
viewer, the computer playing it again month by month - the same game, move for move - and the
player may take over at any month."""
from __future__ import annotations

from game.ui.screens.list_picker import ListPicker


def example_runs(result) -> list[dict]:
    """One run per arm and outcome that came about: {key, arm, label, outcome, count, seed,
    run, spec}, arms in the study's order and outcomes from the most frequent."""
    names = result.names()
    out = []
    for i, (runs, arm) in enumerate(zip(result.runs, result.study.arms)):
        m = runs.meta
        counts = [int((runs.outcome == k).sum()) for k in range(len(m.outcomes))]
        for k in sorted(range(len(m.outcomes)), key=lambda k: -counts[k]):
            if not counts[k]:
                continue
            first = int(next(j for j in range(runs.n) if runs.outcome[j] == k))
            oid = m.outcomes[k]
            what = "The alliance collapses" if oid == "collapse" else f"{m.name(oid)} leads at the end"
            out.append({"key": f"{i}:{oid}", "arm": names[i], "label": what, "outcome": oid, "count": counts[k],
                        "seed": int(runs.seed[first]), "run": first, "spec": arm.spec, "runs": runs.n})
    return out


class RunPicker(ListPicker):
    name = "run_picker"

    def __init__(self, app, result):
        super().__init__(app)
        self.result = result
        self.band_text = "Watch a run of the lab"
        self.examples = {e["key"]: e for e in example_runs(result)}
        several = len(result.runs) > 1
        self.rows = [(k, (f"{e['arm']}: " if several else "") + e["label"], f"{e['count']} of {e['runs']}")
                     for k, e in self.examples.items()]

    def shortcuts(self):
        return [("Up, Down", "Choose a run"), ("Enter", "Watch it"), ("Esc", "Back to the lab")]

    def note(self, key: str | None) -> str:
        e = self.examples.get(key)
        if e is None:
            return "No run to watch."
        return (f"Run #{e['run'] + 1}, seed {e['seed']}: {e['label']}, as in {e['count']} of the {e['runs']} "
                "games. The computer plays it again month by month, the same game move for move; take over at "
                "any month to play on.")

    def choose(self, key: str) -> None:
        """Watch the run: the replay viewer, the computer playing it again."""
        from game.ui.replay_model import RunModel
        from game.ui.screens.replay_screen import ReplayScreen
        e = self.examples[key]
        spec = e["spec"]
        ref = spec.scenario if isinstance(spec.scenario, str) else getattr(spec.scenario, "id", "scenario")
        model = RunModel(spec.scenario, e["seed"], spec.overrides, spec.difficulty,
                         label=f"{e['arm']} · run #{e['run'] + 1}, seed {e['seed']}")
        self.app.pop()
        self.app.push(ReplayScreen(self.app, ref, model=model))
