import polars as pl

from lookedafter.validation.helpers_b import d, days_between, flagged, open_until
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 17


@rule(
    "365",
    message="A single short break (LS V3) lasted more than 17 days. Check DECOM, DEC and LS "
    "(an open episode counts to 31 March).",
    table="Episodes",
    fields=("LS", "DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("LS") == "V3") & (days_between(pl.col("DECOM"), open_until(ctx)) > _MAX_DAYS)
    )


def test_365_short_breaks_up_to_17_days() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "LS": ["V3", "V3", "C2", "V3"],
            "DECOM": [d("2025-06-01"), d("2025-06-01"), d("2025-06-01"), d("2026-03-01")],
            "DEC": [d("2025-06-19"), d("2025-06-18"), d("2025-08-01"), None],
        }
    )
    assert flagged("365", {"Episodes": eps}) == {"Episodes": [0, 3]}
