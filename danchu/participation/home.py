"""Home-page panels for staff: what was disclosed to them and is unread; open consultations and votes."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.orgs import access

from .actions import person_for
from .models import Consultation, DisclosureRecipient, Vote, VoterRoll


def home_panels(request):
    org = getattr(request, "org", None)
    if org is None or not access.can(request.user, "participation.take_part", org):
        return []
    person = person_for(request.user)
    if person is None:
        return []
    today = timezone.localdate()
    unread = list(
        DisclosureRecipient.objects.filter(
            person=person, acknowledged_at__isnull=True, disclosure__status="published"
        )
        .select_related("disclosure")
        .order_by("-disclosure__published_on")[:8]
    )
    consultations = list(
        Consultation.objects.filter(
            organization__path__startswith=org.path, opens_on__lte=today, closes_on__gte=today
        ).order_by("closes_on")[:5]
    )
    votes = list(
        Vote.objects.filter(
            organization__path__startswith=org.path, opens_on__lte=today, closes_on__gte=today
        )
        .annotate(voted=Exists(VoterRoll.objects.filter(vote=OuterRef("pk"), person=person)))
        .order_by("closes_on")[:5]
    )
    return [
        {
            "title": _("Nội dung công khai bạn chưa đọc"),
            "template": "participation/_panel_unread.html",
            "context": {"unread": unread},
            "order": 20,
        },
        {
            "title": _("Đang lấy ý kiến, biểu quyết"),
            "template": "participation/_panel_open.html",
            "context": {"consultations": consultations, "votes": votes},
            "order": 21,
        },
    ]
