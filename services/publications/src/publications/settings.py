from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict

from common.settings import ServiceSettings

# OAI-PMH's repositoryIdentifier: a domain name (oai-identifier.xsd).
_DOMAIN = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")


class PublicationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PUBLICATIONS_", extra="ignore", populate_by_name=True)
    service_name: ClassVar[str] = "publications"

    #: The address users open (the gateway, serving the SPA): record pages, file links, OAI baseURL.
    public_url: str = Field(
        "http://127.0.0.1:8000",
        validation_alias=AliasChoices("PUBLICATIONS_PUBLIC_URL", "ALGA_PUBLIC_URL", "public_url"),
    )
    #: Where uploaded files are kept, one file per checksum. Default: <ALGA_VAR_DIR>/publications-files.
    files_dir: Path | None = None
    #: Largest file a coordinator may upload, in bytes (50 MiB by default).
    max_upload_bytes: int = Field(50 * 1024 * 1024, ge=1024)
    #: OAI-PMH Identify: the repository's name, its administrator's address, and the domain name in
    #: its item identifiers (`oai:<domain>:<record id>`). Set the domain before the first harvest:
    #: identifiers are meant to last. Default: the host of `public_url` when it is a domain name.
    oai_repository_name: str = "ALGA Campus library (African Local Governments Academy, UCLG Africa)"
    oai_admin_email: str = "library@example.org"
    oai_repository_identifier: str = ""
    #: Records (or headers) per ListRecords/ListIdentifiers response.
    oai_page_size: int = Field(100, ge=1, le=1000)
    #: `seed` adds the sample library (a dozen records); unset: everywhere but production.
    seed_sample_records: bool | None = None
    #: Donor reports give this threshold (publications count documents, never people: nothing is
    #: suppressed here); the same variable as the services that count people (docs/decisions/0007).
    suppression_threshold: int = Field(5, ge=2, validation_alias=AliasChoices("ALGA_SUPPRESSION_THRESHOLD"))

    @model_validator(mode="after")
    def _derived_defaults(self) -> PublicationsSettings:
        if self.files_dir is None:
            self.files_dir = self.var_dir / "publications-files"
        self.public_url = self.public_url.rstrip("/")
        if not self.oai_repository_identifier:
            host = urlsplit(self.public_url).hostname or ""
            self.oai_repository_identifier = host if _DOMAIN.match(host) else "alga-campus.localhost"
        elif not _DOMAIN.match(self.oai_repository_identifier):
            raise ValueError("PUBLICATIONS_OAI_REPOSITORY_IDENTIFIER must be a domain name (e.g. campus.example.org)")
        return self

    @property
    def storage_dir(self) -> Path:
        assert self.files_dir is not None  # filled in by the validator
        return self.files_dir

    @property
    def seeds_sample_records(self) -> bool:
        return self.env != "production" if self.seed_sample_records is None else self.seed_sample_records

    @property
    def oai_base_url(self) -> str:
        return f"{self.public_url}/api/publications/oai"

    def record_url(self, record_id: str) -> str:
        """The record's page in the SPA (the library). The SPA still redirects the
        `/publications/{id}` links given out before to it."""
        return f"{self.public_url}/library/{record_id}"

    def file_url(self, record_id: str, file_id: str) -> str:
        return f"{self.public_url}/api/publications/records/{record_id}/files/{file_id}"


def get_settings() -> PublicationsSettings:
    return PublicationsSettings()
