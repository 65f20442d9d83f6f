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


@login_required
def login_locks(request):
    """Accounts locked by wrong passwords (core/auth.py), and the audited unlock."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError
    from django.http import Http404
    from django.shortcuts import redirect

    from . import actions, auth, throttle
    from .models import ThrottleCounter

    if not access.is_system_admin(request.user):
        raise Http404
    per_account, _per_address, window = auth._settings()
    errors = []
    if request.method == "POST":
        user = get_user_model().objects.filter(pk=_int(request.POST.get("user"))).first()
        if user is None:
            errors.append(_("Không tìm thấy tài khoản cần mở khóa."))
        else:
            try:
                actions.unlock_login(user, actor=request.user, reason=request.POST.get("reason", ""))
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, _("Đã mở khóa đăng nhập cho %(u)s.") % {"u": user.get_username()})
                return redirect("login_locks")
    keys = ThrottleCounter.objects.filter(
        scope=auth.ACCOUNT, window=throttle.current_window(window), count__gte=per_account
    ).values_list("key", flat=True)
    users = get_user_model().objects.filter(username__in=list(keys)).order_by("username")
    return render(
        request,
        "core/login_locks.html",
        {"users": users, "errors": errors, "reason": request.POST.get("reason", "")},
        status=400 if errors else 200,
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
