"""Source hosting rules: GitHub (additions to the classic-token rules written in
gen_rule_examples.py), GitLab, Atlassian (Jira, Confluence, Bitbucket), Gitea.

CI/CD, developer tools and package registries live in devtools_cicd.py,
devtools_tools.py and devtools_registries.py; they share the fake-value helpers
defined here.
"""

import zlib

from rulepack.common import *  # noqa: F401,F403

R = rng_for("devtools")

ALNUM = fakes.ALNUM
HEX = fakes.HEX
URLSAFE = fakes.ALNUM + "-_"
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

# A separator that also accepts a positional argument pair such as
# `('sonar.login', 'value')` besides everything ASSIGN takes.
ASSIGN_OR_COMMA = r"""(?:["']?[ \t]{0,4}(?:=>|:=|[:=,])[ \t]{0,4}["']?""" \
                  r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")"""


# ---- fake values -------------------------------------------------------------

def an(rng, n):
    return fakes._choose(rng, ALNUM, n)


def hx(rng, n):
    return fakes._choose(rng, HEX, n)


def urlsafe(rng, n):
    """Random URL-safe characters that start and end alphanumeric (so a word
    boundary after the value holds in examples)."""
    if n < 3:
        return an(rng, n)
    return an(rng, 1) + fakes._choose(rng, URLSAFE, n - 2) + an(rng, 1)


def uuid(rng):
    return fakes.guid(rng)


def base36(value, width):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while value:
        value, r = divmod(value, 36)
        out = digits[r] + out
    return out.rjust(width, "0")


def gitlab_routable(prefix, rng, payload="o:1a\nu:2k"):
    """GitLab routable token: prefix + base64url(16 random bytes + routing
    payload + payload length byte) + '.01.' + 2 base36 digits of that base64
    length + 7 base36 digits of CRC32 over everything before."""
    import base64
    raw = fakes._bytes(rng, 16) + payload.encode() + bytes([len(payload)])
    body = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    head = "%s%s.%s.%s" % (prefix, body, base36(1, 2), base36(len(body), 2))
    return head + base36(zlib.crc32(head.encode()) & 0xFFFFFFFF, 7)


def gitlab_legacy(prefix, rng):
    return prefix + urlsafe(rng, 20)


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


# ---- GitHub ------------------------------------------------------------------

GITHUB_DOCS = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github"


def github():
    rule("github.json", "github.refresh-token.long", "GitHub App user refresh token (76-char form)", "high",
         r"\b(?<secret>ghr_[A-Za-z0-9]{76})\b",
         ['{"access_token": "ghu_%s", "refresh_token": "ghr_%s", "token_type": "bearer"}' % (an(R, 36), an(R, 76)),
          "GITHUB_REFRESH_TOKEN=ghr_%s  # hush test" % an(R, 76)],
         ["refresh_token=ghr_%s" % an(R, 60),
          "refresh_token=ghx_%s" % an(R, 76)],
         ["https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens"])
    rule("github.json", "github.oauth.client-secret", "GitHub OAuth / GitHub App client secret", "medium",
         r"(?i:\bgithub[a-z0-9_.-]{0,24}secret)" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["GITHUB_CLIENT_ID=Iv1.%s\nGITHUB_CLIENT_SECRET=%s" % (hx(R, 16), hx(R, 40)),
          '{"github": {"clientId": "Ov23li%s"}, "githubClientSecret": "%s"}' % (an(R, 14), hx(R, 40)),
          "github_secret: '%s'  # hush-fake" % hx(R, 40)],
         ["GITHUB_CLIENT_ID=%s" % hx(R, 20),
          "GITHUB_CLIENT_SECRET=%s" % hx(R, 39),
          "GITHUB_WEBHOOK_SECRET=${{ secrets.WEBHOOK }}"],
         ["https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps"])
    rule("github.json", "github.token.legacy", "GitHub token (legacy 40-hex form, in context)", "medium",
         r"(?i:\b(?:github|gh[_-])[a-z0-9_.-]{0,24}(?:token|pat|api_?key|access_?key))" + ASSIGN +
         r"(?<secret>[0-9a-f]{40})\b",
         ["GITHUB_TOKEN=%s" % hx(R, 40),
          '{"githubAccessToken": "%s", "owner": "contoso"}' % hx(R, 40),
          "export GH_TOKEN='%s'" % hx(R, 40)],
         ["GITHUB_SHA=%s" % hx(R, 40),
          "GITHUB_TOKEN=%s" % hx(R, 32),
          "github_token: ${{ secrets.GITHUB_TOKEN }}"],
         [GITHUB_DOCS])
    rule("github.json", "github.app-installation-token.legacy", "GitHub App installation token (legacy v1. form)", "medium",
         r"\b(?<secret>v1\.[0-9a-f]{40})\b",
         ["git clone https://x-access-token:v1.%s@github.com/contoso/hush-test.git" % hx(R, 40),
          '{"token": "v1.%s", "expires_at": "2031-01-01T00:00:00Z"} (github app)' % hx(R, 40)],
         ["version v1.%s of the github action" % hx(R, 30),
          "commit v1.%s in the github log" % hx(R, 41)],
         ["https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"],
         keywords=["github", "x-access-token", "token"])
    rule("github.json", "github.actions.runner-registration-token", "GitHub Actions self-hosted runner registration token", "medium",
         r"(?i:\bconfig\.(?:sh|cmd))[^\r\n]{0,256}?--token[ \t]{1,4}[\"']?(?<secret>[A-Z0-9]{29})\b",
         ["./config.sh --url https://github.com/contoso/hush-test --token %s" % fakes._choose(R, UPPER_ALNUM, 29),
          ".\\config.cmd --unattended --url https://github.com/contoso --token \"%s\" --name hush" % fakes._choose(R, UPPER_ALNUM, 29)],
         ["./config.sh --url https://github.com/contoso/hush-test --token ${RUNNER_TOKEN}",
          "./config.sh --url https://github.com/contoso/hush-test --token %s" % fakes._choose(R, UPPER_ALNUM, 20)],
         ["https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/adding-self-hosted-runners"])


# ---- GitLab ------------------------------------------------------------------

GITLAB_TOKENS = "https://docs.gitlab.com/security/tokens/#token-prefixes"
# Legacy tokens are 20 URL-safe characters; routable tokens (GitLab 17.x+) are a
# longer base64url payload followed by `.01.` and 9 base36 characters.
GL_BODY = r"[0-9A-Za-z_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{9})?"


def gitlab():
    kinds = [
        ("glpat-", "gitlab.pat", "GitLab personal, project, group or impersonation access token",
         "PRIVATE-TOKEN: %s", 'GITLAB_TOKEN="%s"'),
        ("gldt-", "gitlab.deploy-token", "GitLab deploy token",
         "git clone https://gitlab+deploy-token-42:%s@gitlab.com/contoso/hush-test.git", "CI_DEPLOY_PASSWORD=%s"),
        ("glrt-", "gitlab.runner-auth-token", "GitLab runner authentication token",
         "  token = \"%s\"", "gitlab-runner register --token %s --url https://gitlab.com"),
        ("glft-", "gitlab.feed-token", "GitLab feed token",
         "https://gitlab.com/dashboard/projects.atom?feed_token=%s", '{"feed_token": "%s"}'),
        ("glimt-", "gitlab.incoming-mail-token", "GitLab incoming mail token",
         "incoming_email_token: %s", "INCOMING_MAIL_TOKEN=%s"),
        ("glagent-", "gitlab.agent-token", "GitLab agent for Kubernetes token",
         "helm upgrade --install hush gitlab/gitlab-agent --set config.token=%s", "agent-token: %s"),
        ("glsoat-", "gitlab.scim-token", "GitLab SCIM OAuth access token",
         "Authorization: Bearer %s", '{"scim_token": "%s"}'),
        ("glffct-", "gitlab.feature-flags-client-token", "GitLab feature flags client token",
         "UNLEASH_INSTANCE_ID=%s", '{"instanceId": "%s", "appName": "hush-test"}'),
        ("glwt-", "gitlab.workspace-token", "GitLab workspace token",
         "GL_WORKSPACE_TOKEN=%s", '{"workspace_token": "%s"}'),
    ]
    for prefix, rid, name, ctx1, ctx2 in kinds:
        rule("gitlab.json", rid, name, "high",
             r"\b(?<secret>" + prefix + GL_BODY + ")",
             [ctx1 % gitlab_legacy(prefix, R), ctx2 % gitlab_routable(prefix, R)],
             [ctx2 % (prefix + an(R, 12)),
              ctx2 % ("gl" + prefix[3:] + an(R, 20) if prefix.startswith("glp") else "glzz-" + an(R, 20))],
             [GITLAB_TOKENS])
    rule("gitlab.json", "gitlab.runner-auth-token.registered", "GitLab runner authentication token (created by registration)", "high",
         r"\b(?<secret>glrtr-" + GL_BODY + ")",
         ['[[runners]]\n  name = "hush-test"\n  token = "%s"' % gitlab_legacy("glrtr-", R),
          "RUNNER_TOKEN=%s" % gitlab_routable("glrtr-", R)],
         ["RUNNER_TOKEN=glrtr-%s" % an(R, 10), "RUNNER_TOKEN=glrtx-%s" % an(R, 20)],
         [GITLAB_TOKENS])
    rule("gitlab.json", "gitlab.oauth-app-secret", "GitLab OAuth application secret", "high",
         r"\b(?<secret>gloas-[0-9a-f]{64})\b",
         ["GITLAB_OAUTH_SECRET=gloas-%s" % hx(R, 64),
          '{"application_id": "%s", "secret": "gloas-%s"}' % (hx(R, 64), hx(R, 64))],
         ["GITLAB_OAUTH_SECRET=gloas-%s" % hx(R, 40),
          '{"application_id": "%s"}' % hx(R, 64)],
         [GITLAB_TOKENS])
    rule("gitlab.json", "gitlab.ci-job-token", "GitLab CI/CD job token", "high",
         r"\b(?<secret>glcbt-" + GL_BODY + ")",
         ["curl --header \"JOB-TOKEN: glcbt-%s_%s\" https://gitlab.com/api/v4/jobs" % (hx(R, 2), urlsafe(R, 20)),
          "CI_JOB_TOKEN=%s" % gitlab_routable("glcbt-", R)],
         ["CI_JOB_TOKEN=glcbt-%s" % an(R, 15), "JOB-TOKEN: $CI_JOB_TOKEN"],
         [GITLAB_TOKENS])
    rule("gitlab.json", "gitlab.trigger-token", "GitLab pipeline trigger token", "high",
         r"\b(?<secret>glptt-[0-9a-f]{40})\b",
         ["curl -X POST -F token=glptt-%s -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline" % hx(R, 40),
          '{"trigger_token": "glptt-%s"}' % hx(R, 40)],
         ["-F token=glptt-%s" % hx(R, 30), "-F token=glptt-$TRIGGER_TOKEN"],
         [GITLAB_TOKENS])
    rule("gitlab.json", "gitlab.runner-registration-token", "GitLab runner registration token (deprecated)", "high",
         r"\b(?<secret>GR1348941[0-9A-Za-z_-]{20,40})",
         ["gitlab-runner register --url https://gitlab.com/ --registration-token \"GR1348941%s\"" % urlsafe(R, 20),
          "REGISTRATION_TOKEN=GR1348941%s" % urlsafe(R, 20)],
         ["REGISTRATION_TOKEN=GR1348941%s" % an(R, 12),
          "REGISTRATION_TOKEN=GR1348942%s" % an(R, 20)],
         [GITLAB_TOKENS, "https://docs.gitlab.com/ci/runners/new_creation_workflow/"])
    rule("gitlab.json", "gitlab.session-cookie", "GitLab session cookie", "high",
         r"\b_gitlab_session=(?<secret>[0-9a-f]{32})\b",
         ["Cookie: _gitlab_session=%s; preferred_language=en" % hx(R, 32),
          "Set-Cookie: _gitlab_session=%s; path=/; HttpOnly" % hx(R, 32)],
         ["Cookie: _gitlab_session=%s" % hx(R, 20),
          "Cookie: _gitlab_session=; expires=Thu, 01 Jan 1970 00:00:00 GMT"],
         [GITLAB_TOKENS])


# ---- Atlassian ---------------------------------------------------------------

def atlassian():
    rule("atlassian.json", "atlassian.api-token", "Atlassian Cloud API token (Jira, Confluence)", "high",
         r"\b(?<secret>ATATT3[A-Za-z0-9_=-]{150,250}=[0-9A-F]{8})\b",
         ["JIRA_API_TOKEN=%s" % atlassian_token("ATATT3xFfGF0", R),
          "curl -u hush-test@contoso.com:%s https://contoso.atlassian.net/rest/api/3/myself" % atlassian_token("ATATT3xFfGF0", R),
          '{"email": "hush-test@contoso.com", "apiToken": "%s"}' % atlassian_token("ATATT3xFfGF0", R)],
         ["JIRA_API_TOKEN=%s" % atlassian_token("ATATT3xFfGF0", R, 120),
          "JIRA_API_TOKEN=ATATT3xFfGF0<your-api-token>"],
         ["https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/"])
    rule("atlassian.json", "atlassian.access-token", "Atlassian access token (Bitbucket repository/project/workspace access token, admin API key)", "high",
         r"\b(?<secret>ATCTT3[A-Za-z0-9_=-]{100,250}[A-Za-z0-9])",
         ["BITBUCKET_ACCESS_TOKEN=%s" % atlassian_token("ATCTT3xFfGN0", R),
          "git clone https://x-token-auth:%s@bitbucket.org/contoso/hush-test.git" % atlassian_token("ATCTT3xFfGN0", R)],
         ["BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0%s" % an(R, 40),
          "BITBUCKET_ACCESS_TOKEN=%s" % atlassian_token("ATXTT3xFfGN0", R)],
         ["https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/",
          "https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481"])
    rule("atlassian.json", "bitbucket.app-password", "Bitbucket Cloud app password", "high",
         r"\b(?<secret>ATBB[A-Za-z0-9]{24}[0-9A-F]{8})\b",
         ["git clone https://hush-test:ATBB%s%s@bitbucket.org/contoso/repo.git" % (an(R, 24), fakes._choose(R, "0123456789ABCDEF", 8)),
          "BITBUCKET_APP_PASSWORD=ATBB%s%s" % (an(R, 24), fakes._choose(R, "0123456789ABCDEF", 8))],
         ["BITBUCKET_APP_PASSWORD=ATBB%s" % an(R, 20),
          "BITBUCKET_APP_PASSWORD=ATBX%s%s" % (an(R, 24), fakes._choose(R, "0123456789ABCDEF", 8))],
         ["https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
          "https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481"])
    rule("atlassian.json", "atlassian.datacenter-pat", "Jira / Confluence / Bitbucket Data Center personal access token", "medium",
         r"(?i:\b(?:jira|confluence|bitbucket|atlassian)[a-z0-9_.-]{0,24}(?:pat|token|api_?key|password))" + ASSIGN +
         r"(?<secret>[MNO][A-Za-z0-9+/]{42}[A-Za-z0-9])\b",
         ["JIRA_PAT=%s" % datacenter_pat(R),
          '{"confluenceToken": "%s", "url": "https://wiki.contoso.com"}' % datacenter_pat(R)],
         ["JIRA_PAT=%s" % datacenter_pat(R)[:40],
          "JIRA_TOKEN=%s" % ("A" + datacenter_pat(R)[1:]),
          "JIRA_TOKEN=ATATT3xFfGF0<token>"],
         ["https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html"])


def gitea():
    rule("devtools.json", "gitea.access-token", "Gitea / Forgejo access token (in context)", "medium",
         r"(?i:\b(?:gitea|forgejo)[a-z0-9_.-]{0,24}token)" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["GITEA_TOKEN=%s" % hx(R, 40),
          '{"forgejo_access_token": "%s", "url": "https://git.contoso.com"}' % hx(R, 40)],
         ["GITEA_TOKEN=%s" % hx(R, 30),
          "GITEA_COMMIT=%s" % hx(R, 40)],
         ["https://docs.gitea.com/development/api-usage"])


def add_rules():
    github()
    gitlab()
    gitea()
    atlassian()
