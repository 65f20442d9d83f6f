from django.urls import path

from . import scoring_views, views

app_name = "consolidation"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("yeu-cau/moi/", views.request_create, name="create"),
    path("yeu-cau/<uuid:uuid>/", views.request_detail, name="detail"),
    path("yeu-cau/<uuid:uuid>/nhac/", views.request_remind, name="remind"),
    path("yeu-cau/<uuid:uuid>/kiem-tra/", views.request_validation, name="validation"),
    path("yeu-cau/<uuid:uuid>/tong-hop/", views.request_consolidation, name="consolidation"),
    path("yeu-cau/<uuid:uuid>/tong-hop/<str:code>/", views.indicator_drilldown, name="indicator"),
    path("yeu-cau/<uuid:uuid>/tai/<str:fmt>/", views.request_export, name="export"),
    path("yeu-cau/<uuid:uuid>/co-quan/<uuid:org>/", views.agency_page, name="agency"),
    path("yeu-cau/<uuid:uuid>/co-quan/<uuid:org>/gui/", views.agency_submit, name="agency_submit"),
    path("bao-cao-gui/<uuid:uuid>/", views.submission_detail, name="submission"),
    path("bao-cao-gui/<uuid:uuid>/tep/", views.submission_file, name="submission_file"),
    path("bao-cao-gui/<uuid:uuid>/xem-xet/<str:step>/", views.submission_review, name="review"),
    path("cham-diem/", scoring_views.scheme_list, name="schemes"),
    path("cham-diem/<uuid:uuid>/", scoring_views.scheme_detail, name="scheme"),
    path("cham-diem/<uuid:uuid>/co-quan/<uuid:org>/", scoring_views.assessment, name="assessment"),
]
