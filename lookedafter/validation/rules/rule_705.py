import polars as pl

from lookedafter.validation.helpers_c import flagged, overlapping
from lookedafter.validation.registry import Context, rule


@rule(
    "705",
    message="Two deprivation of liberty orders overlap: one starts while the previous one is "
    "still open or before it ended. Add the end date of the earlier order or correct the "
    "dates.",
    table="DoLo",
    fields=("DOLO_START", "DOLO_END"),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return overlapping(ctx["DoLo"], "DOLO_START", "DOLO_END")


def test_705_orders_do_not_overlap() -> None:
    dolo = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2"],
            "DOLO_START": ["01/05/2026", "03/06/2026"] * 2,
            "DOLO_END": [None, None, "01/06/2026", None],
        }
    )
    assert flagged("705", 2027, {"DoLo": dolo}) == {"DoLo": [0, 1]}
