"""The JSON API at /api/ (OpenAPI schema at /api/openapi.json, browsable at /api/docs)."""

from ninja import NinjaAPI

from openita.agencies.api import router as agencies_router
from openita.api.auth import AUTH
from openita.disclosure.api import router as disclosure_router
from openita.frameworks.api import router as frameworks_router

api = NinjaAPI(
    title="OpenITA API",
    version="1",
    description="Frameworks, agencies and their ITA work. Authenticate with a personal token "
    "(Authorization: Bearer oita_…) created on the account page.",
    auth=AUTH,
    urls_namespace="api",
)
api.add_router("/frameworks", frameworks_router)
api.add_router("/agencies", agencies_router)
api.add_router("/response-sets", disclosure_router)
