"""Shared test settings and the library fixtures every test file uses.

Hypothesis runs without per-example deadlines on shared, loaded CI machines: tests check behaviour, never
wall-clock time, so a slow example must not fail a property test.

Library fixtures (each in the test's own temporary folder, closed afterwards):
- `library_path`: the folder of a new, empty library (no bundled samples), for tests that run commands;
- `empty_library`: that library, open;
- `library`: an open library holding the small invented articles of `tests.tui_support.ARTICLES`;
- `sample_library`: an open library holding the bundled sample briefings.

Network fixtures (the tests never reach anything but this machine):
- `web`: invented pages and feeds served on 127.0.0.1 (`tests.http_support.serve`);
- `only_127_0_0_1`: fails the test if it looks up or reaches any other host (files that fetch use it for
  every test: `pytestmark = pytest.mark.usefixtures("only_127_0_0_1")`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from store.library import Library
from tests.http_support import LocalServer, local_only, serve
from tests.tui_support import make_library

settings.register_profile(
    "briefing", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("briefing")


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()  # it exists already: no bundled samples
    return folder


@pytest.fixture
def empty_library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib", import_samples=False) as library:
        yield library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = make_library(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def sample_library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib", import_samples=True) as library:
        yield library


@pytest.fixture
def web() -> Iterator[LocalServer]:
    yield from serve()


@pytest.fixture
def only_127_0_0_1(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    refused = local_only(monkeypatch)
    yield
    assert not refused, f"a test tried to reach {refused}"
