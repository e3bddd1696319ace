"""Children's participation in their reviews (903 REVIEW_CODE)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure

PARTICIPATED = ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6")


@measure(
    "review_participation",
    title="Children participating in their reviews",
    definition="""Reviews held in the 12 months to the reference date for children aged 4 or over
    (REVIEW_CODE other than PN0), and of those the ones where the child took part or conveyed their
    views (PN1 to PN6); PN7 means the child neither attended nor had their views conveyed.""",
    numerator="Reviews with REVIEW_CODE PN1 to PN6",
    denominator="Reviews in the 12 months with a REVIEW_CODE other than PN0",
    area="Reviews",
    subject="review",
    needs=("Reviews",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    reviews = ctx.table("Reviews").filter(
        ctx.in_window("REVIEW")
        & pl.col("REVIEW_CODE").is_not_null()
        & (pl.col("REVIEW_CODE") != "PN0")
    )
    return reviews.with_columns(
        pl.concat_str([pl.col("CHILD"), pl.col("REVIEW").cast(pl.String)], separator="/").alias(
            "SUBJECT"
        ),
        pl.col("REVIEW").alias("DATE"),
        flag(pl.col("REVIEW_CODE").is_in(PARTICIPATED)).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
    )
