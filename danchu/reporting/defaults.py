"""What a new report starts with, so that starting one is one click.

Signer, signing authority, signer title, recipients and place come, in this order, from the
agency's settings (`danchu.orgs.signing.default_signature`, `Organization.default_recipients`,
`place_name`), else its previous report, else the province's request for the period (the request
also gives its reference, date, issuer, subject and data window). What is still missing is named
by `missing_settings`, each with the page where it is set.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _

from danchu.orgs.signing import default_signature, signature_for

from .models import Report, ReportType


def request_for(org, period, report_type=ReportType.ANNUAL_DEMOCRACY):
    """The newest province request of `period` that `org` must answer, or None. (The request lives
    in consolidation, which builds on reporting: looked up by name, never imported.)"""
    try:
        ReportRequest = apps.get_model("consolidation", "ReportRequest")
    except LookupError:
        return None
    return (
        ReportRequest.objects.filter(period=period, report_type=report_type, target_rows__organization=org)
        .select_related("requesting_org")
        .order_by("-issued_on", "-pk")
        .first()
    )


def previous_report(org, period, report_type=ReportType.ANNUAL_DEMOCRACY):
    return (
        Report.objects.filter(organization=org, report_type=report_type, period__end__lt=period.start)
        .select_related("signer__person", "signer__organization")
        .order_by("-period__year", "-version", "-pk")
        .first()
    )


def _request_recipients(request):
    return "\n".join([f"{request.requesting_org.name} (b/c)", "Lưu: VT."])


def defaults_for(org, period, report_type=ReportType.ANNUAL_DEMOCRACY, day=None):
    """The field values a new report of `org` for `period` starts with (only those found)."""
    fields = {}
    request = request_for(org, period, report_type)
    if request is not None:
        fields.update(
            request_kind="Công văn",
            request_ref=request.reference,
            request_date=request.issued_on,
            request_issuer=request.requesting_org.name,
            request_subject=request.title,
            data_start=request.data_start,
            data_end=request.data_end,
        )
    day = day or fields.get("data_end") or period.cutoff_end
    signature = default_signature(org, day)
    previous = previous_report(org, period, report_type)
    if signature is None and previous is not None and previous.signer_id:
        membership = previous.signer
        if membership.organization_id == org.pk and (membership.end is None or membership.end >= day):
            signature = signature_for(membership)
            if not signature.title and previous.signer_title:
                signature = type(signature)(
                    previous.signing_authority, previous.signer_title, signature.name, membership
                )
    if signature is not None:
        fields.update(
            signer=signature.membership,
            signing_authority=signature.authority,
            signer_title=signature.title,
        )
    recipients = (org.default_recipients or "").strip()
    if not recipients and previous is not None:
        recipients = previous.recipients.strip()
    if not recipients and request is not None:
        recipients = _request_recipients(request)
    if recipients:
        fields["recipients"] = recipients
    place = org.place_name or (previous.place if previous is not None else "")
    if place:
        fields["place"] = place
    return fields


@dataclass(frozen=True)
class Missing:
    field: str
    label: str
    hint: str


def missing_settings(report):
    """What a report cannot be started without, named in Vietnamese with what to set."""
    missing = []
    if report.signer_id is None:
        missing.append(
            Missing(
                "signer",
                _("người ký"),
                _("chọn người ký mặc định hoặc đánh dấu người đứng đầu trong danh sách cán bộ"),
            )
        )
    elif not report.signer_title:
        missing.append(
            Missing(
                "signer_title", _("chức vụ người ký"), _("ghi chức vụ của người ký trong danh sách cán bộ")
            )
        )
    elif report.signer.is_deputy and not report.signing_authority:
        missing.append(
            Missing(
                "signing_authority",
                _("thẩm quyền ký (KT. …)"),
                _("ghi chức danh người đứng đầu, ví dụ Giám đốc"),
            )
        )
    if not (report.place or "").strip():
        missing.append(Missing("place", _("địa danh"), _("ghi địa danh, ví dụ Vĩnh Long")))
    if not (report.recipients or "").strip():
        missing.append(
            Missing("recipients", _("nơi nhận"), _("ghi nơi nhận mặc định, mỗi dòng một nơi nhận"))
        )
    return missing


def settings_url(org):
    return reverse("orgs:settings", kwargs={"code": org.code})
