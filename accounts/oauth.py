"""The built-in authorization server's grants (RFC 6749 authorization code with RFC 7636
PKCE S256, refresh tokens that rotate, RFC 7009 revocation), over an `AccountRepository`.

HTTP lives in skill/oauth_routes.py; this module knows parameters and errors only. Every
refusal is an `OAuthError` with a registered error code, so hostile input can never reach a 500.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from accounts import pkce
from accounts.hashing import new_id, new_token, token_hash
from accounts.model import (
    ACCESS_TOKEN_LIFETIME, CODE_LIFETIME, REFRESH_TOKEN_LIFETIME, AuthorizationCode, Client,
    Customer, TokenGrant, redirect_allowed,
)
from accounts.ports import AccountRepository

MAX_PARAM = 2048  # state, redirect_uri and the like; anything longer is refused, never cut
MAX_TOKEN_PARAM = 512
_SCOPE = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*")


class OAuthError(Exception):
    """An RFC 6749 error: `error` is the registered code, `description` a human reason."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(f"{error}: {description}")
        self.error, self.description, self.status = error, description, status


class RedirectableError(OAuthError):
    """An authorization error to send back to the client's (verified) redirect URI."""

    def __init__(self, error: str, description: str, redirect_uri: str, state: str | None) -> None:
        super().__init__(error, description)
        self.redirect_uri, self.state = redirect_uri, state


def _param(params: Mapping[str, str], name: str, *, limit: int = MAX_PARAM) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise OAuthError("invalid_request", f"'{name}' is too long or malformed")
    return value


@dataclass(frozen=True)
class AuthorizeRequest:
    """A checked authorization request: the client and redirect URI are known to match."""

    client: Client
    redirect_uri: str
    state: str | None
    scope: str | None
    code_challenge: str

    def form_fields(self) -> dict[str, str]:
        """The hidden fields that carry this request through the login form."""
        fields = {"response_type": "code", "client_id": self.client.id,
                  "redirect_uri": self.redirect_uri, "code_challenge": self.code_challenge,
                  "code_challenge_method": pkce.METHOD}
        if self.state is not None:
            fields["state"] = self.state
        if self.scope is not None:
            fields["scope"] = self.scope
        return fields


def check_authorize(repo: AccountRepository, params: Mapping[str, str], *,
                    dev: bool) -> AuthorizeRequest:
    """Validate /oauth/authorize parameters. Until the redirect URI is proven to be one the
    client registered, errors are shown to the user (OAuthError), never redirected, so the
    endpoint can't be used as an open redirector (RFC 6749 4.1.2.1)."""
    client_id = _param(params, "client_id", limit=200)
    client = repo.get_client(client_id) if client_id else None
    if client is None:
        raise OAuthError("invalid_request", "unknown or missing client_id")
    redirect_uri = _param(params, "redirect_uri")
    if redirect_uri is None:  # required (as in OAuth 2.1), so the token request must repeat it
        raise OAuthError("invalid_request", "redirect_uri is required")
    if not client.owns_redirect_uri(redirect_uri):
        raise OAuthError("invalid_request", "redirect_uri is not registered for this client")
    if not redirect_allowed(redirect_uri, dev=dev):
        raise OAuthError("invalid_request", "redirect_uri must be https (plain http only on "
                                            "loopback in developer mode)")
    try:
        state = _param(params, "state")
    except OAuthError:
        raise OAuthError("invalid_request", "'state' is too long") from None

    def fail(error: str, description: str) -> RedirectableError:
        return RedirectableError(error, description, redirect_uri, state)

    try:
        response_type = _param(params, "response_type", limit=50)
        scope = _param(params, "scope", limit=500)
        challenge = _param(params, "code_challenge", limit=200)
        method = _param(params, "code_challenge_method", limit=50)
    except OAuthError as exc:
        raise fail(exc.error, exc.description) from None
    if response_type != "code":
        raise fail("unsupported_response_type", "only response_type=code is supported")
    if scope is not None and not _SCOPE.fullmatch(scope):
        raise fail("invalid_scope", "the scope is malformed")
    if challenge is None:
        raise fail("invalid_request", "PKCE is required: send code_challenge with method S256")
    if method != pkce.METHOD:
        raise fail("invalid_request", "code_challenge_method must be S256")
    if not pkce.valid_challenge(challenge):
        raise fail("invalid_request", "code_challenge is not a S256 challenge")
    return AuthorizeRequest(client, redirect_uri, state, scope, challenge)


def issue_code(repo: AccountRepository, request: AuthorizeRequest, customer: Customer, *,
               now: datetime) -> str:
    code = new_token()
    with repo.transaction():
        repo.add_code(AuthorizationCode(
            code_hash=token_hash(code), client_id=request.client.id, customer_id=customer.id,
            redirect_uri=request.redirect_uri, scope=request.scope,
            code_challenge=request.code_challenge, expires_at=now + CODE_LIFETIME))
    return code


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    scope: str | None
    customer_id: str

    def as_response(self) -> dict[str, object]:
        body: dict[str, object] = {"access_token": self.access_token, "token_type": "Bearer",
                                   "expires_in": self.expires_in,
                                   "refresh_token": self.refresh_token}
        if self.scope:
            body["scope"] = self.scope
        return body


def _issue(repo: AccountRepository, *, client_id: str, customer_id: str, scope: str | None,
           family: str | None, code_hash: str | None, now: datetime) -> IssuedTokens:
    access, refresh = new_token(), new_token()
    grant_id = new_id("grant_")
    repo.add_grant(TokenGrant(
        id=grant_id, family=family or grant_id, client_id=client_id, customer_id=customer_id,
        scope=scope, access_hash=token_hash(access), refresh_hash=token_hash(refresh),
        access_expires_at=now + ACCESS_TOKEN_LIFETIME,
        refresh_expires_at=now + REFRESH_TOKEN_LIFETIME, code_hash=code_hash))
    return IssuedTokens(access, refresh, int(ACCESS_TOKEN_LIFETIME.total_seconds()), scope,
                        customer_id)


def exchange_code(repo: AccountRepository, client: Client, params: Mapping[str, str], *,
                  now: datetime) -> IssuedTokens:
    """grant_type=authorization_code. A code works once: a second use is invalid_grant and
    revokes every token the first use issued (RFC 6749 4.1.2: it may have been stolen)."""
    code = _param(params, "code", limit=MAX_TOKEN_PARAM)
    redirect_uri = _param(params, "redirect_uri")
    verifier = _param(params, "code_verifier", limit=200)
    if code is None:
        raise OAuthError("invalid_request", "'code' is required")
    with repo.transaction():
        stored = repo.get_code(token_hash(code))
        if stored is None or stored.client_id != client.id:
            raise OAuthError("invalid_grant", "the authorization code is not valid")
        if stored.used_at is not None:
            repo.revoke_from_code(stored.code_hash, now)
            # The revocation must commit although the request fails: raise after the block
            reused = True
        else:
            reused = False
            repo.mark_code_used(stored.code_hash, now)
    if reused:
        raise OAuthError("invalid_grant", "the authorization code was already used")
    if now >= stored.expires_at:
        raise OAuthError("invalid_grant", "the authorization code has expired")
    if redirect_uri != stored.redirect_uri:
        raise OAuthError("invalid_grant", "redirect_uri does not match the authorization request")
    if not pkce.verifier_matches(verifier, stored.code_challenge):
        raise OAuthError("invalid_grant", "the PKCE code_verifier does not match")
    with repo.transaction():
        return _issue(repo, client_id=client.id, customer_id=stored.customer_id,
                      scope=stored.scope, family=None, code_hash=stored.code_hash, now=now)


def refresh(repo: AccountRepository, client: Client, params: Mapping[str, str], *,
            now: datetime) -> IssuedTokens:
    """grant_type=refresh_token with rotation: the old pair is revoked and a new one issued.
    A refresh token used again after rotation revokes its whole family (it leaked)."""
    token = _param(params, "refresh_token", limit=MAX_TOKEN_PARAM)
    if token is None:
        raise OAuthError("invalid_request", "'refresh_token' is required")
    with repo.transaction():
        grant = repo.grant_by_refresh(token_hash(token))
        if grant is None or grant.client_id != client.id:
            raise OAuthError("invalid_grant", "the refresh token is not valid")
        if grant.revoked_at is not None:
            repo.revoke_family(grant.family, now)
            replayed = True
        else:
            replayed = False
    if replayed or not grant.refresh_valid(now):
        raise OAuthError("invalid_grant", "the refresh token was revoked or has expired")
    scope = _param(params, "scope", limit=500)
    if scope is not None and grant.scope is not None and \
            not set(scope.split()) <= set(grant.scope.split()):
        raise OAuthError("invalid_scope", "a refresh may not widen the scope")
    with repo.transaction():
        current = repo.grant_by_refresh(token_hash(token))
        if current is None or current.revoked_at is not None:  # a concurrent refresh won
            raise OAuthError("invalid_grant", "the refresh token was already used")
        repo.revoke_grant(grant.id, now)
        return _issue(repo, client_id=client.id, customer_id=grant.customer_id,
                      scope=scope or grant.scope, family=grant.family, code_hash=grant.code_hash,
                      now=now)


def revoke(repo: AccountRepository, client: Client, params: Mapping[str, str], *,
           now: datetime) -> None:
    """RFC 7009: revoke an access or refresh token of this client (the pair goes together).
    An unknown token, or another client's, changes nothing and is not an error."""
    token = _param(params, "token", limit=MAX_TOKEN_PARAM)
    if token is None:
        raise OAuthError("invalid_request", "'token' is required")
    digest = token_hash(token)
    with repo.transaction():
        grant = repo.grant_by_access(digest) or repo.grant_by_refresh(digest)
        if grant is not None and grant.client_id == client.id:
            repo.revoke_grant(grant.id, now)


def customer_for_access_token(repo: AccountRepository, token: str, *, now: datetime) -> str | None:
    """The customer id a live access token of the built-in server stands for, else None.
    Always read from storage: a revoked token is refused at once by every worker."""
    if not token or len(token) > MAX_TOKEN_PARAM:
        return None
    grant = repo.grant_by_access(token_hash(token))
    if grant is None or not grant.access_valid(now):
        return None
    return grant.customer_id if repo.get_customer(grant.customer_id) is not None else None
