import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule

_REASONS = ("E45", "E46", "E47", "E48")
_AGE = 18


@rule(
    "407",
    message=(
        "The episode ended with a special guardianship order but the young person had reached"
        " 18; an SGO cannot be made for an adult. Check REC, DEC and DOB."
    ),
    table="Episodes",
    fields=("DEC", "DOB", "REC"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        pl.col("REC").is_in(_REASONS) & (age(pl.col("DOB_H"), pl.col("DEC")) >= _AGE)
    )


def test_407_age_at_the_end_of_care() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2007-06-01"), d("2008-06-02"), d("2007-06-01")]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DEC": [d("2025-06-01")] * 3,
            "REC": ["E45", "E45", "E8"],
        }
    )
    assert flagged("407", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
