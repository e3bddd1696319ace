"""IRO challenges answered within the local timescale (rule I1)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "iro_answered_on_time",
    title="IRO challenges answered on time",
    definition="""Challenges raised by independent reviewing officers under the dispute resolution
    process whose response fell due in the 12 months to the reference date, and of those the ones
    answered within the local timescale (rule I1), as judged by the timescale engine. By team: the
    team of the child's social worker, whose manager should respond.""",
    numerator="Challenges answered by their response due date",
    denominator="Challenges whose response fell due in the 12 months",
    area="IRO challenges",
    subject="challenge",
    needs=("timescales", "IROChallenges"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("I1",))
