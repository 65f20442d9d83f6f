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
