import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "523",
    message="The date of the decision that the child should be placed for adoption does not match "
    "the date of the decision that adoption is in their best interests (AD1). Record the "
    "same date in both.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DATE_INT"),
    needs=("PlacedAdoption", "AD1"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    pa, ad1 = ctx["PlacedAdoption"], ctx["AD1"].filter(pl.col("DATE_INT").is_not_null())
    matched = pa.join(ad1, left_on=["CHILD", "DATE_PLACED"], right_on=["CHILD", "DATE_INT"])
    children = (
        pa.join(ad1, on="CHILD", how="semi")
        .join(matched, on="CHILD", how="anti")
        .select("CHILD")
        .unique()
    )
    return {
        "PlacedAdoption": pa.join(children, on="CHILD", how="semi"),
        "AD1": ad1.join(children, on="CHILD", how="semi"),
    }


def test_523_decision_dates_agree() -> None:
    pa = pl.DataFrame(
        {"CHILD": ["1", "2", "2"], "DATE_PLACED": ["01/05/2025", "01/01/2024", "01/05/2025"]}
    )
    ad1 = pl.DataFrame({"CHILD": ["1", "2", "3"], "DATE_INT": ["02/05/2025", "01/05/2025", None]})
    result = flagged("523", 2026, {"PlacedAdoption": pa, "AD1": ad1})
    assert result == {"PlacedAdoption": [0], "AD1": [0]}
