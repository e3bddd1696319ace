from datetime import timedelta

import polars as pl

from lookedafter.validation.helpers_b import d, days_between, flagged, open_until
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 21


@rule(
    "376",
    message=(
        "A temporary placement while the usual foster carers were on holiday (T3) lasted more"
        " than three weeks. Check DECOM and DEC, or record the stay as a placement."
    ),
    table="Episodes",
    fields=("DECOM", "PLACE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE") == "T3") & (days_between(pl.col("DECOM"), open_until(ctx)) > _MAX_DAYS)
    )


def test_376_limits_T3() -> None:
    start = d("2025-06-01")
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["T3", "T3", "U1", "T3"],
            "DECOM": [start, start, start, d("2025-01-01")],
            "DEC": [
                start + timedelta(days=_MAX_DAYS + 1),
                start + timedelta(days=_MAX_DAYS),
                start + timedelta(days=_MAX_DAYS + 1),
                None,
            ],
        }
    )
    assert flagged("376", {"Episodes": eps}) == {"Episodes": [0, 3]}
