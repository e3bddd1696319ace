"""Practice measures: one module per measure (``m_<slug>.py``), computed together in Polars.

``compute(ds, as_of, by=None, policy=None)`` returns the tidy summary (measure, group, numerator,
denominator, value, national) and the frame behind each figure.
"""

from lookedafter.measures.compute import Results, compute
from lookedafter.measures.context import Context, Settings, TimescalesUnavailable
from lookedafter.measures.registry import BREAKDOWNS, Measure, National, all_measures, get

__all__ = [
    "BREAKDOWNS",
    "Context",
    "Measure",
    "National",
    "Results",
    "Settings",
    "TimescalesUnavailable",
    "all_measures",
    "compute",
    "get",
]
