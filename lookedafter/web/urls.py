"""The project's URLs: the register app, Django admin (TOTP-guarded) and the built static files."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from django_otp.admin import OTPAdminSite

admin.site.__class__ = OTPAdminSite
admin.site.site_header = "lookedafter administration"
admin.site.site_title = "lookedafter administration"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("lookedafter.web.register.urls")),
    re_path(r"^static/(?P<path>.*)$", serve, {"document_root": settings.STATIC_BUILD}),
]
