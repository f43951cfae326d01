"""Shared test settings: Hypothesis runs without per-example deadlines on shared, loaded CI machines.

Tests check behaviour, never wall-clock time, so a slow example must not fail a property test.
"""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "briefing", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("briefing")
