"""The canonical dataset: tables, columns, dtypes and code lists, declared once."""

from lookedafter.schema.dataset import Dataset, Meta, SchemaMismatch
from lookedafter.schema.tables import PRACTICE_NAMES, SSDA903_NAMES, TABLES, Column, Table, table

__all__ = [
    "PRACTICE_NAMES",
    "SSDA903_NAMES",
    "TABLES",
    "Column",
    "Dataset",
    "Meta",
    "SchemaMismatch",
    "Table",
    "table",
]
