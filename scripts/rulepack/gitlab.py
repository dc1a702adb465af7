"""GitLab tokens (patterns/gitlab.json)."""

import zlib

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "devtools" RNG these rules once shared.
R = rng_for("devtools", skip=1552)


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
        rule(rid, name, "high",
             r"\b(?<secret>" + prefix + GL_BODY + ")",
             [ctx1 % gitlab_legacy(prefix, R), ctx2 % gitlab_routable(prefix, R)],
             [ctx2 % (prefix + alnum(R, 12)),
              ctx2 % ("gl" + prefix[3:] + alnum(R, 20) if prefix.startswith("glp") else "glzz-" + alnum(R, 20))],
             [GITLAB_TOKENS])
    rule("gitlab.runner-auth-token.registered", "GitLab runner authentication token (created by registration)", "high",
         r"\b(?<secret>glrtr-" + GL_BODY + ")",
         ['[[runners]]\n  name = "hush-test"\n  token = "%s"' % gitlab_legacy("glrtr-", R),
          "RUNNER_TOKEN=%s" % gitlab_routable("glrtr-", R)],
         ["RUNNER_TOKEN=glrtr-%s" % alnum(R, 10), "RUNNER_TOKEN=glrtx-%s" % alnum(R, 20)],
         [GITLAB_TOKENS])
    rule("gitlab.oauth-app-secret", "GitLab OAuth application secret", "high",
         r"\b(?<secret>gloas-[0-9a-f]{64})\b",
         ["GITLAB_OAUTH_SECRET=gloas-%s" % hexs(R, 64),
          '{"application_id": "%s", "secret": "gloas-%s"}' % (hexs(R, 64), hexs(R, 64))],
         ["GITLAB_OAUTH_SECRET=gloas-%s" % hexs(R, 40),
          '{"application_id": "%s"}' % hexs(R, 64)],
         [GITLAB_TOKENS])
    rule("gitlab.ci-job-token", "GitLab CI/CD job token", "high",
         r"\b(?<secret>glcbt-" + GL_BODY + ")",
         ["curl --header \"JOB-TOKEN: glcbt-%s_%s\" https://gitlab.com/api/v4/jobs" % (hexs(R, 2), urlsafe(R, 20)),
          "CI_JOB_TOKEN=%s" % gitlab_routable("glcbt-", R)],
         ["CI_JOB_TOKEN=glcbt-%s" % alnum(R, 15), "JOB-TOKEN: $CI_JOB_TOKEN"],
         [GITLAB_TOKENS])
    rule("gitlab.trigger-token", "GitLab pipeline trigger token", "high",
         r"\b(?<secret>glptt-[0-9a-f]{40})\b",
         ["curl -X POST -F token=glptt-%s -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline" % hexs(R, 40),
          '{"trigger_token": "glptt-%s"}' % hexs(R, 40)],
         ["-F token=glptt-%s" % hexs(R, 30), "-F token=glptt-$TRIGGER_TOKEN"],
         [GITLAB_TOKENS])
    rule("gitlab.runner-registration-token", "GitLab runner registration token (deprecated)", "high",
         r"\b(?<secret>GR1348941[0-9A-Za-z_-]{20,40})",
         ["gitlab-runner register --url https://gitlab.com/ --registration-token \"GR1348941%s\"" % urlsafe(R, 20),
          "REGISTRATION_TOKEN=GR1348941%s" % urlsafe(R, 20)],
         ["REGISTRATION_TOKEN=GR1348941%s" % alnum(R, 12),
          "REGISTRATION_TOKEN=GR1348942%s" % alnum(R, 20)],
         [GITLAB_TOKENS, "https://docs.gitlab.com/ci/runners/new_creation_workflow/"])
    rule("gitlab.session-cookie", "GitLab session cookie", "high",
         r"\b_gitlab_session=(?<secret>[0-9a-f]{32})\b",
         ["Cookie: _gitlab_session=%s; preferred_language=en" % hexs(R, 32),
          "Set-Cookie: _gitlab_session=%s; path=/; HttpOnly" % hexs(R, 32)],
         ["Cookie: _gitlab_session=%s" % hexs(R, 20),
          "Cookie: _gitlab_session=; expires=Thu, 01 Jan 1970 00:00:00 GMT"],
         [GITLAB_TOKENS])


def add_rules():
    gitlab()
