"""The IRS rules: one module per family, each a pure function of a typed case (case.Case).

- case.py: the answers typed once, and the IRS's arithmetic (expenses, equity, the
  collection statute, the full-pay test);
- deadlines.py, blockers.py, relief.py, penalties.py: what comes before any route;
- payment.py: paying in full over time; settlement.py: settling or pausing;
- notes.py: the plan's "Good to know"; planner.py: the order of the plan;
- scope.py: what the conversation must ask for the rules to decide.

The figures stay in flows/figures.py; the rules follow
/work/shared/reference/irs-rules.md, whose section numbers the docstrings cite.
"""
