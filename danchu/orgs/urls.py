from django.urls import path

from . import views

app_name = "orgs"

urlpatterns = [
    path("", views.detail_active, name="detail_active"),
    path("thiet-lap/", views.setup, name="setup"),
    path("them/", views.org_create, name="create"),
    path("ky-bao-cao/", views.periods, name="periods"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/thiet-lap/", views.settings_view, name="settings"),
    path("<str:code>/can-bo/them/", views.member_add, name="member_add"),
    path("<str:code>/can-bo/nhap/", views.staff_import, name="staff_import"),
    path("<str:code>/can-bo/nhap/mau.xlsx", views.staff_template, name="staff_template"),
    path("<str:code>/tai-khoan/them/", views.user_create, name="user_create"),
    path("<str:code>/vai-tro/them/", views.role_add, name="role_add"),
    path("<str:code>/vai-tro/<int:pk>/bo/", views.role_remove, name="role_remove"),
]
