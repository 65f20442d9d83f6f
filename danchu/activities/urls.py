from django.urls import path

from . import views
from .registers import REGISTERS

app_name = "activities"

urlpatterns = [path("", views.index, name="index")]
for _register in REGISTERS:
    urlpatterns += _register.urls()
