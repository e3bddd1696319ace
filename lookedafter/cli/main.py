"""The ``lookedafter`` command. Each subcommand lives in its own module and is imported on use."""

from __future__ import annotations

import gc
import importlib

import click

# command name -> module under lookedafter.cli defining ``command`` (a click.Command)
COMMANDS: dict[str, str] = {
    "synth": "synth_cmd",
    "convert": "convert_cmd",
    "summary": "summary_cmd",
    "validate": "validate_cmd",
    "measures": "measures_cmd",
    "due": "due_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        module_name = COMMANDS.get(name)
        if module_name is None:
            return None
        try:
            module = importlib.import_module(f"lookedafter.cli.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"lookedafter.cli.{module_name}":
                return None  # not built yet
            raise
        # Everything imported so far lives until the process ends: moved out of the garbage
        # collector's sight, later collections look only at what the command itself makes
        # (about 5% of a small authority's validation).
        gc.freeze()
        command: click.Command = module.command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lookedafter")
def cli() -> None:
    """lookedafter: run and oversee an authority's service for children in care.

    \b
    Example:
      lookedafter synth --children 1000 --years 5 --seed 1 --out demo
      lookedafter convert demo/903/2026 --out canonical --to canonical
    """
