from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("cong-khai/", views.disclosure_list, name="disclosures"),
    path("cong-khai/moi/", views.disclosure_create, name="disclosure_create"),
    path("cong-khai/<uuid:uuid>/", views.disclosure_detail, name="disclosure"),
    path("cong-khai/<uuid:uuid>/cong-bo/", views.disclosure_publish, name="disclosure_publish"),
    path("cong-khai/<uuid:uuid>/go-niem-yet/", views.disclosure_end_posting, name="disclosure_end_posting"),
    path("cong-khai/<uuid:uuid>/da-doc/", views.disclosure_acknowledge, name="disclosure_acknowledge"),
    path("cong-khai/<uuid:uuid>/nhac/", views.disclosure_remind, name="disclosure_remind"),
    path("cong-khai/<uuid:uuid>/tep/<int:pk>/", views.disclosure_attachment, name="disclosure_attachment"),
    path("tuan-thu/", views.compliance, name="compliance"),
    path("thong-ke/", views.statistics, name="stats"),
    path("lay-y-kien/", views.consultation_list, name="consultations"),
    path("lay-y-kien/moi/", views.consultation_create, name="consultation_create"),
    path("lay-y-kien/<uuid:uuid>/", views.consultation_detail, name="consultation"),
    path("bieu-quyet/", views.vote_list, name="votes"),
    path("bieu-quyet/moi/", views.vote_create, name="vote_create"),
    path("bieu-quyet/<uuid:uuid>/", views.vote_detail, name="vote"),
    path("bieu-quyet/<uuid:uuid>/ma/", views.vote_codes, name="vote_codes"),
    path("bieu-quyet/<uuid:uuid>/kiosk/", views.vote_kiosk, name="vote_kiosk"),
    path("hoi-nghi/", views.conference_list, name="conferences"),
    path("hoi-nghi/moi/", views.conference_create, name="conference_create"),
    path("hoi-nghi/<uuid:uuid>/", views.conference_detail, name="conference"),
    path("hoi-nghi/<uuid:uuid>/dai-bieu/", views.conference_delegates, name="conference_delegates"),
    path("hoi-nghi/<uuid:uuid>/tai-lieu/<int:pk>/", views.conference_document, name="conference_document"),
    path("hoi-nghi/<uuid:uuid>/bien-ban.docx", views.conference_minutes, name="conference_minutes"),
    path("hoi-nghi/<uuid:uuid>/nghi-quyet.docx", views.conference_resolution, name="conference_resolution"),
    path("kien-nghi/", views.recommendation_list, name="recommendations"),
    path("kien-nghi/moi/", views.recommendation_create, name="recommendation_create"),
    path("kien-nghi/tra-cuu/", views.recommendation_lookup, name="recommendation_lookup"),
    path("kien-nghi/<uuid:uuid>/", views.recommendation_detail, name="recommendation"),
]
