"""The statutory timescale engine: for every child, what is due, by when, and whether it happened.

``evaluate(ds, as_of, policy=None)`` returns one row per child per occurrence of each rule in
REFERENCE.md §1 (V1-V7, R1-R4, H1-H2, E1-E2, M1, C1-C2, CP1, CP3, L1, A1, A2, A10, I1, D1);
``rules()`` the rules' metadata; ``Policy`` an authority's local settings beside the statutory
ones. One module per group of rules; shared machinery in ``base``; day counting in
``lookedafter.lib.calendar``.

At national scale pass ``since`` (a window: the occurrences due from that date and each chain's
latest one due before it, numbered as over the whole history; a 12-month window is several
times faster than the whole history) and, when only statuses are counted, ``reasons=False``.
``evaluate_lazy`` gives the query for callers that add their own steps.
"""

from lookedafter.timescales.base import OUTPUT_SCHEMA, STATUSES, RuleInfo
from lookedafter.timescales.engine import RULES, evaluate, evaluate_lazy, rules
from lookedafter.timescales.policy import SETTINGS, STATUTORY, Policy, Setting

__all__ = [
    "OUTPUT_SCHEMA",
    "RULES",
    "SETTINGS",
    "STATUSES",
    "STATUTORY",
    "Policy",
    "RuleInfo",
    "Setting",
    "evaluate",
    "evaluate_lazy",
    "rules",
]
