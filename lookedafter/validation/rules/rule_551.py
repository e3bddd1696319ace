import polars as pl

from lookedafter.validation.helpers_c import ADOPTION_PLACEMENTS, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "551",
    message="The child is placed for adoption but there is no date of the decision that they should"
    " be placed for adoption. Add the decision to the placed-for-adoption records.",
    table="Episodes",
    fields=("DATE_PLACED", "PLACE"),
    needs=("Episodes", "PlacedAdoption"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    decided = ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED").is_not_null())
    placed = ctx["Episodes"].filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS))
    return placed.join(decided, on="CHILD", how="anti")


def test_551_adoption_placement_needs_a_decision() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "PLACE": ["A3", "A6", "U1", "A4"]})
    pa = pl.DataFrame({"CHILD": ["1", "4"], "DATE_PLACED": ["01/05/2025", None]})
    assert flagged("551", 2026, {"Episodes": eps, "PlacedAdoption": pa}) == {"Episodes": [1, 3]}
