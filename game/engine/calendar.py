"""Dates as absolute month indices (year * 12 + month - 1), and back to "YYYY-MM"."""
from __future__ import annotations


def month_index(date: str) -> int:
    year, month = date.split("-")
    return int(year) * 12 + int(month) - 1


def date_str(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def long_date(month: int) -> str:
    return f"{MONTH_NAMES[month % 12]} {month // 12}"
