import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "626",
    message="The child is a mother whose first child was born before this year, but last year's "
    "return said she was not a mother. Correct the first child's date of birth or last "
    "year's return.",
    table="Header",
    fields=("MOTHER", "MC_DOB"),
    needs=("Header", "Header_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    not_mother_last = ctx["Header_last"].filter(pl.col("MOTHER") == "0")
    return (
        ctx["Header"]
        .filter((pl.col("MOTHER") == "1") & (pl.col("MC_DOB") < ctx.start))
        .join(not_mother_last, on="CHILD", how="semi")
    )


def test_626_earlier_birth_contradicts_last_year() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MOTHER": ["1"] * 3,
            "MC_DOB": ["01/01/2025", "01/05/2025", "01/01/2025"],
        }
    )
    last = pl.DataFrame({"CHILD": ["1", "2", "3"], "MOTHER": ["0", "0", "1"]})
    assert flagged("626", 2026, {"Header": header}, {"Header": last}) == {"Header": [0]}
