"""Atlassian rules (patterns/atlassian.json): Jira, Confluence, Bitbucket."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "devtools" RNG these rules once shared.
R = rng_for("devtools", skip=3849)


def atlassian_token(prefix, rng, length=192):
    """Atlassian Cloud token shape: prefix, URL-safe body, '=' and 8 upper hex."""
    body = urlsafe(rng, length - len(prefix) - 9)
    return "%s%s=%s" % (prefix, body, fakes._choose(rng, "0123456789ABCDEF", 8))


def datacenter_pat(rng):
    """Jira / Confluence / Bitbucket Data Center PAT: base64 of
    '<12-digit id>:<20 random bytes>' (44 chars)."""
    import base64
    ident = "".join(rng.choice("0123456789") for _ in range(12))
    while True:
        text = base64.b64encode(ident.encode() + b":" + fakes._bytes(rng, 20)).decode()
        if "XXXX" not in text.upper() and "EXAMPLE" not in text.upper():
            return text


def atlassian():
    rule("atlassian.api-token", "Atlassian Cloud API token (Jira, Confluence)", "high",
         r"\b(?<secret>ATATT3[A-Za-z0-9_=-]{150,250}=[0-9A-F]{8})\b",
         ["JIRA_API_TOKEN=%s" % atlassian_token("ATATT3xFfGF0", R),
          "curl -u hush-test@contoso.com:%s https://contoso.atlassian.net/rest/api/3/myself" % atlassian_token("ATATT3xFfGF0", R),
          '{"email": "hush-test@contoso.com", "apiToken": "%s"}' % atlassian_token("ATATT3xFfGF0", R)],
         ["JIRA_API_TOKEN=%s" % atlassian_token("ATATT3xFfGF0", R, 120),
          "JIRA_API_TOKEN=ATATT3xFfGF0<your-api-token>"],
         ["https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/"])
    rule("atlassian.access-token", "Atlassian access token (Bitbucket repository/project/workspace access token, admin API key)", "high",
         r"\b(?<secret>ATCTT3[A-Za-z0-9_=-]{100,250}[A-Za-z0-9])",
         ["BITBUCKET_ACCESS_TOKEN=%s" % atlassian_token("ATCTT3xFfGN0", R),
          "git clone https://x-token-auth:%s@bitbucket.org/contoso/hush-test.git" % atlassian_token("ATCTT3xFfGN0", R)],
         ["BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0%s" % alnum(R, 40),
          "BITBUCKET_ACCESS_TOKEN=%s" % atlassian_token("ATXTT3xFfGN0", R)],
         ["https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/",
          "https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481"])
    rule("bitbucket.app-password", "Bitbucket Cloud app password", "high",
         r"\b(?<secret>ATBB[A-Za-z0-9]{24}[0-9A-F]{8})\b",
         ["git clone https://hush-test:ATBB%s%s@bitbucket.org/contoso/repo.git" % (alnum(R, 24), fakes._choose(R, "0123456789ABCDEF", 8)),
          "BITBUCKET_APP_PASSWORD=ATBB%s%s" % (alnum(R, 24), fakes._choose(R, "0123456789ABCDEF", 8))],
         ["BITBUCKET_APP_PASSWORD=ATBB%s" % alnum(R, 20),
          "BITBUCKET_APP_PASSWORD=ATBX%s%s" % (alnum(R, 24), fakes._choose(R, "0123456789ABCDEF", 8))],
         ["https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
          "https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481"])
    rule("atlassian.datacenter-pat", "Jira / Confluence / Bitbucket Data Center personal access token", "medium",
         r"(?i:\b(?:jira|confluence|bitbucket|atlassian)[a-z0-9_.-]{0,24}(?:pat|token|api_?key|password))" + ASSIGN +
         r"(?<secret>[MNO][A-Za-z0-9+/]{42}[A-Za-z0-9])\b",
         ["JIRA_PAT=%s" % datacenter_pat(R),
          '{"confluenceToken": "%s", "url": "https://wiki.contoso.com"}' % datacenter_pat(R)],
         ["JIRA_PAT=%s" % datacenter_pat(R)[:40],
          "JIRA_TOKEN=%s" % ("A" + datacenter_pat(R)[1:]),
          "JIRA_TOKEN=ATATT3xFfGF0<token>"],
         ["https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html"])


def add_rules():
    atlassian()
