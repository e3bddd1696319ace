from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lookedafter.schema.dataset import Dataset
from lookedafter.web.register import audit
from lookedafter.web.register.dataset_io import load_dataset
from lookedafter.web.register.models import AuditAction


class Command(BaseCommand):
    help = (
        "Load a canonical dataset folder (dataset.json + parquet/CSV tables, as written by "
        "`lookedafter synth` into DIR/canonical) into the register, replacing what is there. "
        "Prints the rows loaded per table."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="canonical dataset folder")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        ds = Dataset.read(options["folder"])
        counts = load_dataset(ds)
        audit.record(
            None,
            None,
            AuditAction.WRITE,
            "loaddataset",
            username="manage.py",
            detail={"folder": str(options["folder"]), "rows": counts},
        )
        for table, n in counts.items():
            if n:
                self.stdout.write(f"{table:>20}  {n:>8,}")
        self.stdout.write(f"loaded in {time.perf_counter() - started:.1f} s")
