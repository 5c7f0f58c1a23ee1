"""`article-audit serve`: start the local app (audit.serve) and say where it is."""

from __future__ import annotations

import argparse
import os
import webbrowser

from audit.cli.output import Stop, say
from audit.config.loader import ConfigError
from audit.results.exit_codes import ExitCode


def cmd_serve(args: argparse.Namespace) -> int:
    from audit.serve.app import App, settings_for
    from audit.serve.server import Server, is_loopback

    folder = os.getcwd()
    try:
        settings = settings_for(folder, config=args.config, isolated=args.isolated, profile=args.profile)
    except ConfigError as exc:
        raise Stop(ExitCode.ERROR, str(exc)) from None
    if not is_loopback(args.host):
        say(
            f"warning: serving on {args.host}, not only this computer: anyone who can reach it can send drafts "
            "to check (it reads and writes no file)"
        )
    try:
        server = Server(App(settings, folder), args.host, args.port)
    except OSError as exc:
        raise Stop(ExitCode.ERROR, f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    print(f"article-audit serve: {server.url} (Ctrl-C to stop)", flush=True)
    if args.open:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        say("stopped")
    finally:
        server.server_close()
    return ExitCode.OK
