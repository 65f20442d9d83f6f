from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("moi/", views.document_create, name="create"),
    path("kiem-tra-trich-dan/", views.check_text, name="check"),
    path("<uuid:uuid>/", views.document_detail, name="detail"),
    path("<uuid:uuid>/sua/", views.document_edit, name="edit"),
    path("<uuid:uuid>/xoa/", views.document_delete, name="delete"),
    path("<uuid:uuid>/khoi-phuc/", views.document_restore, name="restore"),
    path("<uuid:uuid>/dinh-kem/", views.attachment_upload, name="attachment_upload"),
    path("<uuid:uuid>/dinh-kem/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("<uuid:uuid>/dinh-kem/<int:pk>/go/", views.attachment_remove, name="attachment_remove"),
    path("<uuid:uuid>/quan-he/", views.relation_add, name="relation_add"),
    path("<uuid:uuid>/quan-he/<int:pk>/bo/", views.relation_remove, name="relation_remove"),
]
