"""Credentials of HTTP authentication (patterns/auth.json): JWTs, Basic and
Bearer authorization headers, passwords in URL userinfo."""

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=5646)


def auth():
    tok = fakes.jwt(R)
    tok2 = fakes.jwt(R, issuer_v2=False)
    rule("auth.jwt", "JSON Web Token", "high",
         r"\b(?<secret>eyJ[A-Za-z0-9_-]{10,1500}\.eyJ[A-Za-z0-9_-]{10,5000}\.[A-Za-z0-9_-]{16,1500})",
         ["Authorization: Bearer %s" % tok,
          '{"access_token": "%s", "token_type": "Bearer"}' % tok2],
         ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0",
          "id=eyJzb21lIjoianVuayJ9.eyJub3QiOiJhIHRva2VuIn0.c2lnbmF0dXJlLWhlcmUtZmFrZQ",
          "token=eyJ" + "A" * 40 + ".eyJ" + "B" * 40 + "." + "C" * 40],
         ["https://datatracker.ietf.org/doc/html/rfc7519",
          "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference"],
         validator="jwt")
    rule("auth.basic.header", "HTTP Basic authorization header", "high",
         r"(?i:authorization" + HEADER_EQ + r"basic[ \t]{1,4})"
         r"(?<secret>" + B64 + r"{8,1000}={0,2})",
         ["Authorization: Basic %s" % fakes.basic_auth_header_value(rng=R),
          '{"name": "authorization", "value": "Basic %s"}' % fakes.basic_auth_header_value("svc-hush-fake", R)],
         ["Authorization: Basic <base64(user:password)>",
          "Authorization: Bearer %s" % fakes.jwt(R),
          "WWW-Authenticate: Basic realm=\"hush-example\""],
         ["https://datatracker.ietf.org/doc/html/rfc7617"],
         entropy_min=3.0)
    # The first character(s) exclude "eyJ" so a bearer JWT is left to auth.jwt.
    rule("auth.bearer.header", "Bearer token in an Authorization header", "medium",
         r"(?i:authorization" + HEADER_EQ + r"bearer[ \t]{1,4})"
         r"(?<secret>(?:[A-Za-df-z0-9._~+/-]|e[A-Za-xz0-9._~+/-]|ey[A-IK-Za-z0-9._~+/-])"
         r"[A-Za-z0-9._~+/-]{17,2048}={0,2})",
         ["Authorization: Bearer %s" % fakes._choose(R, fakes.ALNUM + "._-", 64),
          '{"name":"Authorization","value":"Bearer %s"}' % fakes.github_token("gho_", R)],
         ["Authorization: Bearer %s" % fakes.jwt(R),
          "Authorization: Bearer ${ACCESS_TOKEN}",
          "Authorization: Bearer abcabcabcabcabcabcabcabc"],
         ["https://datatracker.ietf.org/doc/html/rfc6750"],
         entropy_min=3.5)
    rule("auth.url.password", "Password in URL userinfo", "high",
         # Starts at "://": a scheme prefix made Hyperscan track every word start.
         r"://[^:@/?# \t\r\n\"'<>]{1,64}:(?<secret>[^:@/?# \t\r\n\"'<>]{1,128})@[A-Za-z0-9\[]",
         ["git remote add origin https://hush-example:%s@git.contoso.example/fake.git"
          % fakes.password(R).replace("/", "!").replace("@", "!").replace(":", "!"),
          "DATABASE_URL=postgres://app:%s@db.hush-example.internal:5432/orders"
          % fakes._choose(R, fakes.ALNUM, 20)],
         ["https://hush-example.contoso.example:8443/path/to/file",
          "https://user:${DB_PASSWORD}@db.hush-example.internal/",
          "git@github.com:hush-example/repo.git"],
         ["https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1"])


def add_rules():
    auth()
