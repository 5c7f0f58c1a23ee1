from __future__ import annotations

from importlib import resources

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Each test session uses its own cache folder, never the user's."""
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def sample_text() -> str:
    return resources.files("audit.samples").joinpath("coalition-meeting.txt").read_text(encoding="utf-8")


@pytest.fixture
def sample_path(tmp_path, sample_text) -> str:
    path = tmp_path / "coalition-meeting.txt"
    path.write_text(sample_text, encoding="utf-8")
    return str(path)
