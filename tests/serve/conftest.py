"""A running `article-audit serve` server (in a thread), with the built-in defaults."""

from __future__ import annotations

import threading

import pytest


@pytest.fixture
def server(tmp_path, monkeypatch):
    from audit.serve.app import App, settings_for
    from audit.serve.server import Server

    monkeypatch.chdir(tmp_path)
    app = App(settings_for(str(tmp_path), isolated=True), str(tmp_path))
    srv = Server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
