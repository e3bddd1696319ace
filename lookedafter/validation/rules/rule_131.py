import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "131",
    message=(
        "Whether the authority is in touch with the care leaver is not a valid code (for "
        "example YES, NO, DIED, REFU, NREQ, RHOM). Check IN_TOUCH."
    ),
    table="OC3",
    fields=("IN_TOUCH",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("IN_TOUCH")
    return ctx["OC3"].filter(~column.is_in(sorted(codes("IN_TOUCH"))))


def test_131_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "IN_TOUCH": ["YES", "Y", None, "yes"]}
    assert flags({"OC3": rows}, "131") == {"OC3": [1, 3]}
