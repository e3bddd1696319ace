import polars as pl

from lookedafter.validation.helpers_c import flagged, present
from lookedafter.validation.registry import Context, rule


@rule(
    "635",
    message="There was no previous permanence order (Z1), so the order date and the authority that "
    "arranged it must be blank. Remove them or correct the previous permanence code.",
    table="PrevPerm",
    fields=("LA_PERM", "DATE_PERM", "PREV_PERM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["PrevPerm"].filter((pl.col("PREV_PERM") == "Z1") & present("LA_PERM", "DATE_PERM"))


def test_635_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PREV_PERM": ["Z1", "Z1", "P1"],
            "LA_PERM": ["201", None, "201"],
            "DATE_PERM": [None, None, "01/01/2020"],
        }
    )
    assert flagged("635", 2026, {"PrevPerm": frame}) == {"PrevPerm": [0]}
