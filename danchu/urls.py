from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from danchu.core import views as core_views
from danchu.core.auth import ThrottledAuthenticationForm

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=ThrottledAuthenticationForm
        ),
        name="login",
    ),
    path("dang-nhap/khoa/", core_views.login_locks, name="login_locks"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-co-quan/", core_views.switch_org, name="switch_org"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("co-quan/", include("danchu.orgs.urls")),
    path("thong-bao/", include("danchu.notifications.urls")),
    path("phap-ly/", include("danchu.legal.urls")),
    path("van-ban/", include("danchu.documents.urls")),
    path("don-thu/", include("danchu.petitions.urls")),
    path("dan-chu/", include("danchu.participation.urls")),
    path("thanh-tra/", include("danchu.oversight.urls")),
    path("hoat-dong/", include("danchu.activities.urls")),
    path("bao-cao/", include("danchu.reporting.urls")),
    path("tong-hop/", include("danchu.consolidation.urls")),
    path("doc-bao-cao/", include("danchu.ingest.urls")),
    path("api/", include("danchu.api.urls")),
    path("quan-tri/", admin.site.urls),
]
