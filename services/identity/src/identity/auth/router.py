from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from common.auth import ACCESS_COOKIE, REFRESH_COOKIE
from common.db import DBSession
from common.errors import Unauthorized
from identity.auth import service
from identity.auth.schemas import LoginRequest, RefreshRequest, TokenPair
from identity.dependencies import ClientAddress, Issuer, Settings, Throttler
from identity.settings import IdentitySettings
from identity.user import service as users
from identity.user.schemas import UserRead, UserRegister

router = APIRouter(prefix="/auth", tags=["auth"])


def _set_cookies(response: Response, settings: IdentitySettings, tokens: service.IssuedTokens) -> None:
    # SameSite=Strict: the SPA calls the API from its own origin, so the cookies never need to
    # ride on a cross-site request; that closes CSRF without a token dance.
    response.set_cookie(
        ACCESS_COOKIE,
        tokens.access_token,
        max_age=tokens.expires_in,
        path="/",
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )
    response.set_cookie(
        REFRESH_COOKIE,
        tokens.refresh_token,
        max_age=tokens.refresh_expires_in,
        path=settings.refresh_cookie_path,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )


def _clear_cookies(response: Response, settings: IdentitySettings) -> None:
    response.delete_cookie(ACCESS_COOKIE, path="/", httponly=True, samesite="strict", secure=settings.secure_cookies)
    response.delete_cookie(
        REFRESH_COOKIE,
        path=settings.refresh_cookie_path,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )


async def _token_pair(session: DBSession, tokens: service.IssuedTokens) -> TokenPair:
    return TokenPair(
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        expires_in=tokens.expires_in,
        user=await users.to_read(session, tokens.user),
    )


@router.post(
    "/register", status_code=status.HTTP_201_CREATED, response_model=UserRead, summary="Create a learner account"
)
async def register(data: UserRegister, session: DBSession) -> UserRead:
    """Anyone may register; the account gets the learner role."""
    user = await users.register(session, data=data)
    return await users.to_read(session, user)


@router.post("/login", response_model=TokenPair, summary="Log in with e-mail and password")
async def login(
    data: LoginRequest,
    response: Response,
    session: DBSession,
    settings: Settings,
    issuer: Issuer,
    throttler: Throttler,
    ip: ClientAddress,
) -> TokenPair:
    """Public. Sets the HttpOnly session cookies and also returns the tokens (for scripts)."""
    email = data.email.strip().lower()
    await throttler.before_attempt(email=email, ip=ip)
    try:
        user = await service.authenticate(session, email=email, password=data.password)
    except service.InvalidCredentials:
        await session.rollback()  # release the request's transaction before counting the failure
        await throttler.failed(email=email)
        raise
    await throttler.succeeded(session, email=email)
    tokens = await issuer.issue(session, user)
    _set_cookies(response, settings, tokens)
    return await _token_pair(session, tokens)


@router.post("/refresh", response_model=TokenPair, summary="Exchange a refresh token for new tokens")
async def refresh(
    request: Request,
    response: Response,
    session: DBSession,
    settings: Settings,
    issuer: Issuer,
    data: RefreshRequest | None = None,
) -> TokenPair:
    """Public (the refresh token is the credential): from the refresh cookie or the body."""
    token = (data.refresh_token if data else None) or request.cookies.get(REFRESH_COOKIE)
    if not token:
        raise Unauthorized("No refresh token: log in again.")
    tokens = await service.rotate_refresh_token(session, issuer, token)
    _set_cookies(response, settings, tokens)
    return await _token_pair(session, tokens)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, summary="Log out")
async def logout(
    request: Request, response: Response, session: DBSession, settings: Settings, data: RefreshRequest | None = None
) -> Response:
    """Public: revokes the refresh token's login (every token of it) and clears the cookies."""
    token = (data.refresh_token if data else None) or request.cookies.get(REFRESH_COOKIE)
    await service.logout(session, token)
    response.status_code = status.HTTP_204_NO_CONTENT
    _clear_cookies(response, settings)
    return response
