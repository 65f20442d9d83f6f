"""Every change to the activities registers goes through these functions: atomic, validated
(Vietnamese messages), with an audit row in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core.registers import delete_record, save_record
from danchu.orgs import access

from .models import (
    Activity,
    AdministrativeProcedure,
    Campaign,
    Contribution,
    Fund,
    ServiceCentreDuty,
    StaffingQuota,
)

CHANGE = "activities.change"
REFUSED = gettext_lazy("Bạn không có quyền sửa sổ theo dõi này của cơ quan.")


def save_campaign(campaign: Campaign, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, campaign, message=REFUSED)
    return save_record(campaign, actor=actor, reason=reason, expected_version=expected_version)


def delete_campaign(campaign: Campaign, *, actor, reason=""):
    access.check_record(actor, CHANGE, campaign, message=REFUSED)
    delete_record(campaign, actor=actor, reason=reason)


def save_fund(fund: Fund, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, fund, message=REFUSED)
    return save_record(fund, actor=actor, reason=reason, expected_version=expected_version)


def delete_fund(fund: Fund, *, actor, reason=""):
    access.check_record(actor, CHANGE, fund, message=REFUSED)
    with transaction.atomic():
        if fund.contributions.exists():
            raise ValidationError(_("Quỹ đã có khoản đóng góp: hãy xóa các khoản đóng góp trước."))
        delete_record(fund, actor=actor, reason=reason)


def save_contribution(contribution: Contribution, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, contribution, "fund__organization", message=REFUSED)
    return save_record(
        contribution,
        actor=actor,
        reason=reason,
        organization=contribution.fund.organization,
        expected_version=expected_version,
    )


def delete_contribution(contribution: Contribution, *, actor, reason=""):
    access.check_record(actor, CHANGE, contribution, "fund__organization", message=REFUSED)
    delete_record(contribution, actor=actor, reason=reason, organization=contribution.fund.organization)


def save_procedure(procedure: AdministrativeProcedure, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, procedure, message=REFUSED)
    return save_record(procedure, actor=actor, reason=reason, expected_version=expected_version)


def delete_procedure(procedure: AdministrativeProcedure, *, actor, reason=""):
    access.check_record(actor, CHANGE, procedure, message=REFUSED)
    delete_record(procedure, actor=actor, reason=reason)


def save_duty(duty: ServiceCentreDuty, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, duty, message=REFUSED)
    return save_record(duty, actor=actor, reason=reason, expected_version=expected_version)


def delete_duty(duty: ServiceCentreDuty, *, actor, reason=""):
    access.check_record(actor, CHANGE, duty, message=REFUSED)
    delete_record(duty, actor=actor, reason=reason)


def save_staffing_quota(quota: StaffingQuota, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, quota, message=REFUSED)
    return save_record(quota, actor=actor, m2m=m2m, reason=reason, expected_version=expected_version)


def delete_staffing_quota(quota: StaffingQuota, *, actor, reason=""):
    access.check_record(actor, CHANGE, quota, message=REFUSED)
    delete_record(quota, actor=actor, reason=reason)


def save_activity(activity: Activity, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE, activity, message=REFUSED)
    return save_record(activity, actor=actor, reason=reason, expected_version=expected_version)


def delete_activity(activity: Activity, *, actor, reason=""):
    access.check_record(actor, CHANGE, activity, message=REFUSED)
    delete_record(activity, actor=actor, reason=reason)
