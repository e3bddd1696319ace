"""Children in care for two years or more who had three or more social workers in two years."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, distinct_workers, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "sw_changes_two_years",
    title="Children with 3 or more social workers in 2 years",
    definition="""Children looked after on the reference date, and continuously for at least two
    years before it, who had three or more different social workers during those two years.""",
    numerator="Children with 3 or more distinct social workers in the 2 years",
    denominator="Children looked after on the reference date for 2 years or more",
    area="Changes of social worker",
    kind="snapshot",
    better="lower",
    needs=("Episodes", "SWEpisodes"),
    national=National(
        53.0,
        2025,
        "DfE Children looked after in England 2025 (CLA 2 years+, 3+ social workers in 2 years)",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = distinct_workers(
        ctx, looked_after_for(ctx, 24).select("CHILD", "PERIOD_START"), 24
    )
    return children(ctx, population, pl.col("N_WORKERS") >= 3)
