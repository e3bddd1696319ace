"""On PostgreSQL, a trigger refuses any UPDATE or DELETE of the audit log (SQLite: the model).

TRUNCATE is left to the table's owner (the test runner empties tables that way); the service's
database role should not own the tables in production.
"""

from typing import Any

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION register_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'the audit log is append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER register_auditevent_no_update_delete
    BEFORE UPDATE OR DELETE ON register_auditevent
    FOR EACH ROW EXECUTE FUNCTION register_auditevent_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS register_auditevent_no_update_delete ON register_auditevent;
DROP FUNCTION IF EXISTS register_auditevent_append_only();
"""


class PostgreSQLOnly(migrations.RunSQL):
    """RunSQL that runs only on PostgreSQL (SQLite relies on the model's own refusal)."""

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, *args)


class Migration(migrations.Migration):
    dependencies = [("register", "0001_register")]  # noqa: RUF012
    operations = [PostgreSQLOnly(CREATE, DROP)]  # noqa: RUF012
