import polars as pl

from lookedafter.validation.helpers_c import ADOPTED, flagged, in_year, missing
from lookedafter.validation.registry import Context, rule

AD1_FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


@rule(
    "601",
    message="The child was adopted during the year but the adoption details (AD1) are missing or "
    "incomplete. Record the decision date, match date, foster carer flag and the number, "
    "genders and legal status of the adopters.",
    table="AD1",
    fields=("REC", *AD1_FIELDS),
    needs=("Episodes", "AD1"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    adopted = ctx["Episodes"].filter(pl.col("REC").is_in(ADOPTED) & in_year(ctx, "DEC"))
    incomplete = ctx["AD1"].filter(missing(*AD1_FIELDS)).join(adopted, on="CHILD", how="semi")
    complete = ctx["AD1"].join(incomplete, on="ROW", how="anti")
    return {"AD1": incomplete, "Episodes": adopted.join(complete, on="CHILD", how="anti")}


def test_601_adopted_child_has_complete_ad1() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DEC": ["01/07/2025"] * 3, "REC": ["E11", "E12", "E11"]}
    )
    full = {
        "DATE_INT": ["01/01/2025"] * 2,
        "DATE_MATCH": ["01/03/2025"] * 2,
        "FOSTER_CARE": ["0"] * 2,
        "NB_ADOPTR": ["2"] * 2,
        "SEX_ADOPTR": ["MF"] * 2,
        "LS_ADOPTR": ["L11", None],
    }
    ad1 = pl.DataFrame({"CHILD": ["1", "2"], **full})
    result = flagged("601", 2026, {"Episodes": eps, "AD1": ad1})
    assert result == {"AD1": [1], "Episodes": [1, 2]}
