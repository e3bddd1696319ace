import polars as pl

from lookedafter.validation.helpers_b import (
    RESPITE_LEGAL_STATUSES,
    TEMPORARY_PLACEMENTS,
    flagged,
)
from lookedafter.validation.registry import Context, rule


@rule(
    "382",
    message="A child on short breaks (LS V3 or V4) cannot be in a temporary placement (T0-T4). "
    "Check LS and PLACE.",
    table="Episodes",
    fields=("LS", "PLACE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("LS").is_in(RESPITE_LEGAL_STATUSES) & pl.col("PLACE").is_in(TEMPORARY_PLACEMENTS)
    )


def test_382_short_breaks_are_not_temporary_placements() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "LS": ["V3", "V4", "C2"], "PLACE": ["T1", "U6", "T1"]}
    )
    assert flagged("382", {"Episodes": eps}) == {"Episodes": [0]}
