import time

from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Vietnamese unless the user chose another language (the cookie set by /i18n/setlang/).

    The browser's Accept-Language is ignored on purpose: an office PC with an English browser
    still gets the Vietnamese UI its clerks expect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        wanted = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = wanted if wanted in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # For this request only: the thread goes back to the default language afterwards, so a
        # request in English never leaks into whatever the thread runs next.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class NulCharacterMiddleware:
    """No NUL character reaches a view: PostgreSQL refuses it in any string ("A string literal
    cannot contain NUL"), which would answer 500. A path with one names no page (404); in the
    query string and posted fields it is dropped, keeping the rest of what the user typed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.path_info:
            from django.http import Http404

            raise Http404
        if "%00" in request.META.get("QUERY_STRING", "") or "\x00" in request.META.get("QUERY_STRING", ""):
            request.GET = _without_nul(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            if any("\x00" in v for values in request.POST.lists() for v in values[1]):
                request.POST = _without_nul(request.POST)
        return self.get_response(request)


def _without_nul(query):
    clean = query.copy()
    for key, values in list(clean.lists()):
        clean.setlist(key, [v.replace("\x00", "") if isinstance(v, str) else v for v in values])
    clean._mutable = False
    return clean


def mark_session_active(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        session["_seen"] = int(time.time())


class SessionActivityMiddleware:
    """A session ends after SESSION_COOKIE_AGE (a working day) without activity. Saving the session
    on every request would cost two queries on every page, cached ones included; instead the
    session is marked active (and so saved, its expiry pushed back) at most once every
    SESSION_ACTIVITY_REFRESH seconds: the idle limit holds to within that much."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            seen = session.get("_seen", 0)
            if not isinstance(seen, int) or now - seen >= settings.SESSION_ACTIVITY_REFRESH:
                session["_seen"] = now
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """A person who opens the address a form posts to (typed, bookmarked, or followed from the
    browser's history: /bao-cao/lap-moi/) gets a page in their language saying what it is, instead
    of Django's empty 405 answer. The status and its Allow header stay; the API keeps its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.method in ("GET", "HEAD")
            and not response.streaming
            and not response.content
            and not request.path.startswith("/api/")
        ):
            from django.shortcuts import render

            page = render(request, "405.html", status=405)
            if response.has_header("Allow"):
                page["Allow"] = response["Allow"]
            return page
        return response
