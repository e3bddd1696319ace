"""Adoption timeliness, scorecard A10."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import adoption_days
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "adoption_a10",
    title="Adoption timeliness: entering care to moving in, foster carer adoptions adjusted (A10)",
    definition="""Like A1, but for children adopted by their foster carers the clock stops when the
    foster placement began (adoption scorecard A10, which replaced A1 from 2021-22). Dates come
    from the timescale engine's rule A10.""",
    numerator="Total days over those children",
    denominator="Children with a completed A10 interval in the 3 years",
    area="Permanence",
    unit="days",
    subject="child",
    better="lower",
    needs=("timescales", "Episodes", "PlacedAdoption", "AD1"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return adoption_days(ctx, "A10")
