import polars as pl

from lookedafter.validation.derive import birthday
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

WITH_FORMER_FOSTER_CARERS = ("Z1", "Z2")  # ACCOM letter Z: staying put, not for 17-year-olds


@rule(
    "3001",
    message="A young person reported around their 17th birthday cannot be living with former "
    "foster carers (ACCOM Z1 or Z2): that applies only after 18. Check ACCOM.",
    table="OC3",
    fields=("ACCOM",),
    needs=("OC3",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    oc3 = ctx["OC3"]
    if ctx.has("Header"):
        header = ctx.dob().rename({"DOB": "_HDOB"})
        oc3 = oc3.join(header, on="CHILD", how="left").with_columns(
            pl.coalesce("_HDOB", "DOB").alias("DOB")
        )
    seventeenth = birthday(pl.col("DOB"), 17)
    return oc3.filter(
        pl.col("ACCOM").is_in(list(WITH_FORMER_FOSTER_CARERS))
        & seventeenth.is_between(pl.lit(ctx.start), pl.lit(ctx.end))
    )


def test_3001_flags_staying_put_at_seventeen() -> None:
    oc3 = {
        "CHILD": ["1", "2", "3"],
        "DOB": ["01/06/2008", "01/06/2007", "01/06/2008"],
        "ACCOM": ["Z1", "Z1", "D1"],
    }
    assert flags({"OC3": oc3}, "3001") == {"OC3": [0]}
    header = {"CHILD": ["1"], "DOB": ["01/06/2007"]}  # the header's DOB is used when given
    assert flags({"OC3": oc3, "Header": header}, "3001") == {}
