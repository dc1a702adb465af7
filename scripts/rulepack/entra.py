"""Microsoft Entra ID rules (patterns/entra.json): client secrets, refresh tokens,
session cookies."""

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=1201)


def entra():
    s1 = fakes.entra_client_secret(R)
    s2 = fakes.entra_client_secret(R)
    bad = fakes.entra_client_secret_bad_checksum(R)
    rule("entra.client-secret", "Microsoft Entra ID client secret", "high",
         r"(?<secret>[A-Za-z0-9._~-]{3}8Q~[A-Za-z0-9._~-]{34})",
         ["client_id=%s&client_secret=%s&grant_type=client_credentials" % (fakes.guid(R), s1),
          '{"authentication": {"type": "ActiveDirectoryOAuth", "secret": "%s"}}' % s2],
         ["client_secret=%s  # hush test: last char altered, checksum fails" % bad,
          "client_secret=abc8Q~tooShortToBeASecret"],
         ["https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret",
          "https://github.com/microsoft/security-utilities"],
         validator="entra-client-secret")
    legacy = fakes.entra_client_secret_legacy(R)
    rule("entra.client-secret.legacy", "Microsoft Entra ID client secret (legacy 37-char)",
         "medium",
         r"(?<secret>[A-Za-z0-9._~-]{3}7Q~[A-Za-z0-9._~-]{31})",
         ['"AzureAd": {"ClientSecret": "%s"}' % legacy],
         ["ClientSecret=abc7Q~shortvalue",
          "ClientSecret=xxx7Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
         ["https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret"])
    rt = fakes.entra_refresh_token(R)
    rule("entra.refresh-token", "Microsoft Entra ID refresh token", "high",
         r"""(?:"refresh_token"[ \t]{0,4}:[ \t]{0,4}"|\brefresh_token=|"credential_type"[ \t]{0,2}:"""
         r"""[ \t]{0,2}"RefreshToken",[^\r\n]{0,200}?"secret"[ \t]{0,2}:[ \t]{0,2}")"""
         r"(?<secret>[A-Za-z0-9._~*%+/-]{40,3000}={0,2})",
         ['{"token_type":"Bearer","scope":"User.Read","refresh_token":"%s"}' % rt,
          "grant_type=refresh_token&client_id=%s&refresh_token=%s" % (fakes.guid(R), rt[:300]),
          '{"credential_type":"RefreshToken","home_account_id":"hush-example","secret":"%s"}' % rt[:200]],
         ['{"refresh_token":"<refresh-token>"}',
          "grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}",
          '{"refresh_token":"0.Ashort"}'],
         ["https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens"],
         entropy_min=3.5)
    cookie = "0.A" + fakes._b64(R, 150, urlsafe=True, pad=False)
    rule("entra.session-cookie", "Microsoft Entra ID session cookie", "high",
         r"\bESTSAUTH(?:PERSISTENT|LIGHT)?=(?<secret>[A-Za-z0-9._~*%+/-]{20,3000}={0,2})",
         ["Cookie: buid=hush-fake; ESTSAUTHPERSISTENT=%s; x-ms-gateway-slice=estsfd" % cookie],
         ["Set-Cookie: ESTSAUTH=; expires=Thu, 01 Jan 1970 00:00:00 GMT",
          "Cookie: ESTSAUTHLIGHT=+" + "a" * 30],
         ["https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-web-browser-cookies"],
         entropy_min=3.0)


def add_rules():
    entra()
