"""Disclosures, acknowledgements and read reminders."""

import copy

from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import stale, transactions
from danchu.documents.uploads import validate_upload
from danchu.legal.frameworks import framework_for
from danchu.notifications.actions import notify

from .. import rules
from ..models import (
    Channel,
    Disclosure,
    DisclosureAttachment,
    DisclosureChannel,
    DisclosureKind,
    DisclosureRecipient,
    DisclosureStatus,
)
from ..notifications import DISCLOSURE_UNREAD
from .shared import _next_reference, person_for, staff_person_ids

# --- disclosures -----------------------------------------------------------------------------


def _validate_disclosure(
    *, title, requirement, decided_on, channels, posted_from, posted_to, item_count, kind
):
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Vui lòng nhập tiêu đề.")
    if decided_on is None:
        errors["decided_on"] = _("Vui lòng nhập ngày ban hành quyết định, văn bản được công khai.")
    elif requirement is not None:
        framework = framework_for(decided_on)
        if requirement.framework != framework or requirement.area != "disclosure":
            errors["requirement"] = _(
                "Nội dung phải công khai không thuộc danh mục của khung pháp lý áp dụng vào ngày %(day)s."
            ) % {"day": decided_on.strftime("%d/%m/%Y")}
    if requirement is None:
        errors["requirement"] = _("Vui lòng chọn nội dung phải công khai theo quy định.")
    if not channels:
        errors["channels"] = _("Vui lòng chọn ít nhất một hình thức công khai.")
    elif set(channels) - set(Channel.values):
        errors["channels"] = _("Hình thức công khai không hợp lệ.")
    if posted_from and posted_to and posted_to < posted_from:
        errors["posted_to"] = _("Ngày kết thúc niêm yết phải sau ngày bắt đầu.")
    if kind == DisclosureKind.POSTING and not item_count:
        errors["item_count"] = _("Vui lòng nhập số nội dung được niêm yết.")
    if errors:
        raise ValidationError(errors)


def _checked_upload(upload, field):
    """(content type, safe name) of an upload whose bytes are an allowed kind, else a
    ValidationError on `field` (an extension alone is not trusted)."""
    try:
        return validate_upload(upload)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


@transactions.action()
def create_disclosure(
    *,
    organization,
    actor,
    title,
    requirement,
    decided_on,
    channels,
    content="",
    kind=DisclosureKind.DISCLOSURE,
    special_case=False,
    posted_from=None,
    posted_to=None,
    item_count=None,
    files=(),
    consultation=None,
):
    """A draft disclosure; `publish_disclosure` makes it visible to the staff."""
    _validate_disclosure(
        title=title,
        requirement=requirement,
        decided_on=decided_on,
        channels=channels,
        posted_from=posted_from,
        posted_to=posted_to,
        item_count=item_count,
        kind=kind,
    )
    checked = [(upload, *_checked_upload(upload, "attachment")) for upload in files]
    disclosure = Disclosure.objects.create(
        organization=organization,
        reference=_next_reference(organization, decided_on.year),
        kind=kind,
        title=title.strip(),
        content=content,
        framework=framework_for(decided_on),
        requirement=requirement,
        decided_on=decided_on,
        special_case=special_case,
        posted_from=posted_from,
        posted_to=posted_to,
        item_count=item_count,
        consultation=consultation,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    DisclosureChannel.objects.bulk_create(
        [DisclosureChannel(disclosure=disclosure, channel=c) for c in dict.fromkeys(channels)]
    )
    for upload, content_type, name in checked:
        DisclosureAttachment.objects.create(
            disclosure=disclosure,
            file=upload,
            original_name=name[:255],
            content_type=content_type,
            size=upload.size,
        )
    record_create(disclosure, actor, verb=_("Tạo nội dung công khai"))
    return disclosure


@transactions.action()
def publish_disclosure(disclosure, *, actor, published_on=None):
    """Publish to the staff of the organisation's subtree as they are on the publication day."""
    disclosure = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    if disclosure.status != DisclosureStatus.DRAFT:
        raise ValidationError(_("Nội dung này đã được công khai."))
    published_on = published_on or timezone.localdate()
    if published_on < disclosure.decided_on:
        raise ValidationError(
            {"published_on": _("Ngày công khai không thể trước ngày ban hành quyết định được công khai.")}
        )
    if published_on > timezone.localdate():
        raise ValidationError({"published_on": _("Ngày công khai không thể sau ngày hôm nay.")})
    before = snapshot(disclosure)
    disclosure.published_on = published_on
    disclosure.due_on = rules.disclosure_due(
        disclosure.framework, disclosure.decided_on, disclosure.special_case
    )
    disclosure.internal_site = disclosure.organization.has_internal_site
    if disclosure.posted_from is None and rules.posting_needed(
        disclosure.framework, disclosure.channel_list, disclosure.internal_site
    ):
        disclosure.posted_from = published_on
    people = staff_person_ids(disclosure.organization, published_on)
    DisclosureRecipient.objects.bulk_create(
        [DisclosureRecipient(disclosure=disclosure, person_id=pid) for pid in sorted(people)]
    )
    disclosure.audience_size = len(people)
    disclosure.status = DisclosureStatus.PUBLISHED
    disclosure.save()
    record(
        disclosure,
        AuditAction.TRANSITION,
        actor,
        changes=diff(before, snapshot(disclosure)),
        verb=_("Công khai đến %(n)s người") % {"n": len(people)},
    )
    return disclosure


@transactions.action()
def end_posting(disclosure, *, actor, posted_to, expected_version=None):
    """Record the day the item was taken down from the notice board or intranet.
    `expected_version` is the `stale.version_of` the disclosure as the page showed it ("" when
    the form carried none): under the row lock, a day someone else recorded meanwhile is not
    overwritten (`stale.StaleEdit`). None checks nothing."""
    disclosure = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    if disclosure.status != DisclosureStatus.PUBLISHED:
        raise ValidationError(_("Chỉ ghi ngày gỡ niêm yết cho nội dung đã công khai."))
    start = disclosure.posted_from or disclosure.published_on
    if posted_to is None or posted_to < start:
        raise ValidationError({"posted_to": _("Ngày gỡ niêm yết phải từ ngày bắt đầu niêm yết trở đi.")})
    mine = copy.copy(disclosure)
    mine.posted_to = posted_to
    stale.check_record(disclosure, expected_version, mine)
    before = snapshot(disclosure)
    disclosure.posted_to = posted_to
    disclosure.save(update_fields=["posted_to"])
    record(disclosure, AuditAction.UPDATE, actor, changes=diff(before, snapshot(disclosure)))
    return disclosure


@transactions.action()
def acknowledge(disclosure, *, actor, person=None, at=None):
    """The person confirms having read the disclosure. Only people of its audience can."""
    person = person or person_for(actor)
    recipient = (
        DisclosureRecipient.objects.select_for_update().filter(disclosure=disclosure, person=person).first()
        if person
        else None
    )
    if recipient is None or disclosure.status != DisclosureStatus.PUBLISHED:
        raise ValidationError(_("Nội dung này không được công khai đến bạn."))
    if recipient.acknowledged_at:
        return recipient
    recipient.acknowledged_at = at or timezone.now()
    recipient.save(update_fields=["acknowledged_at"])
    record(
        disclosure,
        AuditAction.OTHER,
        actor,
        verb=_("%(person)s xác nhận đã đọc") % {"person": person.full_name},
    )
    return recipient


@transactions.action()
def remind_unread(disclosure, *, actor):
    """Remind everyone who has not read yet: in danchu (home page) and by e-mail where known."""
    if disclosure.status != DisclosureStatus.PUBLISHED:
        raise ValidationError(_("Chỉ nhắc đọc nội dung đã công khai."))
    now = timezone.now()
    unread = list(
        DisclosureRecipient.objects.filter(
            disclosure=disclosure, acknowledged_at__isnull=True
        ).select_related("person__user")
    )
    if not unread:
        raise ValidationError(_("Tất cả mọi người đã xác nhận đọc; không cần nhắc."))
    DisclosureRecipient.objects.filter(pk__in=[r.pk for r in unread]).update(
        reminders=F("reminders") + 1, last_reminded_at=now
    )
    emails = sorted(
        {
            r.person.email or (r.person.user.email if r.person.user_id else "")
            for r in unread
            if r.person.email or (r.person.user_id and r.person.user.email)
        }
    )
    notify(
        DISCLOSURE_UNREAD,
        [
            (
                r.person.user if r.person.user_id else None,
                r.person.email or (r.person.user.email if r.person.user_id else ""),
            )
            for r in unread
        ],
        params={
            "org": disclosure.organization.name,
            "title": disclosure.title,
            "day": disclosure.published_on.strftime("%d/%m/%Y"),
        },
        target=disclosure,
        organization=disclosure.organization,
        actor=actor,
        url=reverse("participation:disclosure", args=[disclosure.uuid]),
    )
    record(
        disclosure,
        AuditAction.OTHER,
        actor,
        verb=_("Nhắc %(n)s người chưa đọc (%(e)s thư điện tử)") % {"n": len(unread), "e": len(emails)},
    )
    return len(unread), len(emails)
