from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from danchu.core.registers import index_view

from .registers import REGISTERS


@login_required
def index(request):
    return index_view(
        request,
        title=_("Hoạt động của cơ quan"),
        registers=REGISTERS,
        intro=_(
            "Tuyên truyền, quỹ, thủ tục hành chính, biên chế và nhật ký hoạt động dùng cho báo cáo hằng năm."
        ),
    )
