"""A fake OAuth provider for tests: GitHub-like OAuth 2.0 and Google-like OpenID Connect.

It serves, on one local port, just enough of both for an app's login to run end to end
without the network:

- under ``/github``: the authorize redirect, the code-for-token exchange and the REST API's
  ``/user`` and ``/user/emails``;
- under ``/google``: the discovery document, the authorize redirect (with PKCE and a nonce
  required), the token exchange answering an RS256 ID token, the JWKS and userinfo.

The authorize endpoints approve at once: a test picks who logs in by appending ``fake_email``,
``fake_verified`` and ``fake_subject`` to the authorize URL the app redirected to (GitHub's
``/user`` answers 404 with ``fake_profile=none``), and for Google
``fake_id_token`` asks for an ID token broken one way, so an app can prove it checks it.

What it does not fake: a login or consent page, refresh tokens, token revocation, scopes beyond
echoing them, registered redirect URIs (any is accepted; the token exchange must repeat it),
GitHub's other API routes, rate limits or pagination. It is for tests only: its keys and tokens
live in memory and are made anew at each start.

Use it in a test with ``with FakeProvider() as provider:``, or as a process from the project
directory with ``python -m tests.oauth_provider --port 0``, which prints one line naming its URL.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import secrets
import signal
import sys
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Self, cast
from urllib.parse import parse_qs, unquote, urlencode, urlsplit, urlunsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType, TracebackType

CODE_LIFETIME = 60  # seconds, as GitHub's (Google's are a few minutes)
ACCESS_TOKEN_LIFETIME = 3600
ID_TOKEN_LIFETIME = 300
DEFAULT_EMAIL = "octo@example.com"

# The ways `fake_id_token` can break Google's ID token; each must make a careful app refuse it.
ID_TOKEN_BREAKAGES = frozenset(
    {"expired", "wrong_audience", "wrong_issuer", "foreign_key", "wrong_nonce", "no_nonce"}
)


def _stable_number(text: str) -> int:
    """Hash text to a number that is the same in every run (hash() is salted per process)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:6], "big")


@dataclass(frozen=True)
class User:
    """Who logs in, as chosen by the `fake_*` parameters of the authorize request."""

    subject: str
    email: str
    verified: bool
    # False: GitHub's /user answers 404, as a provider serving only /user/emails would.
    profile: bool = True

    @property
    def login(self) -> str:
        """GitHub's user name: the email's local part, or one made from the subject."""
        return self.email.partition("@")[0] or f"user-{self.subject}"

    @property
    def name(self) -> str:
        """A display name, as both providers return one."""
        return self.login.replace(".", " ").title()

    @property
    def github_id(self) -> int:
        """GitHub's numeric user id: the subject when it is a number, else one derived from it."""
        return int(self.subject) if self.subject.isdigit() else _stable_number(self.subject)


@dataclass(frozen=True)
class _Grant:
    """What an authorization code stands for until it is exchanged (once)."""

    provider: str
    redirect_uri: str
    user: User
    expires_at: float
    nonce: str | None = None
    code_challenge: str | None = None
    id_token_breakage: str | None = None


@dataclass(frozen=True)
class _AccessToken:
    provider: str
    user: User
    expires_at: float


class _BadRequestError(Exception):
    """A request the provider refuses with 400 and a plain-text reason."""


class FakeProvider:
    """The fake provider, served by a thread; see the module's docstring."""

    def __init__(
        self,
        client_id: str = "test-client-id",
        client_secret: str = "test-client-secret",  # noqa: S107 (a test double's default)
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        """Make the keys; nothing listens until `start()` (or `with`)."""
        self.client_id = client_id
        self.client_secret = client_secret
        self._host = host
        self._port = port
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        # Signs ID tokens that must fail verification: its public half is never published,
        # though the token names the published key's kid, as a forger would.
        self._foreign_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_urlsafe(8)
        self._lock = threading.Lock()
        self._codes: dict[str, _Grant] = {}
        self._tokens: dict[str, _AccessToken] = {}
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, such as ``http://127.0.0.1:54321``, once started."""
        if self._server is None:
            msg = "the fake provider is not started"
            raise RuntimeError(msg)
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def google_issuer(self) -> str:
        """The `iss` of its ID tokens and the `issuer` of its discovery document."""
        return f"{self.url}/google"

    def start(self) -> Self:
        """Listen on the port (a free one for 0) and serve from a daemon thread."""
        if self._server is not None:
            return self
        self._server = _Server((self._host, self._port), self)
        # The loop looks for `stop` this often: at the default half second, each
        # module that used a provider waited that long for it to go.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-oauth-provider",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        """Start it."""
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop it."""
        self.stop()

    def github_settings(self) -> dict[str, str]:
        """Return the app's environment variables that point its GitHub login here."""
        return {
            "OAUTH_GITHUB_CLIENT_ID": self.client_id,
            "OAUTH_GITHUB_CLIENT_SECRET": self.client_secret,
            "OAUTH_GITHUB_AUTHORIZE_URL": f"{self.url}/github/login/oauth/authorize",
            "OAUTH_GITHUB_TOKEN_URL": f"{self.url}/github/login/oauth/access_token",
            "OAUTH_GITHUB_API_URL": f"{self.url}/github/api",
        }

    def google_settings(self) -> dict[str, str]:
        """Return the app's environment variables that point its Google login here."""
        return {
            "OAUTH_GOOGLE_CLIENT_ID": self.client_id,
            "OAUTH_GOOGLE_CLIENT_SECRET": self.client_secret,
            "OAUTH_GOOGLE_METADATA_URL": f"{self.google_issuer}/.well-known/openid-configuration",
        }

    def sign_id_token(self, claims: dict[str, object], *, foreign_key: bool = False) -> str:
        """Sign claims as an RS256 JWT naming its key's kid, or with the unpublished key."""
        key = self._foreign_key if foreign_key else self._key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    def jwks(self) -> dict[str, list[dict[str, Any]]]:
        """Return the published key set: the public half of its own key only."""
        jwk = RSAAlgorithm.to_jwk(self._key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def openid_configuration(self) -> dict[str, object]:
        """Return the Google-like discovery document."""
        issuer = self.google_issuer
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "jwks_uri": f"{issuer}/jwks",
            "userinfo_endpoint": f"{issuer}/userinfo",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }

    # The endpoints' logic, kept apart from HTTP so the handler only parses and answers.

    def authorize(self, provider: str, params: dict[str, str]) -> str:
        """Check an authorize request, issue a code and answer where to redirect."""
        for name in ("client_id", "redirect_uri", "state"):
            if not params.get(name):
                msg = f"missing {name}"
                raise _BadRequestError(msg)
        if params["client_id"] != self.client_id:
            msg = "unknown client_id"
            raise _BadRequestError(msg)
        grant = _Grant(
            provider=provider,
            redirect_uri=params["redirect_uri"],
            user=_user_from(params),
            expires_at=time.monotonic() + CODE_LIFETIME,
        )
        if provider == "google":
            grant = self._google_grant(grant, params)
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = grant
        return _with_query(grant.redirect_uri, {"code": code, "state": params["state"]})

    def _google_grant(self, grant: _Grant, params: dict[str, str]) -> _Grant:
        """Google's stricter authorize: OIDC with a nonce and PKCE (S256) required."""
        if params.get("response_type") != "code":
            msg = "response_type must be code"
            raise _BadRequestError(msg)
        if "openid" not in params.get("scope", "").split():
            msg = "scope must include openid"
            raise _BadRequestError(msg)
        for name in ("nonce", "code_challenge"):
            if not params.get(name):
                msg = f"missing {name}"
                raise _BadRequestError(msg)
        if params.get("code_challenge_method") != "S256":
            msg = "code_challenge_method must be S256"
            raise _BadRequestError(msg)
        breakage = params.get("fake_id_token") or None
        if breakage is not None and breakage not in ID_TOKEN_BREAKAGES:
            msg = f"fake_id_token must be one of {sorted(ID_TOKEN_BREAKAGES)}"
            raise _BadRequestError(msg)
        return _Grant(
            provider=grant.provider,
            redirect_uri=grant.redirect_uri,
            user=grant.user,
            expires_at=grant.expires_at,
            nonce=params["nonce"],
            code_challenge=params["code_challenge"],
            id_token_breakage=breakage,
        )

    def exchange(self, provider: str, form: dict[str, str]) -> tuple[HTTPStatus, dict[str, object]]:
        """Exchange a code for tokens: the token endpoint's status and JSON answer."""
        if provider == "google" and form.get("grant_type") != "authorization_code":
            return HTTPStatus.BAD_REQUEST, {"error": "unsupported_grant_type"}
        with self._lock:
            # Any attempt uses the code up, as a replayed or tampered exchange should burn it.
            grant = self._codes.pop(form.get("code", ""), None)
        if (
            grant is None
            or grant.provider != provider
            or grant.expires_at < time.monotonic()
            or form.get("redirect_uri") != grant.redirect_uri
            or (grant.code_challenge is not None and not _pkce_matches(form, grant.code_challenge))
        ):
            return HTTPStatus.BAD_REQUEST, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[access_token] = _AccessToken(
                provider, grant.user, time.monotonic() + ACCESS_TOKEN_LIFETIME
            )
        if provider == "github":
            scope = "read:user user:email"
            return HTTPStatus.OK, {
                "access_token": access_token,
                "token_type": "bearer",
                "scope": scope,
            }
        return HTTPStatus.OK, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": ACCESS_TOKEN_LIFETIME,
            "scope": "openid email profile",
            "id_token": self._id_token(grant),
        }

    def _id_token(self, grant: _Grant) -> str:
        """Sign the ID token for a grant, broken as its `fake_id_token` asked."""
        now = int(time.time())
        breakage = grant.id_token_breakage
        if breakage == "expired":
            now -= 2 * ID_TOKEN_LIFETIME
        audience = "someone-else-client-id" if breakage == "wrong_audience" else self.client_id
        claims: dict[str, object] = {
            "iss": f"{self.url}/impostor" if breakage == "wrong_issuer" else self.google_issuer,
            "aud": audience,
            "azp": audience,
            "sub": grant.user.subject,
            "email": grant.user.email,
            "email_verified": grant.user.verified,
            "nonce": secrets.token_urlsafe(16) if breakage == "wrong_nonce" else grant.nonce,
            "iat": now,
            "exp": now + ID_TOKEN_LIFETIME,
            "name": grant.user.name,
        }
        if breakage == "no_nonce":
            del claims["nonce"]
        return self.sign_id_token(claims, foreign_key=breakage == "foreign_key")

    def user_for(self, provider: str, authorization: str | None) -> User | None:
        """Return the user an access token stands for; None if missing, unknown or expired."""
        scheme, _, token = (authorization or "").partition(" ")
        # GitHub takes `token <t>` as well as Bearer; Google only Bearer.
        schemes = {"bearer", "token"} if provider == "github" else {"bearer"}
        if scheme.lower() not in schemes:
            return None
        with self._lock:
            found = self._tokens.get(token.strip())
        if found is None or found.provider != provider or found.expires_at < time.monotonic():
            return None
        return found.user

    def client_authenticated(self, authorization: str | None, form: dict[str, str]) -> bool:
        """Tell whether the client's credentials, by HTTP Basic or in the form, are right."""
        scheme, _, encoded = (authorization or "").partition(" ")
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(encoded.strip(), validate=True).decode()
            except ValueError:  # binascii.Error and UnicodeDecodeError are both ValueErrors
                return False
            # RFC 6749 (2.3.1) form-encodes both before joining them, so undo that.
            client_id, _, client_secret = (unquote(part) for part in decoded.partition(":"))
        else:
            client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
        return secrets.compare_digest(
            client_id.encode(), self.client_id.encode()
        ) and secrets.compare_digest(client_secret.encode(), self.client_secret.encode())


def _user_from(params: dict[str, str]) -> User:
    """Return the user the test asked for, with a subject stable for the same email."""
    email = params.get("fake_email", DEFAULT_EMAIL)
    verified = params.get("fake_verified", "true").lower()
    if verified not in {"true", "false"}:
        msg = "fake_verified must be true or false"
        raise _BadRequestError(msg)
    subject = params.get("fake_subject") or str(_stable_number(email))
    profile = params.get("fake_profile", "github") != "none"
    return User(subject=subject, email=email, verified=verified == "true", profile=profile)


def _with_query(url: str, extra: dict[str, str]) -> str:
    """Append parameters to a URL, keeping the query it has."""
    parts = urlsplit(url)
    query = "&".join(part for part in (parts.query, urlencode(extra)) if part)
    return urlunsplit(parts._replace(query=query))


def _pkce_matches(form: dict[str, str], challenge: str) -> bool:
    """Tell whether BASE64URL(SHA256(code_verifier)), unpadded, is the authorize challenge."""
    verifier = form.get("code_verifier", "")
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return bool(verifier) and secrets.compare_digest(computed, challenge)


def _github_emails(user: User) -> list[dict[str, object]]:
    """GitHub's /user/emails: a verified non-primary address first, then the primary one.

    The order catches an app that takes the first verified address instead of the primary.
    With `fake_verified=false` no address is verified; with an empty `fake_email`, none exist.
    """
    if not user.email:
        return []
    return [
        {
            "email": f"secondary+{user.subject}@example.org",
            "primary": False,
            "verified": user.verified,
            "visibility": None,
        },
        {"email": user.email, "primary": True, "verified": user.verified, "visibility": "private"},
    ]


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a hung client must not keep stop() or the tests waiting

    def __init__(self, address: tuple[str, int], provider: FakeProvider) -> None:
        self.provider = provider
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    """Parses requests, routes them to the provider and writes its answers."""

    server_version = "FakeOAuthProvider/1"

    @property
    def provider(self) -> FakeProvider:
        return cast("_Server", self.server).provider

    def log_message(self, fmt: str, *args: Any) -> None:
        """Keep the test output clean: nothing per request on stderr."""

    def do_GET(self) -> None:
        """Answer a GET."""
        self._route("GET")

    def do_POST(self) -> None:
        """Answer a POST."""
        self._route("POST")

    def _route(self, method: str) -> None:
        parts = urlsplit(self.path)
        routes: dict[tuple[str, str], Callable[[dict[str, str]], None]] = {
            ("GET", "/github/login/oauth/authorize"): lambda q: self._authorize("github", q),
            ("POST", "/github/login/oauth/access_token"): lambda _: self._token("github"),
            ("GET", "/github/api/user"): lambda _: self._github_user(),
            ("GET", "/github/api/user/emails"): lambda _: self._github_user_emails(),
            ("GET", "/google/.well-known/openid-configuration"): lambda _: self._json(
                HTTPStatus.OK, self.provider.openid_configuration()
            ),
            ("GET", "/google/authorize"): lambda q: self._authorize("google", q),
            ("POST", "/google/token"): lambda _: self._token("google"),
            ("GET", "/google/jwks"): lambda _: self._json(HTTPStatus.OK, self.provider.jwks()),
            ("GET", "/google/userinfo"): lambda _: self._google_userinfo(),
        }
        handle = routes.get((method, parts.path))
        if handle is None:
            self._text(HTTPStatus.NOT_FOUND, "not found")
            return
        handle(_single_values(parts.query))

    def _authorize(self, provider: str, query: dict[str, str]) -> None:
        try:
            location = self.provider.authorize(provider, query)
        except _BadRequestError as error:
            self._text(HTTPStatus.BAD_REQUEST, str(error))
            return
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _token(self, provider: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = _single_values(self.rfile.read(length).decode("utf-8", "replace"))
        if not self.provider.client_authenticated(self.headers.get("Authorization"), form):
            self._json(HTTPStatus.UNAUTHORIZED, {"error": "invalid_client"})
            return
        status, answer = self.provider.exchange(provider, form)
        self._json(status, answer)

    def _github_user(self) -> None:
        user = self.provider.user_for("github", self.headers.get("Authorization"))
        if user is None:
            self._json(HTTPStatus.UNAUTHORIZED, {"message": "Bad credentials"})
            return
        if not user.profile:
            self._json(HTTPStatus.NOT_FOUND, {"message": "Not Found"})
            return
        answer = {"id": user.github_id, "login": user.login, "name": user.name, "email": None}
        self._json(HTTPStatus.OK, answer)

    def _github_user_emails(self) -> None:
        user = self.provider.user_for("github", self.headers.get("Authorization"))
        if user is None:
            self._json(HTTPStatus.UNAUTHORIZED, {"message": "Bad credentials"})
            return
        self._json(HTTPStatus.OK, _github_emails(user))

    def _google_userinfo(self) -> None:
        user = self.provider.user_for("google", self.headers.get("Authorization"))
        if user is None:
            self._json(HTTPStatus.UNAUTHORIZED, {"error": "invalid_token"})
            return
        answer = {
            "sub": user.subject,
            "email": user.email,
            "email_verified": user.verified,
            "name": user.name,
        }
        self._json(HTTPStatus.OK, answer)

    def _json(self, status: HTTPStatus, body: object) -> None:
        self._send(status, "application/json", json.dumps(body).encode())

    def _text(self, status: HTTPStatus, body: str) -> None:
        self._send(status, "text/plain; charset=utf-8", f"{body}\n".encode())

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # tokens must not be cached
        self.end_headers()
        self.wfile.write(body)


def _single_values(query: str) -> dict[str, str]:
    """Parse a query or form body to one value a name (the first), keeping empty values."""
    return {name: values[0] for name, values in parse_qs(query, keep_blank_values=True).items()}


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGTERM or SIGINT, after printing one line naming the URL."""
    parser = argparse.ArgumentParser(description="Serve the fake OAuth provider.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--client-id", default="test-client-id")
    parser.add_argument("--client-secret", default="test-client-secret")
    args = parser.parse_args(argv)
    stopping = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    with FakeProvider(args.client_id, args.client_secret, args.host, args.port) as provider:
        # The Node checks read this one line to learn the port: flush it now.
        sys.stdout.write(f"fake OAuth provider on {provider.url}\n")
        sys.stdout.flush()
        # The server runs in its thread; the main thread waits here so signals reach it.
        stopping.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
