from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openita.core"
    label = "core"
    verbose_name = "OpenITA"

    def ready(self) -> None:
        from openita import checks  # noqa: F401  (registers the start-up checks)
