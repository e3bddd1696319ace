from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "lookedafter.web.register"
    label = "register"
    verbose_name = "Case register"
    default_auto_field = "django.db.models.BigAutoField"
