import polars as pl

from lookedafter.validation.helpers_c import ADOPTION_PLACEMENTS, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "552",
    message="The child was placed for adoption before any decision that they should be placed for "
    "adoption. Correct the decision date or the start date of the adoption placement.",
    table="Episodes",
    fields=("DATE_PLACED", "DECOM"),
    needs=("Episodes", "PlacedAdoption"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    pa = ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED").is_not_null())
    earliest = pa.group_by("CHILD").agg(pl.col("DATE_PLACED").min().alias("FIRST_DECISION"))
    placed = ctx["Episodes"].filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS))
    bad = placed.join(earliest, on="CHILD").filter(pl.col("DECOM") < pl.col("FIRST_DECISION"))
    return {"Episodes": bad, "PlacedAdoption": pa.join(bad, on="CHILD", how="semi")}


def test_552_decision_on_or_before_placement() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DECOM": ["01/06/2025"] * 3, "PLACE": ["A5", "A5", "U1"]}
    )
    pa = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DATE_PLACED": ["01/06/2025", "02/06/2025", "02/06/2025"]}
    )
    result = flagged("552", 2026, {"Episodes": eps, "PlacedAdoption": pa})
    assert result == {"Episodes": [1], "PlacedAdoption": [1]}
