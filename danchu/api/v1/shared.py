"""What every operation shares: the API object, the paging, the first step of a write, the
organisation lookup (an outsider gets 404)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema, Swagger

from danchu.orgs import access
from danchu.orgs.models import Organization

from .. import errors
from ..auth import TokenAuth


class V1API(NinjaAPI):
    """The operation ids stay those of the single module the API started in
    (`danchu_api_v1_<function>`), so clients generated from the schema keep their names."""

    def get_openapi_operation_id(self, operation):
        return "danchu_api_v1_" + operation.view_func.__name__


api = V1API(
    title="danchu API",
    version="1",
    description=(
        "API của danchu: cơ quan, kỳ báo cáo, sổ văn bản, đơn thư, chỉ tiêu, báo cáo, yêu cầu báo cáo và "
        "tổng hợp của tỉnh. Xác thực bằng mã truy cập cá nhân "
        "(`Authorization: Bearer …`), cùng quyền như trên các trang. Lỗi trả về dạng "
        '`{"errors": [{"field", "code", "message"}]}`.'
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    openapi_url="/openapi.json",
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
)
errors.install(api)


ERR = errors.ERRORS
CODE_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"


def _ensure_write(request):
    """First step of every write: a write token, and no NUL character in the body (PostgreSQL
    refuses it in any string; the pages drop it in core.middleware.NulCharacterMiddleware)."""
    if not request.auth.can_write:
        raise PermissionDenied(_("Mã truy cập này chỉ có quyền đọc; hãy tạo mã có quyền ghi."))
    if b"\\u0000" in request.body.lower():
        raise ValidationError(_("Dữ liệu gửi lên có ký tự NUL (\\u0000); hãy bỏ ký tự đó rồi gửi lại."))


class Page(Schema):
    count: int
    limit: int
    offset: int


class Paging(Schema):
    limit: int = Field(50, ge=1, le=200, description="Số bản ghi mỗi trang (1–200).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Bỏ qua bao nhiêu bản ghi.")


def _page(qs, paging):
    count = qs.count()
    rows = list(qs[paging.offset : paging.offset + paging.limit])
    return count, rows


def _visible_org(request, code, perm="orgs.view"):
    org = Organization.objects.select_related("parent").filter(code=code).first()
    if org is None or not access.can(request.user, perm, org):
        raise Http404
    return org
