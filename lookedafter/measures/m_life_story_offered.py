"""Children in care offered or referred for life-story work."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import referrals_offered
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "life_story_offered",
    title="Children offered life-story work",
    definition="""Children looked after on the reference date who have been offered or referred for
    life-story work during their current period of care.""",
    numerator="Children offered or referred for life-story work",
    denominator="Children looked after on the reference date",
    area="Advocacy, independent visitors and life story",
    kind="snapshot",
    needs=("Referrals", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return referrals_offered(ctx, "LIFE_STORY")
