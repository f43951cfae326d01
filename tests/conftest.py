"""Shared test settings and the library fixtures every test file uses.

Hypothesis runs without per-example deadlines on shared, loaded CI machines: tests check behaviour, never
wall-clock time, so a slow example must not fail a property test.

Library fixtures (each in the test's own temporary folder, closed afterwards):
- `library_path`: the folder of a new, empty library (no bundled samples), for tests that run commands;
- `empty_library`: that library, open;
- `library`: an open library holding the small invented articles of `tests.tui_support.ARTICLES`;
- `sample_library`: an open library holding the bundled sample briefings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from store.library import Library
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
