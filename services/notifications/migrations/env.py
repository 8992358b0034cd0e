from common.migrations import run_env
from notifications.models import metadata
from notifications.settings import NotificationsSettings

run_env(metadata, lambda: NotificationsSettings().database_url)
