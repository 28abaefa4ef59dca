"""Saves, replays and the debrief.

- ``session``: ``Session`` — one game as the interface and the command line play it (new, load,
  take over the historical replay, play a turn, save).
- ``saves``, ``files``, ``snapshot``, ``scenario_ref``, ``versions``: the save file, written
  atomically, checked on load, with the messages a player sees (``SaveError``).
- ``moves``: one turn's record (every leader's moves as ids, event choices, forced chance).
- ``script``: the scenario's historical script, turn by turn; ``cli``: ``python -m game replay``.
- ``watch``: any game, the historical replay or a lab run, frame by frame, for the viewer.
- ``debrief``, ``questions``, ``debrief_export``: the end-of-game debrief, as Markdown or HTML.
"""
