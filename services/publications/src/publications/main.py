"""The publications service: the academy's library, files, search, OAI-PMH and citations (port 8005)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from sqlalchemy import event

from common.app import create_service_app
from common.auth import TokenVerifier
from common.db import is_sqlite
from publications.citation.router import router as citation_router
from publications.db import OutboxEvent
from publications.file.router import router as file_router
from publications.file.storage import FileStore
from publications.oai.router import router as oai_router
from publications.record.router import router as record_router
from publications.settings import PublicationsSettings
from publications.statistics.router import router as statistics_router
from publications.vocabulary.router import router as vocabulary_router

DESCRIPTION = """The library of the African Local Governments Academy: books, reports, policy briefs,
articles, proceedings, toolkits, presentations and videos on decentralisation and local governance.
Public full-text search with facets, record pages with schema.org JSON-LD, file downloads,
citations (BibTeX, RIS, CSL-JSON) and an OAI-PMH 2.0 endpoint (`oai_dc`) for libraries and
aggregators; coordinators create, edit, upload, publish and withdraw. Every published change keeps
the previous version readable. Texts in French and English (`?lang=` or Accept-Language)."""


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB
    cursor.execute("PRAGMA mmap_size=536870912")  # 512 MiB of address space, not of memory
    cursor.close()


def create_app(settings: PublicationsSettings | None = None, *, verifier: TokenVerifier | None = None) -> FastAPI:
    settings = settings or PublicationsSettings()
    store = FileStore(settings.storage_dir)

    def on_startup(app: FastAPI) -> None:
        store.tmp.mkdir(parents=True, exist_ok=True)
        if is_sqlite(settings.database_url):
            # A search over a large library reads many pages: a bigger page cache per connection and
            # memory-mapped reads (the kit's default cache is 2 MB) keep them out of read() calls.
            event.listen(app.state.database.engine.sync_engine, "connect", _sqlite_read_pragmas)

    app = create_service_app(
        settings,
        title="ALGA Campus publications",
        description=DESCRIPTION,
        # Citations first: `/records/citation` must not be read as a record id.
        routers=[citation_router, record_router, file_router, oai_router, vocabulary_router, statistics_router],
        outbox_model=OutboxEvent,
        verifier=verifier,
        on_startup=on_startup,
    )
    app.state.file_store = store
    return app


def __getattr__(name: str) -> Any:
    # `uvicorn publications.main:app` builds the app on first access, so that importing this module
    # (tests, tools) does not read the environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
