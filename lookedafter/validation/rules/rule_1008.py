import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

NO_URN = "XXXXXXX"  # the DfE's value for a placement without an Ofsted URN


@rule(
    "1008",
    message="The Ofsted URN is not in Ofsted's lists of providers and children's homes. Check URN "
    "(or enter XXXXXXX when the placement has none).",
    table="Episodes",
    fields=("URN",),
    needs=("Episodes", "Providers"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    known = ctx["Providers"].select("URN").unique()
    urn = pl.col("URN").str.strip_chars()
    return (
        ctx["Episodes"]
        .with_columns(urn.alias("_URN"))
        .filter(pl.col("_URN").is_not_null() & (pl.col("_URN") != NO_URN))
        .join(known, left_on="_URN", right_on="URN", how="anti")
    )


def test_1008_flags_urns_ofsted_does_not_list() -> None:
    eps = {"CHILD": list("12345"), "URN": ["SC123456", "1234", None, NO_URN, "XXXXXX"]}
    providers = pl.DataFrame({"URN": ["SC123456"]})
    assert flags({"Episodes": eps}, "1008", extra={"Providers": providers}) == {"Episodes": [1, 4]}
