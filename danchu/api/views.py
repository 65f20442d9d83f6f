"""The page where a user creates and revokes their own API tokens. The secret is shown once,
right after it is created (kept in the session for that one page view), and never again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core.forms import add_validation_error

from . import actions
from .forms import TokenForm
from .models import ApiToken

SESSION_KEY = "api_new_token"


@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            token, secret = actions.create_token(
                request.user, actor=request.user, name=d["name"], write=d["write"], days=d["days"]
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            request.session[SESSION_KEY] = {"id": token.pk, "secret": secret}
            return redirect("api_tokens")
    new = request.session.pop(SESSION_KEY, None)
    rows = list(ApiToken.objects.filter(user=request.user))
    return render(request, "api/tokens.html", {"form": form, "tokens": rows, "new": new})


@login_required
@require_POST
def revoke(request, pk):
    token = ApiToken.objects.filter(pk=pk, user=request.user).first()
    if token is None:
        raise Http404
    try:
        actions.revoke_token(token, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã thu hồi mã truy cập %(name)s.") % {"name": token.name})
    return redirect("api_tokens")
