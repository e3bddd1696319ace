"""Social worker vacancy rate (DfE children's social work workforce census definition)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import F, census_date, in_post, social_workers
from lookedafter.measures.context import SOCIAL_WORK_ROLES, Context
from lookedafter.measures.registry import National, measure


@measure(
    "workforce_vacancy",
    title="Social worker vacancy rate",
    definition="""FTE of vacant social work posts on the census date (30 September) as a percentage
    of vacant FTE plus the FTE of directly employed social workers in post. A post covered by an
    agency worker is still vacant, as in the DfE census.""",
    numerator="FTE of social work posts vacant on 30 September",
    denominator="Vacant FTE plus FTE of directly employed social workers in post on 30 September",
    area="Workforce",
    kind="snapshot",
    subject="post",
    better="lower",
    needs=("Workers", "Vacancies"),
    national=National(14.2, 2025, "DfE Children's social work workforce 2025 (vacancy rate, FTE)"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    ref = census_date(ctx.as_of)
    d = pl.lit(ref)
    open_posts = (
        ctx.table("Vacancies")
        .filter(
            pl.col("ROLE").is_in(SOCIAL_WORK_ROLES)
            & (pl.col("OPEN_DATE") <= d)
            & (pl.col("FILLED_DATE").is_null() | (pl.col("FILLED_DATE") > d))
        )
        .select(
            pl.col("VACANCY_ID").alias("SUBJECT"),
            pl.col("OPEN_DATE").alias("DATE"),
            pl.col("FTE").cast(F).alias("NUM"),
            pl.col("FTE").cast(F).alias("DEN"),
            "TEAM_ID",
            pl.lit(None, dtype=pl.String).alias("WORKER_ID"),
            pl.lit("vacancy").alias("POST"),
        )
    )
    staff = (
        social_workers(ctx)
        .filter(~pl.col("AGENCY").fill_null(False) & in_post(ref))
        .select(
            pl.col("WORKER_ID").alias("SUBJECT"),
            d.alias("DATE"),
            pl.lit(0.0).alias("NUM"),
            pl.col("FTE").cast(F).alias("DEN"),
            "TEAM_ID",
            "WORKER_ID",
            pl.lit("employed").alias("POST"),
        )
    )
    return pl.concat([open_posts, staff], how="vertical_relaxed")
