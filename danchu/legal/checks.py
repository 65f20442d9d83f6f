"""System checks of the legal data: a year whose days off are not announced is provisional, and
the administrator is told to confirm it (the calendar page has the form)."""

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone


@checks.register("legal", deploy=False)
def provisional_calendar(app_configs=None, **kwargs):
    """Warn when this year or the next has no confirmed calendar (e.g. Tết 2027 in December 2026)."""
    return provisional_warnings(timezone.localdate())


def provisional_warnings(today):
    from . import calendar

    try:
        years = calendar.provisional_years([today.year, today.year + 1])
    except DatabaseError:
        return []
    return [
        checks.Warning(
            f"Lịch nghỉ lễ, Tết năm {year} là tạm tính (chưa có văn bản công bố được xác nhận): "
            "thời hạn rơi vào năm này có thể thay đổi.",
            hint=f"Quản trị hệ thống nhập ngày nghỉ, ngày làm bù đã công bố và xác nhận năm trên trang "
            f"/phap-ly/lich/{year}/.",
            id="legal.W001",
        )
        for year in years
    ]
