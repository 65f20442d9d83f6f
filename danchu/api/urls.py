from django.urls import path

from . import views
from .v1 import api

urlpatterns = [
    path("v1/", api.urls),
    path("ma-truy-cap/", views.tokens, name="api_tokens"),
    path("ma-truy-cap/<int:pk>/thu-hoi/", views.revoke, name="api_token_revoke"),
]
