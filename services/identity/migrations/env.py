from common.migrations import run_env
from identity.models import metadata
from identity.settings import IdentitySettings

run_env(metadata, lambda: IdentitySettings().database_url)
