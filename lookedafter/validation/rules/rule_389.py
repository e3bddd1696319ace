import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule

_REASONS = ("E7",)
_AGE = 16


@rule(
    "389",
    message=(
        "The child is recorded as transferring to adult social care but was under 16 when the"
        " episode ended. Check REC, DEC and DOB."
    ),
    table="Episodes",
    fields=("DEC", "DOB", "REC"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        pl.col("REC").is_in(_REASONS) & (age(pl.col("DOB_H"), pl.col("DEC")) < _AGE)
    )


def test_389_age_at_the_end_of_care() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2020-01-01"), d("2000-01-01"), d("2020-01-01")]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DEC": [d("2025-06-01")] * 3,
            "REC": ["E7", "E7", "E8"],
        }
    )
    assert flagged("389", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
