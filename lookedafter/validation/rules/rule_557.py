import polars as pl

from lookedafter.validation.helpers_c import ADOPTED, ADOPTION_PLACEMENTS, ceased_care, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "557",
    message="The child had a decision to be placed for adoption and left care without being "
    "adopted, but the date and reason the decision ceased are not both recorded. Record "
    "when and why the child should no longer be placed for adoption.",
    table="PlacedAdoption",
    fields=("DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"),
    needs=("Episodes", "PlacedAdoption"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    adoption_track = pl.col("PLACE").is_in(ADOPTION_PLACEMENTS) | (pl.col("LS") == "E1")
    left = ctx["Episodes"].filter(adoption_track & ceased_care() & ~pl.col("REC").is_in(ADOPTED))
    pa = ctx["PlacedAdoption"]
    incomplete = pa.filter(
        pl.col("DATE_PLACED_CEASED").is_null() | pl.col("REASON_PLACED_CEASED").is_null()
    )
    bad_pa = incomplete.join(left, on="CHILD", how="semi")
    bad_eps = pl.concat(
        [
            left.join(pa, on="CHILD", how="anti"),
            left.join(incomplete, on="CHILD", how="semi"),
        ]
    )
    return {"PlacedAdoption": bad_pa, "Episodes": bad_eps}


def test_557_leaving_care_unadopted_closes_the_decision() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "PLACE": ["A3", "U1", "A4", "A5", "A6"],
            "LS": ["E1", "E1", "E1", "E1", "E1"],
            "REC": ["E13", "E4A", "E11", "E13", "X1"],
        }
    )
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "5"],
            "DATE_PLACED_CEASED": [None, "01/06/2025", None, None],
            "REASON_PLACED_CEASED": [None, "RD1", None, None],
        }
    )
    result = flagged("557", 2026, {"Episodes": eps, "PlacedAdoption": pa})
    assert result == {"PlacedAdoption": [0], "Episodes": [0, 3]}
