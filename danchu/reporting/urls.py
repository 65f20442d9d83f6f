from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("lap-moi/", views.report_create, name="create"),
    path("mau/", views.template_list, name="templates"),
    path("mau/<str:report_type>/<str:framework>/", views.template_download, name="template_download"),
    path(
        "mau/<str:report_type>/<str:framework>/<int:template_id>/",
        views.template_download,
        name="template_uploaded",
    ),
    path("<uuid:uuid>/", views.report_detail, name="detail"),
    path("<uuid:uuid>/thong-tin/", views.report_settings, name="settings"),
    path("<uuid:uuid>/noi-dung/", views.report_sections, name="sections"),
    path("<uuid:uuid>/chi-tieu/<str:code>/", views.indicator_detail, name="indicator"),
    path("<uuid:uuid>/chuyen/<str:step>/", views.report_transition, name="transition"),
    path("<uuid:uuid>/dinh-chinh/", views.report_correct, name="correct"),
    path("<uuid:uuid>/huy-chu-ky/", views.report_withdraw_signature, name="withdraw_signature"),
    path("<uuid:uuid>/bo-sung-pdf/", views.report_add_pdf, name="add_pdf"),
    path("<uuid:uuid>/tao-tep/", views.build_start, name="build_start"),
    path("<uuid:uuid>/tao-tep/<int:build_id>/", views.build_status, name="build"),
    path("<uuid:uuid>/tep/<int:file_id>/", views.file_download, name="file"),
]
