"""The full-scan campaign report (report.py) as a monospace table for a terminal (`report --full-scan`)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.features.reports.report import NONE_LABEL, Report, Slice
from flows.catalogue import t


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A monospace table: first column left-aligned, numbers right-aligned."""
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("-" * len(lines[0]))
    return lines


def _label(label: str, lang: str) -> str:
    return t("analytics.none", lang) if label == NONE_LABEL else label


def render_text(report: Report, lang: str = "en") -> str:
    """Plain text (monospace) for a terminal, or for a <pre> block after escaping."""
    o = report.overall
    fmt = "%Y-%m-%d %H:%M"
    lines = [
        t("analytics.title", lang, since=report.since.strftime(fmt), until=report.until.strftime(fmt)),
        "",
    ]
    if not o.starts and not o.steps and not o.completed and not o.leads:
        lines.append(t("analytics.empty", lang))
        return "\n".join(lines)
    lines.append(
        t(
            "analytics.summary",
            lang,
            starts=o.starts,
            completed=o.completed,
            rate=_pct(o.completion_rate),
            leads=o.leads,
            urgent=o.urgent_leads,
        )
    )
    lines += ["", t("analytics.funnel", lang)]
    lines += _funnel_table(report, o, lang)
    if o.programs:
        lines += ["", t("analytics.programs", lang)]
        for program, count in sorted(o.programs.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {program}: {count}")
    for dimension, slices in report.breakdowns.items():
        if not slices:
            continue
        lines += ["", t(f"analytics.by.{dimension}", lang)]
        header = [
            t(f"analytics.col.{c}", lang) for c in ("group", "starts", "completed", "rate", "leads", "urgent")
        ]
        rows = [
            [_label(s.label, lang), s.starts, s.completed, _pct(s.completion_rate), s.leads, s.urgent_leads]
            for s in slices
        ]
        lines += _table(header, rows)
        for s in slices:
            if s.steps:
                lines += ["", f"{t(f'analytics.by.{dimension}', lang)}: {_label(s.label, lang)}"]
                lines += _funnel_table(report, s, lang)
    return "\n".join(lines)


def _funnel_table(report: Report, slice_: Slice, lang: str) -> list[str]:
    header = [t(f"analytics.col.{c}", lang) for c in ("question", "reached", "answered", "left")]
    rows = [[s.question_id, s.reached, s.answered, s.left] for s in report.ordered_steps(slice_)]
    return _table(header, rows)
