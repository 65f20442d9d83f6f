from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render

from . import access
from .models import Membership, Organization, StaffCategory


@login_required
def detail_active(request):
    if request.org is None:
        return redirect("home")
    return redirect("orgs:detail", code=request.org.code)


@login_required
def detail(request, code):
    org = _get_org(request, code)
    children = org.children.annotate(staff=Count("memberships")).order_by("name")
    context = {"org": org, "children": children, "ancestors": org.ancestors()}
    if access.can(request.user, "orgs.view_staff", org):
        staff = Membership.objects.staff_of(org).select_related("person", "organization")
        q = request.GET.get("q", "").strip()
        category = request.GET.get("category", "")
        if q:
            staff = staff.filter(Q(person__full_name__icontains=q) | Q(position__icontains=q))
        if category in StaffCategory.values:
            staff = staff.filter(staff_category=category)
        page = Paginator(staff, 50).get_page(request.GET.get("page"))
        context.update(
            page_obj=page,
            q=q,
            category=category,
            categories=StaffCategory.choices,
            counts=[
                (StaffCategory(row["staff_category"]).label, row["n"])
                for row in Membership.objects.staff_of(org)
                .exclude(organization__kind__in=["party_committee", "party_cell", "union", "committee"])
                .values("staff_category")
                .annotate(n=Count("person", distinct=True))
                .order_by("staff_category")
            ],
        )
    return render(request, "orgs/detail.html", context)


def _get_org(request, code):
    from django.http import Http404

    org = Organization.objects.filter(code=code).first()
    if org is None or not access.can(request.user, "orgs.view", org):
        raise Http404
    return org
