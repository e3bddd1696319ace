"""The ``lookedafter`` command. Each subcommand lives in its own module and is imported on use."""

from __future__ import annotations

import gc
import importlib
import os
import sys

# Polars allocates through jemalloc, which by default hands memory back to the system after
# 10 s, or at once for blocks over 8 MiB: a command building millions of rows then spends much
# of its time having the kernel zero fresh pages (national measures: about 3 s of 20 s of CPU).
# A command's memory is kept for reuse instead, for 30 s; set before Polars is first imported
# (by a command's module), and only where the user has not chosen otherwise.
os.environ.setdefault(
    "_RJEM_MALLOC_CONF", "oversize_threshold:0,dirty_decay_ms:30000,muzzy_decay_ms:30000"
)

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


def main() -> None:
    """The ``lookedafter`` console script: runs the command, flushes its output and ends the
    process there. The interpreter's own teardown (freeing every module and every frame the
    command built, one object at a time) is skipped: nothing is left to write by then, and it
    took about 0.03 s of a small authority's half-second run."""
    code: int
    try:
        cli.main()
        code = 0
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:  # sys.exit("message"): the message goes to stderr, as Python does
            print(done.code, file=sys.stderr)
            code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (``| head``): nothing more can be said
        code = code or 1
    os._exit(code)
