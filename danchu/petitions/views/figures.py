"""The petitions statistics and the letters behind each figure."""

import datetime
import urllib.parse

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import params

from .. import permissions, stats
from ..models import (
    ReceptionSession,
)
from .shared import PAGE_SIZE, _require


def _period(request):
    """The statistics' period from `start` + `end`, else `year`, else this year; a bad value is
    named on the page (params.Filters), never a 500 nor silently replaced."""
    today = timezone.localdate()
    f = params.Filters(request)
    start, end = f.date("start", label=_("Từ ngày")), f.date("end", label=_("Đến ngày"))
    year = f.year("year", label=_("Năm"))
    f.report(request)
    if start is None or end is None:
        year = year or today.year
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if end < start:
        start, end = end, start
    return start, end


@login_required
def statistics(request):
    org = _require(request, "petitions.stats")
    start, end = _period(request)
    figures = stats.petition_stats(org, start, end)
    query = urllib.parse.urlencode({"start": start.isoformat(), "end": end.isoformat()})
    rows = [(k, stats.label_for(k), figures[k]) for k in stats.FIGURES]
    kind_rows = [
        (
            label,
            [
                (
                    f"{prefix}_{'received' if k == 'letters_received' else k}",
                    figures[f"{prefix}_{'received' if k == 'letters_received' else k}"],
                )
                for k in stats.FIGURES
            ],
        )
        for (kind, prefix), label in zip(
            stats.KIND_PREFIX.items(), [k.label for k in stats.KIND_PREFIX], strict=True
        )
    ]
    return render(
        request,
        "petitions/stats.html",
        {
            "org": org,
            "start": start,
            "end": end,
            "s": figures,
            "rows": rows,
            "kind_rows": kind_rows,
            "headers": [stats.label_for(k) for k in stats.FIGURES],
            "channels": [
                (c.label, f"channel_{c.value}", figures[f"channel_{c.value}"]) for c in stats.Channel
            ],
            "reception": [(k, stats.label_for(k), figures[k]) for k in stats.RECEPTION_KEYS],
            "definition": stats.RATE_DEFINITION,
            "query": query,
            "years": range(timezone.localdate().year, 2014, -1),
        },
    )


@login_required
def statistics_records(request, key):
    org = _require(request, "petitions.stats")
    start, end = _period(request)
    try:
        qs = stats.records_for(org, start, end, key)
    except (KeyError, ValueError):
        raise Http404 from None
    is_reception = qs.model is ReceptionSession
    if not is_reception:
        qs = qs.filter(permissions.visible_q(request.user)).select_related("organization", "handler")
    f = params.Filters(request)
    page_number = f.page()
    f.report(request)
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    return render(
        request,
        "petitions/stats_records.html",
        {
            "page_obj": page,
            "label": stats.label_for(key),
            "start": start,
            "end": end,
            "is_reception": is_reception,
            "querystring_without_page": urllib.parse.urlencode(
                {"start": start.isoformat(), "end": end.isoformat()}
            ),
        },
    )
