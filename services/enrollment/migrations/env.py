from common.migrations import run_env
from enrollment.models import metadata
from enrollment.settings import EnrollmentSettings

run_env(metadata, lambda: EnrollmentSettings().database_url)
