"""Children in care who had three or more social workers in the last 12 months."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, distinct_workers
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "sw_changes_year",
    title="Children with 3 or more social workers in 12 months",
    definition="""Children looked after on the reference date who had three or more different social
    workers during the 12 months to that date, counted from the 903 social worker episodes (the
    DfE's source) or, where a dataset has none, the register's allocations.""",
    numerator="Children with 3 or more distinct social workers in the 12 months",
    denominator="Children looked after on the reference date",
    area="Changes of social worker",
    kind="snapshot",
    better="lower",
    needs=("Episodes", "SWEpisodes"),
    national=National(
        24.0, 2025, "DfE Children looked after in England 2025 (CLA at 31 March, 3+ social workers)"
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = distinct_workers(ctx, ctx.in_care().select("CHILD", "PERIOD_START"), 12)
    return children(ctx, population, pl.col("N_WORKERS") >= 3)
