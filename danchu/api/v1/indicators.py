"""An organisation's indicators for a period, computed from the registers as on the report page."""

import datetime
from typing import Literal

from django.http import Http404
from ninja import Field, Path, Query, Schema

from danchu.orgs.models import ReportingPeriod
from danchu.reporting.indicators import BY_CODE as INDICATOR_BY_CODE
from danchu.reporting.indicators import Origin
from danchu.reporting.indicators import compute as compute_indicators
from danchu.reporting.indicators import label_on as indicator_label_on

from .shared import CODE_PATTERN, ERR, _visible_org, api


class IndicatorOut(Schema):
    code: str
    label: str
    unit: str
    group: str
    value: int | float | None
    computed: int | float | None = Field(description="Giá trị tính từ sổ (trước khi nhập tay).")
    origin: Literal[tuple(Origin.values)] = Field(
        description="Nguồn gốc: `computed` tính từ sổ, `manual` nhập tay (có lý do), `missing` chưa có sổ."
    )
    reason: str = Field(description="Lý do nhập tay, khi origin là manual.")
    source: str = Field(description="Sổ mà chỉ tiêu được tính từ đó.")


class IndicatorsOut(Schema):
    organisation: str
    period: str
    data_start: datetime.date
    data_end: datetime.date
    missing: list[str] = Field(description="Các sổ chưa có trong danchu: chỉ tiêu của chúng là missing.")
    indicators: list[IndicatorOut]


def _number(v):
    return v if isinstance(v, int | float) and not isinstance(v, bool) else None


def _indicators(data, as_of):
    rows = []
    for code, value in data.values.items():
        indicator = INDICATOR_BY_CODE.get(code)
        rows.append(
            {
                "code": code,
                "label": str(indicator_label_on(code, as_of)) if indicator else code,
                "unit": str(indicator.unit) if indicator else "",
                "group": str(indicator.group) if indicator else "",
                "value": _number(value.value),
                "computed": _number(value.computed),
                "origin": str(value.origin),
                "reason": value.reason or "",
                "source": indicator.source if indicator else "",
            }
        )
    return rows


@api.get(
    "/organisations/{code}/indicators",
    response={200: IndicatorsOut, **ERR},
    tags=["indicators"],
    summary="Chỉ tiêu của cơ quan trong kỳ",
)
def get_indicators(
    request,
    code: str = Path(..., pattern=CODE_PATTERN),
    period: str = Query(..., pattern=CODE_PATTERN, description="Mã kỳ báo cáo, ví dụ 2020."),
):
    """Các chỉ tiêu của một cơ quan (cùng đơn vị trực thuộc) trong một kỳ, tính từ sổ như trên trang báo
    cáo, với nguồn gốc của từng số (tính từ sổ, nhập tay, chưa có sổ)."""
    org = _visible_org(request, code, "reporting.view")
    p = ReportingPeriod.objects.filter(code=period).first()
    if p is None:
        raise Http404
    data = compute_indicators(org, p)
    return {
        "organisation": org.code,
        "period": p.code,
        "data_start": p.cutoff_start,
        "data_end": p.cutoff_end,
        "missing": list(data.missing),
        "indicators": _indicators(data, p.cutoff_end),
    }
