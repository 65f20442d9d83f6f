from django.urls import path

from . import views

app_name = "ingest"

urlpatterns = [
    path("yeu-cau/<uuid:uuid>/co-quan/<uuid:org>/", views.start, name="start"),
    path("ban-doc/<uuid:uuid>/", views.reading_page, name="reading"),
]
