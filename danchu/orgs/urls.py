from django.urls import path

from . import views

app_name = "orgs"

urlpatterns = [
    path("", views.detail_active, name="detail_active"),
    path("<str:code>/", views.detail, name="detail"),
]
