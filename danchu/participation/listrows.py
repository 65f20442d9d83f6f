"""The disclosure list's page as lean rows (danchu.core.leanhtml): the page's disclosures read as
plain values with their requirement and unit, their channels and acknowledgements in one query
each, the timing rule applied to those values, and each row written as one f-string.

Before (docs/benchmarks.md), each page built 25 model instances with their requirement and
organisation, prefetched 25 channel querysets and read them twice per row (the list's channel text
and the timing check), and the template resolved a dozen variables and tags per row."""

from types import SimpleNamespace

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from danchu.core import vnformat
from danchu.core.leanhtml import esc

from .models import Channel, DisclosureChannel, DisclosureKind, DisclosureRecipient, DisclosureStatus
from .rules import disclosure_timing

FIELDS = (
    *("pk", "uuid", "reference", "title", "kind", "status", "framework", "special_case", "item_count"),
    *("decided_on", "published_on", "due_on", "posted_from", "posted_to", "audience_size"),
    *("organization_id", "organization__name", "organization__short_name"),
    *("requirement__code", "requirement__title"),
)


def lean(qs):
    """The list's queryset as the values a row shows (same filters and order)."""
    return qs.select_related(None).prefetch_related(None).values(*FIELDS)


def disclosure_rows(rows, org, person, oversee, today=None):
    """The `<tr>` of each disclosure of the page (`rows` from `lean(qs)`), or the one row saying
    there is none. Two queries whatever the page: channels, acknowledgements."""
    rows = list(rows)
    if not rows:
        return mark_safe(
            f'<tr><td colspan="6" class="muted">{esc(_("Chưa có nội dung công khai nào."))}</td></tr>'
        )
    ids = [r["pk"] for r in rows]
    channels = {}
    for disclosure_id, channel in (
        DisclosureChannel.objects.filter(disclosure_id__in=ids)
        .order_by("pk")
        .values_list("disclosure_id", "channel")
    ):
        channels.setdefault(disclosure_id, []).append(channel)
    # Acknowledgements of the page's disclosures only: how many recipients confirmed reading,
    # and whether the user has not yet.
    aggregates = {"n_read": Count("pk", filter=Q(acknowledged_at__isnull=False))}
    if person:
        aggregates["n_mine_unread"] = Count("pk", filter=Q(person=person, acknowledged_at__isnull=True))
    reading = {
        row["disclosure_id"]: row
        for row in DisclosureRecipient.objects.filter(disclosure_id__in=ids)
        .values("disclosure_id")
        .annotate(**aggregates)
        .order_by()
    }
    zero = "00000000-0000-0000-0000-000000000000"
    detail_url = reverse("participation:disclosure", args=[zero])
    kinds = {value: str(label) for value, label in DisclosureKind.choices}
    statuses = {value: str(label) for value, label in DisclosureStatus.choices}
    channel_labels = {value: str(label) for value, label in Channel.choices}
    items_word, unread_word, on_time = esc(_("nội dung")), esc(_("chưa đọc")), esc(_("Đúng hạn"))
    out = []
    for r in rows:
        mine = channels.get(r["pk"], [])
        read = reading.get(r["pk"], {})
        unit = (
            ""
            if r["organization_id"] == org.pk
            else (r["organization__short_name"] or r["organization__name"])
        )
        published = vnformat.short_date(r["published_on"]) if r["published_on"] else ""
        if not published:
            timing = "—"
        else:
            # The same rule as Disclosure.timing(), given the row's values and channels.
            messages = disclosure_timing(SimpleNamespace(**r), today=today, channels=mine).messages
            timing = (
                "".join(f'<span class="badge bad">{esc(m)}</span> ' for m in messages)
                if messages
                else f'<span class="badge ok">{on_time}</span>'
            )
        requirement = f"{r['requirement__code']}. {Truncator(r['requirement__title']).chars(60)}"
        unit_html = f'<br><span class="muted">{esc(unit)}</span>' if oversee and unit else ""
        badges = f' <span class="badge">{r["item_count"]} {items_word}</span>' if r["item_count"] else ""
        if read.get("n_mine_unread"):
            badges += f' <span class="badge warn">{unread_word}</span>'
        if published:
            published_cell = esc(published)
        else:
            published_cell = f'<span class="badge">{esc(statuses.get(r["status"], r["status"]))}</span>'
        kind = esc(kinds.get(r["kind"], r["kind"]))
        channel_text = esc(", ".join(channel_labels.get(c, c) for c in mine))
        out.append(
            f"<tr>\n<td>{esc(r['reference'])}{unit_html}</td>\n"
            f'<td><a href="{detail_url.replace(zero, str(r["uuid"]))}">{esc(r["title"])}</a>{badges}'
            f'<br><span class="muted">{kind} · {channel_text}</span></td>\n'
            f"<td>{esc(requirement)}</td>\n<td>{published_cell}</td>\n<td>{timing}</td>\n"
            f'<td class="num">{read.get("n_read", 0)}/{r["audience_size"]}</td>\n</tr>'
        )
    return mark_safe("".join(out))
