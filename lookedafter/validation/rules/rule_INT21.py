import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT21",
    message="The sex in the UASC records differs from the header. Use the same sex code in both.",
    table="UASC",
    fields=("SEX",),
    needs=("Header", "UASC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "UASC", "SEX")


def test_INT21_sex_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"], "SEX": ["M", "F"]})
    uasc = pl.DataFrame({"CHILD": ["1", "2"], "SEX": ["M", "M"]})
    assert flagged("INT21", 2026, {"Header": header, "UASC": uasc}) == {"UASC": [1]}
