"""Moments in words, as a lifter says them."""

from __future__ import annotations

from datetime import datetime


def same_day(then: datetime, now: datetime) -> bool:
    return then.astimezone().date() == now.astimezone().date()


def days_ago(then: datetime, now: datetime) -> str:
    """'today', 'yesterday' or 'N days ago', by the local calendar."""
    days = (now.astimezone().date() - then.astimezone().date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"
