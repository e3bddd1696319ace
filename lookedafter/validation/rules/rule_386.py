import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule

_REASONS = ("E11", "E12")
_AGE = 18


@rule(
    "386",
    message=(
        "The child is recorded as adopted but had reached 18 when the episode ended; adults "
        "cannot be adopted. Check REC, DEC and DOB."
    ),
    table="Episodes",
    fields=("DEC", "DOB", "REC"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        pl.col("REC").is_in(_REASONS) & (age(pl.col("DOB_H"), pl.col("DEC")) >= _AGE)
    )


def test_386_age_at_the_end_of_care() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2007-06-01"), d("2008-06-02"), d("2007-06-01")]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DEC": [d("2025-06-01")] * 3,
            "REC": ["E11", "E11", "E8"],
        }
    )
    assert flagged("386", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
