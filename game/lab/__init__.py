"""The what-if lab: thousands of games headless, statistics with intervals, a report.

- ``runs``    play many games in batches on every core; ``reopen`` one of them alone
- ``record``  what is kept of each game (columns: outcome, key dates, indicators by turn)
- ``study``   one scenario, a what-if against its base, or a sweep over one setting
- ``stats``   Wilson, Newcombe, Student and Welch intervals; verdicts in words
- ``summary`` the numbers of the report (also ``summary.json``)
- ``table``   the runs as CSV rows; ``report``, ``charts``, ``svg`` the HTML hand-out
- ``cli``     ``python -m game whatif``; ``api`` a run the interface can drive in steps

Nothing here imports pygame.
"""
