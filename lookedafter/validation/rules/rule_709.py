import polars as pl

from lookedafter.validation.helpers_c import (
    DOLO_EXPECTED_PLACEMENTS,
    DOLO_FORBIDDEN_PLACEMENTS,
    dolo_placements,
    flagged,
)
from lookedafter.validation.registry import Context, rule


@rule(
    "709",
    message="During this deprivation of liberty order the child was in a placement type not "
    "expected for one (expected: children's home K2, or Z12 or Z13). Check the placement "
    "type and the order's dates.",
    table="DoLo",
    fields=("DOLO_START", "PLACE"),
    needs=("DoLo", "Episodes"),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    place = pl.col("PLACE")
    unexpected = ~place.is_in(DOLO_EXPECTED_PLACEMENTS + DOLO_FORBIDDEN_PLACEMENTS).fill_null(False)
    rows = dolo_placements(ctx).filter(unexpected).select("ROW").unique()
    return ctx["DoLo"].join(rows, on="ROW", how="semi")


def test_709_placement_during_order() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": ["01/05/2026"] * 3,
            "DEC": [None, None, "01/06/2026"],
            "PLACE": ["U4", "K2", "U4"],
        }
    )
    dolo = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOLO_START": ["01/06/2026", "01/06/2026", "02/06/2026"]}
    )
    assert flagged("709", 2027, {"DoLo": dolo, "Episodes": eps}) == {"DoLo": [0]}


def test_709_an_order_starting_on_the_day_of_a_move_belongs_to_the_new_placement() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1"],
            "DECOM": ["01/05/2026", "09/10/2026"],
            "DEC": ["09/10/2026", None],
            "PLACE": ["U6", "K2"],
        }
    )
    dolo = pl.DataFrame({"CHILD": ["1"], "DOLO_START": ["09/10/2026"], "DOLO_END": [None]})
    assert flagged("709", 2027, {"DoLo": dolo, "Episodes": eps}) == {}
    # one day earlier, the order did cover the foster placement
    earlier = dolo.with_columns(pl.lit("08/10/2026").alias("DOLO_START"))
    assert flagged("709", 2027, {"DoLo": earlier, "Episodes": eps}) == {"DoLo": [0]}
