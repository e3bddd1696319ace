"""Adoption timeliness, scorecard A2."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import adoption_days
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "adoption_a2",
    title="Adoption timeliness: court authority to match (A2)",
    definition="""Mean days from the court's authority to
    place (placement order) to the authority's decision on the match, for children matched in the 3
    years to the reference date (adoption scorecard A2, 0 when matched before the order; the final
    threshold was 4 months). Dates come from the timescale engine's rule A2.""",
    numerator="Total days over those children",
    denominator="Children with a completed A2 interval in the 3 years",
    area="Permanence",
    unit="days",
    subject="child",
    better="lower",
    needs=("timescales", "Episodes", "PlacedAdoption", "AD1"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return adoption_days(ctx, "A2")
