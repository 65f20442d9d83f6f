"""Every change to the activities registers goes through these functions: atomic, validated
(Vietnamese messages), with an audit row in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danchu.core.registers import delete_record, save_record

from .models import (
    Activity,
    AdministrativeProcedure,
    Campaign,
    Contribution,
    Fund,
    ServiceCentreDuty,
    StaffingQuota,
)


def save_campaign(campaign: Campaign, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(campaign, actor=actor, reason=reason, expected_version=expected_version)


def delete_campaign(campaign: Campaign, *, actor, reason=""):
    delete_record(campaign, actor=actor, reason=reason)


def save_fund(fund: Fund, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(fund, actor=actor, reason=reason, expected_version=expected_version)


def delete_fund(fund: Fund, *, actor, reason=""):
    with transaction.atomic():
        if fund.contributions.exists():
            raise ValidationError(_("Quỹ đã có khoản đóng góp: hãy xóa các khoản đóng góp trước."))
        delete_record(fund, actor=actor, reason=reason)


def save_contribution(contribution: Contribution, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(
        contribution,
        actor=actor,
        reason=reason,
        organization=contribution.fund.organization,
        expected_version=expected_version,
    )


def delete_contribution(contribution: Contribution, *, actor, reason=""):
    delete_record(contribution, actor=actor, reason=reason, organization=contribution.fund.organization)


def save_procedure(procedure: AdministrativeProcedure, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(procedure, actor=actor, reason=reason, expected_version=expected_version)


def delete_procedure(procedure: AdministrativeProcedure, *, actor, reason=""):
    delete_record(procedure, actor=actor, reason=reason)


def save_duty(duty: ServiceCentreDuty, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(duty, actor=actor, reason=reason, expected_version=expected_version)


def delete_duty(duty: ServiceCentreDuty, *, actor, reason=""):
    delete_record(duty, actor=actor, reason=reason)


def save_staffing_quota(quota: StaffingQuota, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(quota, actor=actor, m2m=m2m, reason=reason, expected_version=expected_version)


def delete_staffing_quota(quota: StaffingQuota, *, actor, reason=""):
    delete_record(quota, actor=actor, reason=reason)


def save_activity(activity: Activity, *, actor, m2m=None, reason="", expected_version=None):
    return save_record(activity, actor=actor, reason=reason, expected_version=expected_version)


def delete_activity(activity: Activity, *, actor, reason=""):
    delete_record(activity, actor=actor, reason=reason)
