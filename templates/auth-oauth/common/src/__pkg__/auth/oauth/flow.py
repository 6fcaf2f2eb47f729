"""The OAuth dance with a provider, apart from HTTP routing and from users.

`login_url` sends the user to the provider; `identity` turns the code the
provider sends back into who the user is there. Authlib speaks OAuth 2 (the
authorization URL, PKCE, the code exchange); PyJWT checks Google's ID token.

Nothing is stored between the two steps. The `state` is a short-lived token
signed with SECRET_KEY that names the provider; the PKCE verifier and the OIDC
nonce are derived from it with HMAC, so they never travel through the browser
and a forged or expired state cannot produce them. A state works once: the
callback records it as spent (`SpentStates`, in the app's database), so a
callback URL replayed from a log or a history is refused whatever the provider does.
"""

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import httpx2
import jwt
from authlib.integrations.httpx_client import OAuth2Client, OAuthError

from ...core.settings import Settings
from ..emails import normalize_email
from .providers import Provider, callback_url, configured_provider

STATE_TTL = timedelta(minutes=10)
STATE_TYPE = "oauth_state"
ALGORITHM = "HS256"
# Seconds of clock difference allowed between the provider and this server.
CLOCK_SKEW = 60
TIMEOUT_SECONDS = 10
GITHUB_HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}


class OAuthLoginError(Exception):
    """A login that cannot go on; `status` and the message are what the client is told."""

    status = 400


class UnknownProviderError(OAuthLoginError):
    status = 404

    def __init__(self, name: str) -> None:
        super().__init__(f"No login provider called {name!r} is configured here.")


class MissingParameterError(OAuthLoginError):
    status = 400


class BadStateError(OAuthLoginError):
    status = 403

    def __init__(self) -> None:
        super().__init__("The state is wrong, used or expired: start again from the login URL.")


class ProviderRefusedError(OAuthLoginError):
    status = 400


class UnverifiedEmailError(OAuthLoginError):
    status = 403


class ProviderUnavailableError(OAuthLoginError):
    status = 502

    def __init__(self, provider: Provider) -> None:
        super().__init__(f"{provider.name} could not be reached; try again later.")


class SpentStates(Protocol):
    def spend(self, state_id: str, expires_at: datetime) -> bool:
        """Record a state as used; False when it was used already."""


@dataclass(frozen=True)
class ProviderIdentity:
    """A user as a provider vouches for them: a stable id there, and a verified email."""

    provider: str
    subject: str
    email: str


class OAuthFlow:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.secret = settings.secret_key.get_secret_value().encode()

    def provider(self, name: str) -> Provider:
        provider = configured_provider(self.settings, name)
        if provider is None:
            raise UnknownProviderError(name)
        return provider

    def login_url(self, name: str) -> str:
        """The provider's consent page, with a fresh state (and PKCE and a nonce for Google)."""
        provider = self.provider(name)
        state = self._new_state(provider)
        with self._client(provider) as client:
            if provider.name == "github":
                url, _ = client.create_authorization_url(
                    self.settings.oauth_github_authorize_url, state=state
                )
            else:
                url, _ = client.create_authorization_url(
                    self._google_metadata(provider)["authorization_endpoint"],
                    state=state,
                    code_verifier=self._derived("pkce", state),
                    nonce=self._derived("nonce", state),
                )
        return str(url)

    def identity(
        self, name: str, code: str | None, state: str | None, spent: SpentStates
    ) -> ProviderIdentity:
        """Who the provider says the user is; OAuthLoginError when it cannot be trusted."""
        provider = self.provider(name)
        if not state:
            raise MissingParameterError("The callback needs the `state` the login URL gave.")
        state_id, expires_at = self._check_state(provider, state)
        if not code:
            raise MissingParameterError("The callback needs the provider's `code`.")
        if not spent.spend(state_id, expires_at):
            raise BadStateError
        try:
            if provider.name == "github":
                return self._github_identity(provider, code)
            return self._google_identity(provider, code, state)
        except httpx2.HTTPError:
            raise ProviderUnavailableError(provider) from None

    def _new_state(self, provider: Provider) -> str:
        now = datetime.now(UTC)
        claims = {
            "type": STATE_TYPE,
            "provider": provider.name,
            "jti": str(uuid.uuid4()),
            "iat": now,
            "exp": now + STATE_TTL,
        }
        return jwt.encode(claims, self.secret, algorithm=ALGORITHM)

    def _check_state(self, provider: Provider, state: str) -> tuple[str, datetime]:
        """The state's id and expiry, once it proves to be this server's, for this provider."""
        try:
            claims = jwt.decode(
                state,
                self.secret,
                algorithms=[ALGORITHM],
                options={"require": ["type", "provider", "jti", "exp"]},
            )
        except jwt.PyJWTError:
            raise BadStateError from None
        if claims["type"] != STATE_TYPE or claims["provider"] != provider.name:
            raise BadStateError
        return str(claims["jti"]), datetime.fromtimestamp(claims["exp"], UTC)

    def _derived(self, purpose: str, state: str) -> str:
        """A secret only this server can compute from the state: 43 URL-safe characters."""
        digest = hmac.new(self.secret, f"{purpose}:{state}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def _client(self, provider: Provider) -> OAuth2Client:
        return OAuth2Client(
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            scope=provider.scope,
            redirect_uri=callback_url(self.settings, provider),
            # Both providers document the credentials as form fields.
            token_endpoint_auth_method="client_secret_post",  # noqa: S106 - a method name
            code_challenge_method="S256",
            timeout=TIMEOUT_SECONDS,
        )

    def _exchange(self, client: OAuth2Client, url: str, code: str, **extra: str) -> dict[str, Any]:
        try:
            token: dict[str, Any] = client.fetch_token(url, code=code, **extra)
        except OAuthError as error:
            # A used, expired or foreign code: the provider's own words say which.
            msg = f"The provider refused the code ({error.error}): start again from the login URL."
            raise ProviderRefusedError(msg) from None
        return token

    def _github_identity(self, provider: Provider, code: str) -> ProviderIdentity:
        api = self.settings.oauth_github_api_url.rstrip("/")
        with self._client(provider) as client:
            self._exchange(client, self.settings.oauth_github_token_url, code)
            emails = client.get(f"{api}/user/emails", headers=GITHUB_HEADERS)
            addresses = emails.raise_for_status().json()
            profile = client.get(f"{api}/user", headers=GITHUB_HEADERS)
        # The primary address, and only if GitHub verified it: another verified address
        # is one the user may have lost, and an unverified one is anyone's claim.
        primary = [a for a in addresses if a.get("primary") and a.get("verified") is True]
        if not primary:
            msg = "Your GitHub account has no verified primary email address."
            raise UnverifiedEmailError(msg)
        email = normalize_email(primary[0]["email"])
        # The account id outlives an email change. A GitHub-like server that has only
        # /user/emails (all that the login needs) is keyed by the verified address.
        if profile.status_code == httpx2.codes.NOT_FOUND:
            return ProviderIdentity("github", f"email:{email}", email)
        return ProviderIdentity("github", str(profile.raise_for_status().json()["id"]), email)

    def _google_identity(self, provider: Provider, code: str, state: str) -> ProviderIdentity:
        metadata = self._google_metadata(provider)
        with self._client(provider) as client:
            token = self._exchange(
                client,
                metadata["token_endpoint"],
                code,
                code_verifier=self._derived("pkce", state),
            )
        claims = self._id_token_claims(provider, metadata, token.get("id_token"))
        if not hmac.compare_digest(str(claims.get("nonce", "")), self._derived("nonce", state)):
            msg = "The ID token was not issued for this login (wrong nonce)."
            raise ProviderRefusedError(msg)
        if claims.get("email_verified") is not True or not claims.get("email"):
            msg = "Your Google account's email address is not verified."
            raise UnverifiedEmailError(msg)
        return ProviderIdentity("google", str(claims["sub"]), normalize_email(claims["email"]))

    def _id_token_claims(
        self, provider: Provider, metadata: dict[str, Any], id_token: object
    ) -> dict[str, Any]:
        """The ID token's claims once its signature, issuer, audience and times hold."""
        if not isinstance(id_token, str):
            msg = "The provider sent no ID token."
            raise ProviderRefusedError(msg)
        try:
            key = _jwks_client(metadata["jwks_uri"]).get_signing_key_from_jwt(id_token)
            claims: dict[str, Any] = jwt.decode(
                id_token,
                key.key,
                # Fixed, not the provider's list: a token cannot pick `none` or HMAC.
                algorithms=["RS256", "ES256"],
                audience=provider.client_id,
                issuer=metadata["issuer"],
                leeway=CLOCK_SKEW,
                options={"require": ["iss", "aud", "sub", "exp", "iat"]},
            )
        except jwt.PyJWKClientConnectionError:
            raise ProviderUnavailableError(provider) from None
        except jwt.PyJWTError as error:
            msg = f"The ID token is not valid ({type(error).__name__})."
            raise ProviderRefusedError(msg) from None
        return claims

    def _google_metadata(self, provider: Provider) -> dict[str, Any]:
        try:
            return _discovery(self.settings.oauth_google_metadata_url)
        except httpx2.HTTPError:
            raise ProviderUnavailableError(provider) from None


_discovered: dict[str, dict[str, Any]] = {}
_jwks_clients: dict[str, jwt.PyJWKClient] = {}


def _discovery(url: str) -> dict[str, Any]:
    """The provider's OpenID configuration, fetched once per process."""
    if url not in _discovered:
        response = httpx2.get(url, timeout=TIMEOUT_SECONDS).raise_for_status()
        _discovered[url] = response.json()
    return _discovered[url]


def _jwks_client(url: str) -> jwt.PyJWKClient:
    """One client per key set: it caches the keys and refetches on an unknown `kid`."""
    if url not in _jwks_clients:
        _jwks_clients[url] = jwt.PyJWKClient(url, timeout=TIMEOUT_SECONDS)
    return _jwks_clients[url]
