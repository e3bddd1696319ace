from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lookedafter.web.register import audit
from lookedafter.web.register.dataset_io import export_dataset
from lookedafter.web.register.models import AuditAction


class Command(BaseCommand):
    help = "Write the whole register out as a canonical dataset folder (parquet or CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="folder to write")
        parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")

    def handle(self, *args: Any, **options: Any) -> None:
        ds = export_dataset(as_of=timezone.localdate())
        ds.write(options["folder"], options["format"])
        audit.record(
            None,
            None,
            AuditAction.EXPORT,
            "exportdataset",
            username="manage.py",
            detail={"folder": str(options["folder"])},
        )
        self.stdout.write(f"wrote {len(ds.tables)} tables to {options['folder']}")
