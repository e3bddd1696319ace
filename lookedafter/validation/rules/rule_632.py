import polars as pl

from lookedafter.validation.helpers_c import first_per_child, flagged
from lookedafter.validation.registry import Context, rule

# DATE_PERM is dd/mm/yyyy; an unknown day or month may be written ZZ, an unknown year ZZZZ.
SHAPE = r"^(ZZ|[0-9]{2})/(ZZ|[0-9]{2})/(ZZZZ|[0-9]{4})$"


def _earliest(text: pl.Expr) -> pl.Expr:
    """The earliest date a (possibly partial) DATE_PERM can mean; null if unknowable or invalid."""
    return (
        text.str.replace(r"^ZZ/", "01/")
        .str.replace(r"/ZZ/", "/01/")
        .str.to_date("%d/%m/%Y", strict=False)
    )


@rule(
    "632",
    message="The date of the previous permanence order is not a valid date (dd/mm/yyyy, with ZZ for"
    " an unknown day or month) or is not before the child started to be looked after. "
    "Correct the date.",
    table="PrevPerm",
    fields=("DATE_PERM", "DECOM"),
    needs=("Episodes", "PrevPerm"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    text = pl.col("DATE_PERM").str.strip_chars().str.to_uppercase()
    day, month = text.str.slice(0, 2), text.str.slice(3, 2)
    known = ~text.str.ends_with("ZZZZ")
    exact = known & (day != "ZZ") & (month != "ZZ")
    bad_form = ~text.str.contains(SHAPE) | (
        known
        & (
            _earliest(text).is_null()
            | (exact & text.str.to_date("%d/%m/%Y", strict=False).is_null())
        )
    )
    first = first_per_child(ctx["Episodes"].filter(pl.col("DECOM").is_not_null()), "DECOM")
    prev = ctx["PrevPerm"].filter(pl.col("DATE_PERM").is_not_null())
    checked = prev.join(
        first.select("CHILD", pl.col("DECOM"), pl.col("ROW").alias("ROW_EP")),
        on="CHILD",
        how="left",
    ).filter(bad_form.fill_null(True) | (_earliest(text) >= pl.col("DECOM")).fill_null(False))
    return {
        "PrevPerm": checked,
        "Episodes": ctx["Episodes"].join(
            checked.select(pl.col("ROW_EP").alias("ROW")), on="ROW", how="semi"
        ),
    }


def test_632_partial_dates_allowed_but_must_precede_care() -> None:
    prev = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5", "6", "7"],
            "DATE_PERM": [
                "ZZ/05/2020",
                "ZZ/ZZ/ZZZZ",
                "xx/10/2011",
                "31/02/2020",
                "01/13/2000",
                "01/07/2021",
                "ZZ/ZZ/ZZ",
            ],
        }
    )
    eps = pl.DataFrame({"CHILD": [str(i) for i in range(1, 8)], "DECOM": ["01/07/2021"] * 7})
    result = flagged("632", 2026, {"Episodes": eps, "PrevPerm": prev})
    assert result == {"PrevPerm": [2, 3, 4, 5, 6], "Episodes": [2, 3, 4, 5, 6]}
