"""The ``copydesk`` command: one module per command (check, decode, clean and explain, learn, diff, rules, init)."""

from __future__ import annotations

import signal
import sys
from typing import Any

import click

from copydesk import __version__
from copydesk.cli import check, clean, decode, diff, init, learn, rules
from copydesk.cli.common import EXIT_CODES, EXIT_INTERRUPTED, EXIT_TERMINATED, shown


class _Terminated(BaseException):
    """SIGTERM, raised where the run is, so the pool is stopped and the outputs left whole
    on the way out (as Ctrl-C does), then exit 143."""


def _terminated(signum: int, frame: Any) -> None:
    raise _Terminated


class _Interrupt:
    """Ctrl-C raised where the run is, as Python's own handler does, and remembered: Python
    prints and drops an exception raised while a finaliser runs (``__del__``, a weakref
    callback, the garbage collector), and the run would go on to exit 0."""

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, signum: int, frame: Any) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def install(self) -> Any:
        """Replace Python's default handler (never an ignored SIGINT: a run started in the
        background keeps ignoring Ctrl-C); the handler it replaced, to restore."""
        previous = signal.getsignal(signal.SIGINT)
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, self)
        return previous


class _Group(click.Group):
    """The command group, with Ctrl-C as the shell reports it (130), not click's "Aborted!" and 1."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        previous = signal.signal(signal.SIGTERM, _terminated)
        interrupt = _Interrupt()
        previous_interrupt = interrupt.install()
        try:
            try:
                return super().main(args, prog_name, standalone_mode=False, **extra)
            finally:
                if interrupt.seen:
                    raise KeyboardInterrupt  # one a finaliser dropped: the run still ends as interrupted
        except (KeyboardInterrupt, click.Abort):
            click.echo("copydesk: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except _Terminated:
            click.echo("copydesk: terminated", err=True)
            sys.exit(EXIT_TERMINATED)
        except click.ClickException as exc:
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                click.echo(exc.ctx.get_usage(), err=True)
            click.echo(f"Error: {shown(exc.format_message())}", err=True)  # a path in it may hold a newline or an ESC
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_interrupt)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="copydesk")
def main() -> None:
    """A pre-ingestion gate for scraped news text.

    Settings come from the command line, then a [tool.copydesk] table in pyproject.toml
    (or copydesk.toml) found by walking up from the current folder, then the defaults.
    """


for command in (check.check, decode.decode, clean.clean, clean.explain, learn.learn, diff.diff, rules.rules, init.init):
    main.add_command(command)

__all__ = ["main"]
