"""The one place where errors become the API's machine-readable answer:

    {"errors": [{"field": "subject" | null, "code": "invalid", "message": "<Vietnamese>"}]}

Django ValidationErrors raised by the apps' actions, pydantic's errors on the request, 404, 403,
401, 429 and a constraint caught by the database all come through `install(api)`."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


class ErrorItem(Schema):
    field: str | None
    code: str
    message: str


class ErrorsOut(Schema):
    errors: list[ErrorItem]


# The answers every operation may give besides its success (documented in the schema).
ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 429: ErrorsOut}


class Throttled(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(message)


def body(items):
    return {"errors": [{"field": f, "code": c, "message": str(m)} for f, c, m in items]}


def respond(status, items, headers=None):
    response = JsonResponse(body(items), status=status, json_dumps_params={"ensure_ascii": False})
    for k, v in (headers or {}).items():
        response[k] = v
    return response


def from_validation_error(exc):
    items = []
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for e in errors:
                message = e.message % e.params if e.params else e.message
                items.append((None if field == NON_FIELD_ERRORS else field, e.code or "invalid", message))
    else:
        for e in exc.error_list:
            message = e.message % e.params if e.params else e.message
            items.append((None, e.code or "invalid", message))
    return items


PYDANTIC_MESSAGES = {
    "missing": "Thiếu giá trị bắt buộc.",
    "uuid_parsing": "Mã định danh (UUID) không hợp lệ.",
    "date_from_datetime_parsing": "Ngày không hợp lệ, ghi theo dạng YYYY-MM-DD.",
    "date_parsing": "Ngày không hợp lệ, ghi theo dạng YYYY-MM-DD.",
    "int_parsing": "Phải là một số nguyên.",
    "bool_parsing": "Phải là true hoặc false.",
    "string_too_long": "Giá trị quá dài.",
    "string_too_short": "Giá trị quá ngắn.",
    "enum": "Giá trị không nằm trong danh sách cho phép.",
    "literal_error": "Giá trị không nằm trong danh sách cho phép.",
}


def from_ninja_errors(errors):
    items = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path", "payload", "data")]
        code = e.get("type", "invalid")
        message = _(PYDANTIC_MESSAGES.get(code, "Giá trị không hợp lệ."))
        items.append((".".join(loc) or None, code, message))
    return items or [(None, "invalid", _("Yêu cầu không hợp lệ."))]


def install(api):
    @api.exception_handler(ValidationError)
    def _validation(request, exc):
        return respond(400, from_validation_error(exc))

    @api.exception_handler(NinjaValidationError)
    def _input(request, exc):
        return respond(400, from_ninja_errors(exc.errors))

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return respond(404, [(None, "not_found", _("Không tìm thấy."))])

    @api.exception_handler(PermissionDenied)
    def _denied(request, exc):
        return respond(403, [(None, "permission_denied", str(exc) or _("Bạn không có quyền làm việc này."))])

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request, exc):
        return respond(
            401,
            [
                (
                    None,
                    "not_authenticated",
                    _("Thiếu mã truy cập hợp lệ (Authorization: Bearer …), hoặc mã đã hết hạn, bị thu hồi."),
                )
            ],
            {"WWW-Authenticate": "Bearer"},
        )

    @api.exception_handler(Throttled)
    def _throttled(request, exc):
        return respond(429, [(None, "throttled", exc.message)])

    @api.exception_handler(IntegrityError)
    def _conflict(request, exc):
        return respond(
            400, [(None, "conflict", _("Dữ liệu vừa được người khác ghi trùng; vui lòng kiểm tra lại."))]
        )

    @api.exception_handler(HttpError)
    def _http(request, exc):
        return respond(exc.status_code, [(None, "error", str(exc))])
