from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from danchu.core.registers import index_view

from .registers import REGISTERS


@login_required
def index(request):
    return index_view(
        request,
        title=_("Thanh tra, kiểm tra và kiểm tra, giám sát của Đảng"),
        registers=REGISTERS,
        intro=_("Các sổ theo dõi dùng cho báo cáo thực hiện dân chủ ở cơ sở hằng năm."),
    )
