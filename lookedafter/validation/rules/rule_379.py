from datetime import timedelta

import polars as pl

from lookedafter.validation.helpers_b import d, days_between, flagged, open_until
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 7


@rule(
    "379",
    message=(
        "A temporary placement for any other reason (T4) lasted more than seven days. Check "
        "DECOM and DEC, or record the stay as a placement."
    ),
    table="Episodes",
    fields=("DECOM", "PLACE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE") == "T4") & (days_between(pl.col("DECOM"), open_until(ctx)) > _MAX_DAYS)
    )


def test_379_limits_T4() -> None:
    start = d("2025-06-01")
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["T4", "T4", "U1", "T4"],
            "DECOM": [start, start, start, d("2025-01-01")],
            "DEC": [
                start + timedelta(days=_MAX_DAYS + 1),
                start + timedelta(days=_MAX_DAYS),
                start + timedelta(days=_MAX_DAYS + 1),
                None,
            ],
        }
    )
    assert flagged("379", {"Episodes": eps}) == {"Episodes": [0, 3]}
