"""Prometheus metrics for one running bot.

Every metric lives in a per-app :class:`CollectorRegistry` instead of prometheus-client's global one:
tests and the benchmark start several bots in one process, and the global registry refuses a second
metric with the same name. Each ``BotMetrics`` owns its registry and ``/metrics`` renders exactly it.

Update counts and latency come from an outer dispatcher middleware, so they cover every update the
dispatcher sees, handled or not. Business counters (screenings, leads) are bumped through
:meth:`BotMetrics.record_event`, which the service calls with the names of the events it has just
committed — the same events the marketing reports read, so the two can never disagree about what
happened.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

# Handling is dominated by one DB transaction; buckets resolve the 50 ms p99 goal and the long tail.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

# Event names the service records (bot/db events table) mapped to the counter they feed.
SCREENING_STARTED_EVENTS = frozenset({"screening_started", "started"})
SCREENING_COMPLETED_EVENTS = frozenset({"screening_completed", "completed", "plan_shown"})
LEAD_EVENTS = frozenset({"lead_created", "lead"})


class BotMetrics:
    """The metric set of one bot process; cheap enough to build one per test."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry(auto_describe=True)
        self.updates = Counter(
            "bot_updates_total", "Updates handled, by update type.", ["type"], registry=self.registry
        )
        self.errors = Counter(
            "bot_update_errors_total",
            "Updates whose handling raised, by update type.",
            ["type"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "bot_update_handling_seconds",
            "Time from receiving an update to finishing it (DB commit and replies sent).",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.screenings_started = Counter(
            "bot_screenings_started_total", "Screenings people began.", registry=self.registry
        )
        self.screenings_completed = Counter(
            "bot_screenings_completed_total", "Screenings that reached a plan.", registry=self.registry
        )
        self.leads = Counter("bot_leads_total", "Qualified leads created.", registry=self.registry)
        self.telegram_failures = Counter(
            "bot_telegram_request_failures_total",
            "Failed Bot API calls, by method, failure kind and whether they were retried.",
            ["method", "kind", "retried"],
            registry=self.registry,
        )

    def record_event(self, name: str) -> None:
        """Count one committed business event by its stored name; unknown names are ignored."""
        if name in SCREENING_STARTED_EVENTS:
            self.screenings_started.inc()
        elif name in SCREENING_COMPLETED_EVENTS:
            self.screenings_completed.inc()
        elif name in LEAD_EVENTS:
            self.leads.inc()

    def observe_retry(self, method: str, kind: str, retried: bool) -> None:
        """Observer for :class:`bot.telegram.session.RetryMiddleware`."""
        self.telegram_failures.labels(method=method, kind=kind, retried=str(retried).lower()).inc()

    def render(self) -> tuple[bytes, str]:
        """The exposition body and its content type, for an HTTP handler."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST

    def install(self, dispatcher: Dispatcher) -> None:
        """Measure every update that reaches ``dispatcher`` and make ``metrics`` injectable in handlers."""
        dispatcher.update.outer_middleware(UpdateMetricsMiddleware(self))
        dispatcher["metrics"] = self


def _update_type(event: TelegramObject) -> str:
    if not isinstance(event, Update):
        return type(event).__name__
    try:
        return event.event_type
    except UpdateTypeLookupError:
        # A type newer than this aiogram; still counted, under one label so cardinality stays bounded.
        return "unknown"


class UpdateMetricsMiddleware(BaseMiddleware):
    """Outer ``update`` middleware: counts by type, errors, and wall time of the whole handling."""

    def __init__(self, metrics: BotMetrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        update_type = _update_type(event)
        started = time.perf_counter()
        try:
            return await handler(event, data)
        except Exception:
            self.metrics.errors.labels(type=update_type).inc()
            raise
        finally:
            self.metrics.latency.observe(time.perf_counter() - started)
            self.metrics.updates.labels(type=update_type).inc()
