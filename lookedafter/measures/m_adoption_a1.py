"""Adoption timeliness, scorecard A1."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import adoption_days
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "adoption_a1",
    title="Adoption timeliness: entering care to moving in (A1)",
    definition="""Mean days from entering care to moving in with the adoptive family, for children
    who moved in during the 3 years to the reference date (adoption scorecard A1; the final
    threshold was 14 months). Dates come from the timescale engine's rule A1.""",
    numerator="Total days over those children",
    denominator="Children with a completed A1 interval in the 3 years",
    area="Permanence",
    unit="days",
    subject="child",
    better="lower",
    needs=("timescales", "Episodes", "PlacedAdoption", "AD1"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return adoption_days(ctx, "A1")
