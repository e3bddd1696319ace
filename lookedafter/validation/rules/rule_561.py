import polars as pl

from lookedafter.validation.helpers_c import flagged, present
from lookedafter.validation.registry import Context, rule


@rule(
    "561",
    message="This decision to place the child for adoption has the same date as one last year's "
    "return showed as ceased. Remove the ceased decision, or correct last year's cessation.",
    table="PlacedAdoption",
    fields=("DATE_PLACED",),
    needs=("PlacedAdoption", "PlacedAdoption_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    # Last year's record shows the decision ceased: a date or a reason for ceasing is given.
    ceased_last = ctx["PlacedAdoption_last"].filter(
        pl.col("DATE_PLACED").is_not_null() & present("DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
    )
    return ctx["PlacedAdoption"].join(ceased_last, on=["CHILD", "DATE_PLACED"], how="semi")


def test_561_ceased_decision_is_not_repeated() -> None:
    pa = pl.DataFrame({"CHILD": ["1", "2"], "DATE_PLACED": ["01/02/2025", "01/02/2025"]})
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DATE_PLACED": ["01/02/2025"] * 2,
            "DATE_PLACED_CEASED": ["01/03/2025", None],
        }
    )
    assert flagged("561", 2026, {"PlacedAdoption": pa}, {"PlacedAdoption": last}) == {
        "PlacedAdoption": [0]
    }


def test_561_a_reason_for_ceasing_alone_shows_the_decision_ceased() -> None:
    pa = pl.DataFrame({"CHILD": ["1"], "DATE_PLACED": ["01/02/2025"]})
    last = pl.DataFrame(
        {
            "CHILD": ["1"],
            "DATE_PLACED": ["01/02/2025"],
            "DATE_PLACED_CEASED": [None],
            "REASON_PLACED_CEASED": ["RD1"],
        }
    )
    assert flagged("561", 2026, {"PlacedAdoption": pa}, {"PlacedAdoption": last}) == {
        "PlacedAdoption": [0]
    }
