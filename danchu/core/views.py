from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.orgs import access
from danchu.orgs.middleware import SESSION_KEY

from .home import home_panels


@login_required
def home(request):
    return render(request, "core/home.html", {"panels": home_panels(request)})


@login_required
@require_POST
def switch_org(request):
    try:
        wanted = int(request.POST.get("org", ""))
    except ValueError:
        wanted = None
    choices = {o.pk: o for o in access.role_orgs(request.user)}
    if wanted not in choices:
        messages.error(request, _("Bạn không có vai trò nào ở cơ quan, đơn vị đã chọn."))
    else:
        request.session[SESSION_KEY] = wanted
        messages.success(request, _("Đang làm việc tại: %(org)s") % {"org": choices[wanted].name})
    target = request.POST.get("next") or reverse("home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("home")
    return HttpResponseRedirect(target)


def healthz(request):
    from django.db import connection
    from django.http import JsonResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
