import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "553",
    message="A placement order has been granted (legal status E1) but there is no date of the "
    "decision that the child should be placed for adoption. Add the decision to the placed-"
    "for-adoption records.",
    table="Episodes",
    fields=("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    needs=("Episodes", "PlacedAdoption"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    pa = ctx["PlacedAdoption"]
    decided = pa.filter(pl.col("DATE_PLACED").is_not_null())
    orders = ctx["Episodes"].filter(pl.col("LS") == "E1")
    bad = orders.join(decided, on="CHILD", how="anti")
    return {"Episodes": bad, "PlacedAdoption": pa.join(bad, on="CHILD", how="semi")}


def test_553_placement_order_needs_a_decision() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "LS": ["E1", "E1", "C2", "E1"]})
    pa = pl.DataFrame({"CHILD": ["1", "2"], "DATE_PLACED": ["01/05/2025", None]})
    result = flagged("553", 2026, {"Episodes": eps, "PlacedAdoption": pa})
    assert result == {"Episodes": [1, 3], "PlacedAdoption": [1]}
