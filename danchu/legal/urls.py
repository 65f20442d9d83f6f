from django.urls import path

from . import views

app_name = "legal"

urlpatterns = [
    path("thoi-han/", views.deadline_calculator, name="deadlines"),
    path("lich/", views.calendar_year, name="calendar"),
    path("lich/<int:year>/", views.calendar_year, name="calendar_year"),
    path("lich/dieu-chinh/<int:pk>/xoa/", views.override_delete, name="override_delete"),
    path("ra-soat/", views.legal_review, name="review"),
]
