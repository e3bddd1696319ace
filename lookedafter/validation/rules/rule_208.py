import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule

_UNKNOWN = sorted(codes("UPN_UNKNOWN"))
_LATER_UNKNOWN = [c for c in _UNKNOWN if c != "UN1"]


@rule(
    "208",
    message="The UPN differs from the one recorded for this child last year. A known UPN "
    "should not change; check UPN against the school record.",
    table="Header",
    fields=("UPN",),
    needs=("Header", "Header_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Header_last"].select("CHILD", pl.col("UPN").alias("UPN_last")).unique("CHILD")
    now, before = pl.col("UPN").str.to_uppercase(), pl.col("UPN_last").str.to_uppercase()
    was_unknown = before.is_null() | before.is_in(_UNKNOWN)
    now_known = now.is_not_null() & ~now.is_in(_UNKNOWN)
    allowed = (
        (was_unknown & now_known)  # a UPN has been found
        | ((before.is_null() | (before == "UN1")) & now.is_in(_LATER_UNKNOWN))
        | (before.is_null() & (now == "UN1"))
    )
    changed = now.fill_null("") != before.fill_null("")
    return ctx["Header"].join(last, on="CHILD", how="inner").filter(changed & ~allowed)


def test_208_known_upns_must_not_change() -> None:
    upns_last = ["A123456789012", "UN1", "UN1", "UN4", "A123456789012", None, "UN2"]
    upns_now = ["B123456789012", "UN2", "A123456789012", "UN3", None, "UN1", "UN2"]
    children = [str(i) for i in range(7)]
    got = flagged(
        "208",
        {"Header": pl.DataFrame({"CHILD": children, "UPN": upns_now})},
        last={"Header": pl.DataFrame({"CHILD": children, "UPN": upns_last})},
    )
    assert got == {"Header": [0, 3, 4]}
