"""Out-of-hours contacts passed to the day team within the local standard (rule D1)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "edt_transfer_on_time",
    title="Out-of-hours transfers on time",
    definition="""Out-of-hours (emergency duty team) contacts about looked-after children whose
    transfer to the day team fell due in the 12 months to the reference date, and of those the ones
    transferred within the authority's standard (rule D1; by default 09:00 the next working day), as
    judged by the timescale engine.""",
    numerator="Contacts transferred to the day team within the local standard",
    denominator="Out-of-hours contacts due for transfer in the 12 months",
    area="Out of hours",
    subject="contact",
    needs=("timescales", "EDTContacts"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("D1",))
