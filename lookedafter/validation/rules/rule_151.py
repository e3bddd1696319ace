import polars as pl

from lookedafter.validation.derive import AD1_ITEMS, all_given, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "151",
    message="Some of the adoption details are filled in and some are blank: complete DATE_INT, "
    "DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR, or leave them all blank.",
    table="AD1",
    fields=AD1_ITEMS,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(any_given(AD1_ITEMS) & ~all_given(AD1_ITEMS))


def test_151_flags_partly_completed_adoption_records() -> None:
    full = ["01/05/2025", "01/06/2025", "0", "2", "MF", "L11"]
    ad1 = {"CHILD": ["1", "2", "3"]} | {
        col: [value, None if col == "SEX_ADOPTR" else value, None]
        for col, value in zip(
            ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
            full,
            strict=True,
        )
    }
    assert flags({"AD1": ad1}, "151") == {"AD1": [1]}
