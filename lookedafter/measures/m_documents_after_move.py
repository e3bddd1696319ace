"""Chronology and assessment updated after a change of placement."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, iso
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure

UPDATED = ("CHRONOLOGY", "ASSESSMENT")


@measure(
    "documents_after_move",
    title="Chronology and assessment updated after a move",
    definition="""Changes of placement in the 12 months to the reference date whose update deadline
    (setting ``document_update_working_days``, 20 working days by default) has passed, and of those
    the ones after which both the chronology and the assessment were updated within the
    deadline.""",
    numerator="Moves followed by an updated chronology and assessment in time",
    denominator="Changes of placement whose update deadline has passed",
    area="Recording and care planning",
    subject="move",
    needs=("Episodes", "Documents"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    n = ctx.settings.document_update_working_days
    moves = (
        ctx.episodes()
        .filter(pl.col("NEW_PLACEMENT") & ~pl.col("NEW_PERIOD") & ctx.in_window("DECOM"))
        .with_columns(ctx.calendar.add_working_days_expr(pl.col("DECOM"), n).alias("UPDATE_BY"))
        .filter(pl.col("UPDATE_BY") <= pl.lit(ctx.as_of))
        .select("CHILD", "DECOM", "PLACE", "UPDATE_BY")
    )
    docs = (
        ctx.table("Documents")
        # an update counts from the move to its deadline, both inside the window: older and
        # later documents are left out before the join
        .filter(pl.col("DOC_KIND").is_in(UPDATED) & ctx.in_window("UPDATED_DATE"))
        .join(moves.select("CHILD", "DECOM", "UPDATE_BY"), on="CHILD", how="inner")
        .filter(pl.col("UPDATED_DATE").is_between(pl.col("DECOM"), pl.col("UPDATE_BY")))
        .group_by("CHILD", "DECOM")
        # which kinds were updated, as "ASSESSMENT;CHRONOLOGY" (a flag per kind, then joined:
        # far cheaper than a sorted unique list per move)
        .agg(*(pl.col("DOC_KIND").eq(k).any().alias(k) for k in sorted(UPDATED)))
        .select(
            "CHILD",
            "DECOM",
            pl.concat_str(
                [pl.when(pl.col(k)).then(pl.lit(k)) for k in sorted(UPDATED)],
                separator=";",
                ignore_nulls=True,
            ).alias("UPDATED"),
        )
    )
    out = moves.join(docs, on=["CHILD", "DECOM"], how="left")
    return out.with_columns(
        pl.concat_str([pl.col("CHILD"), iso(pl.col("DECOM"))], separator="/").alias("SUBJECT"),
        pl.col("DECOM").alias("DATE"),
        flag(pl.col("UPDATED") == ";".join(sorted(UPDATED))).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
    )
