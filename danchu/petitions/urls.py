from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("", views.worklist, name="list"),
    path("xuat-excel/", views.export, name="export"),
    path("tiep-nhan/", views.register, name="register"),
    path("tiep-cong-dan/", views.receptions, name="receptions"),
    path("tiep-cong-dan/moi/", views.reception_create, name="reception_create"),
    path("tiep-cong-dan/lich/", views.schedule, name="schedule"),
    path("thong-ke/", views.statistics, name="stats"),
    path("thong-ke/<slug:key>/", views.statistics_records, name="stats_records"),
    path("gui/", views.public_submit, name="public_submit"),
    path("gui/da-gui/", views.public_done, name="public_done"),
    path("tra-cuu/", views.public_lookup, name="public_lookup"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/danh-tinh/", views.reveal, name="reveal"),
    path("<uuid:uuid>/danh-tinh/tep/<int:pk>/", views.scan, name="scan"),
    path("<uuid:uuid>/tep/<int:pk>/", views.attachment, name="attachment"),
    path("<uuid:uuid>/<slug:name>/", views.act, name="act"),
]
