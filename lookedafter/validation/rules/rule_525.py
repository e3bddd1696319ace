import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import flagged, present
from lookedafter.validation.registry import Context, rule

AD1_FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


@rule(
    "525",
    message="The decision to place the child for adoption was reversed, yet adoption details are "
    "recorded (AD1). Remove the adoption details, or correct the reversal if the child was "
    "adopted.",
    table="PlacedAdoption",
    fields=("DATE_PLACED_CEASED", *AD1_FIELDS),
    needs=("PlacedAdoption", "AD1"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    latest = last_rows(ctx, "PlacedAdoption", "DATE_PLACED").filter(
        pl.col("DATE_PLACED_CEASED").is_not_null()
    )
    ad1 = ctx["AD1"].filter(present(*AD1_FIELDS))
    return {
        "PlacedAdoption": latest.join(ad1, on="CHILD", how="semi"),
        "AD1": ad1.join(latest, on="CHILD", how="semi"),
    }


def test_525_reversed_decision_and_adoption_details_conflict() -> None:
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "2", "2", "3"],
            "DATE_PLACED": ["01/05/2025", "01/01/2025", "01/05/2025", "01/05/2025"],
            "DATE_PLACED_CEASED": ["01/08/2025", "01/02/2025", None, "01/08/2025"],
        }
    )
    ad1 = pl.DataFrame({"CHILD": ["1", "2", "3"], "DATE_INT": ["01/05/2025"] * 2 + [None]})
    result = flagged("525", 2026, {"PlacedAdoption": pa, "AD1": ad1})
    assert result == {"PlacedAdoption": [0], "AD1": [0]}
