from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsolidationConfig(AppConfig):
    name = "danchu.consolidation"
    label = "consolidation"
    verbose_name = _("Tổng hợp báo cáo cấp tỉnh")
    nav_label = _("Tổng hợp")
    # reporting.actions.submit hands every submitted report to this function (a correction of a
    # report that answered a request becomes the current answer).
    report_submitted = "danchu.consolidation.actions.forward_correction"
    nav = [
        (_("Yêu cầu báo cáo"), "consolidation:list", "consolidation.manage"),
        (_("Báo cáo gửi cấp trên"), "consolidation:list", "consolidation.view_own"),
        (_("Chấm điểm"), "consolidation:schemes", "consolidation.manage"),
        (_("Tự chấm điểm"), "consolidation:schemes", "consolidation.self_assess"),
    ]

    def ready(self):
        from danchu.reporting.checks import register_request_window

        from .windows import request_window

        register_request_window(request_window)
