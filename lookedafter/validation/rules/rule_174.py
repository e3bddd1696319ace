import polars as pl

from lookedafter.schema.codes import code_list
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


def male_codes() -> list[str]:
    lists = ("SEX_2022_23", "SEX_from_2024_25")
    return sorted(c for name in lists for c, m in code_list(name).items() if m == "Male")


@rule(
    "174",
    message="A date of birth for the mother's child is recorded but the young person is recorded "
    "as male. Check SEX and MC_DOB.",
    table="Header",
    fields=("SEX", "MC_DOB"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(pl.col("MC_DOB").is_not_null() & pl.col("SEX").is_in(male_codes()))


def test_174_flags_males_with_a_childs_date_of_birth() -> None:
    header = {
        "CHILD": list("1234"),
        "SEX": ["M", "F", "M", "U"],
        "MC_DOB": ["01/01/2025", "01/01/2025", None, "01/01/2025"],
    }
    assert flags({"Header": header}, "174") == {"Header": [0]}
