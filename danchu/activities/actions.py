"""Every change to the activities registers goes through these functions: atomic, validated
(Vietnamese messages), with an audit row in the same transaction."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core import transactions
from danchu.core.registers import delete_record, record_actions
from danchu.orgs import access

from .models import Fund

CHANGE = "activities.change"
REFUSED = gettext_lazy("Bạn không có quyền sửa sổ theo dõi này của cơ quan.")

# Each kind's save and delete: the permission check, then core.registers' audited save/delete.
save_campaign, delete_campaign = record_actions(CHANGE, REFUSED)
save_fund = record_actions(CHANGE, REFUSED)[0]  # delete_fund below refuses a fund with contributions
save_contribution, delete_contribution = record_actions(CHANGE, REFUSED, "fund__organization")
save_procedure, delete_procedure = record_actions(CHANGE, REFUSED)
save_duty, delete_duty = record_actions(CHANGE, REFUSED)
save_staffing_quota, delete_staffing_quota = record_actions(CHANGE, REFUSED)
save_activity, delete_activity = record_actions(CHANGE, REFUSED)


def delete_fund(fund: Fund, *, actor, reason=""):
    access.check_record(actor, CHANGE, fund, message=REFUSED)
    with transactions.action():
        if fund.contributions.exists():
            raise ValidationError(_("Quỹ đã có khoản đóng góp: hãy xóa các khoản đóng góp trước."))
        delete_record(fund, actor=actor, reason=reason)
