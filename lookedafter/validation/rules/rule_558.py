import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import ADOPTED, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "558",
    message="The child was adopted, so the decision to place them for adoption did not end. Leave "
    "the date the decision ceased blank on the latest decision.",
    table="PlacedAdoption",
    fields=("DATE_PLACED_CEASED", "REC"),
    needs=("Episodes", "PlacedAdoption"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    adopted = ctx["Episodes"].filter(pl.col("REC").is_in(ADOPTED))
    latest = last_rows(ctx, "PlacedAdoption", "DATE_PLACED").filter(
        pl.col("DATE_PLACED_CEASED").is_not_null()
    )
    return {
        "PlacedAdoption": latest.join(adopted, on="CHILD", how="semi"),
        "Episodes": adopted.join(latest, on="CHILD", how="semi"),
    }


def test_558_adopted_child_has_an_open_decision() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2", "3"], "REC": ["E11", "E12", "E13"]})
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "2", "2", "3"],
            "DATE_PLACED": ["01/05/2025", "01/01/2025", "01/05/2025", "01/05/2025"],
            "DATE_PLACED_CEASED": ["01/09/2025", "01/02/2025", None, "01/09/2025"],
        }
    )
    result = flagged("558", 2026, {"Episodes": eps, "PlacedAdoption": pa})
    assert result == {"PlacedAdoption": [0], "Episodes": [0]}
