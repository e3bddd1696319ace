import polars as pl

from lookedafter.schema.codes import valid_for_year
from lookedafter.validation.derive import year_label
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "101",
    message="Sex is missing or not a valid code for this year (M, F or U). Check SEX.",
    table="Header",
    fields=("SEX",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    valid = sorted(valid_for_year("SEX", year_label(ctx.year)))
    return ctx["Header"].filter(pl.col("SEX").is_null() | ~pl.col("SEX").is_in(valid))


def test_101_flags_missing_old_style_and_unknown_codes() -> None:
    header = {"CHILD": ["1", "2", "3", "4", "5"], "SEX": ["M", "F", "1", None, "m"]}
    assert flags({"Header": header}, "101") == {"Header": [2, 3, 4]}
    assert flags({"Header": {"CHILD": ["1"], "SEX": ["U"]}}, "101", 2027) == {}
