"""GitHub tokens (patterns/github.json): classic tokens with their CRC32
checksum, fine-grained PATs, and further GitHub credentials."""

from rulepack.common import *  # noqa: F401,F403


def classic_tokens():
    R = first_pack_rng(skip=10131)
    gh = [("ghp_", "github.pat.classic", "GitHub personal access token (classic)"),
          ("gho_", "github.oauth-token", "GitHub OAuth access token"),
          ("ghu_", "github.app-user-token", "GitHub App user-to-server token"),
          ("ghs_", "github.app-installation-token", "GitHub App installation token"),
          ("ghr_", "github.refresh-token", "GitHub App refresh token")]
    for prefix, rid, name in gh:
        rule(rid, name, "high",
             r"\b(?<secret>" + prefix + r"[A-Za-z0-9]{36})\b",
             ["GITHUB_TOKEN=%s" % fakes.github_token(prefix, R),
              '{"token": "%s", "note": "hush test"}' % fakes.github_token(prefix, R)],
             ["GITHUB_TOKEN=%s  # hush test: checksum altered" % fakes.github_token_bad_checksum(prefix, R),
              "GITHUB_TOKEN=%s" % fakes.github_token(prefix, R)[:30]],
             ["https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"],
             validator="github-crc32")
    rule("github.pat.fine-grained", "GitHub fine-grained personal access token", "high",
         r"\b(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b",
         ["git clone https://x-access-token:%s@github.com/hush-example/repo" % fakes.github_fine_grained_pat(R)],
         ["github_pat_%s" % fakes._choose(R, fakes.ALNUM, 40),
          "github_pat_<your-token>"],
         ["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens"])


# ---- GitHub ------------------------------------------------------------------

GITHUB_DOCS = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github"


def more_tokens():
    R = rng_for("devtools")
    rule("github.refresh-token.long", "GitHub App user refresh token (76-char form)", "high",
         r"\b(?<secret>ghr_[A-Za-z0-9]{76})\b",
         ['{"access_token": "ghu_%s", "refresh_token": "ghr_%s", "token_type": "bearer"}' % (alnum(R, 36), alnum(R, 76)),
          "GITHUB_REFRESH_TOKEN=ghr_%s  # hush test" % alnum(R, 76)],
         ["refresh_token=ghr_%s" % alnum(R, 60),
          "refresh_token=ghx_%s" % alnum(R, 76)],
         ["https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens"])
    rule("github.oauth.client-secret", "GitHub OAuth / GitHub App client secret", "medium",
         r"(?i:\bgithub[a-z0-9_.-]{0,24}secret)" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["GITHUB_CLIENT_ID=Iv1.%s\nGITHUB_CLIENT_SECRET=%s" % (hexs(R, 16), hexs(R, 40)),
          '{"github": {"clientId": "Ov23li%s"}, "githubClientSecret": "%s"}' % (alnum(R, 14), hexs(R, 40)),
          "github_secret: '%s'  # hush-fake" % hexs(R, 40)],
         ["GITHUB_CLIENT_ID=%s" % hexs(R, 20),
          "GITHUB_CLIENT_SECRET=%s" % hexs(R, 39),
          "GITHUB_WEBHOOK_SECRET=${{ secrets.WEBHOOK }}"],
         ["https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps"])
    rule("github.token.legacy", "GitHub token (legacy 40-hex form, in context)", "medium",
         r"(?i:\b(?:github|gh[_-])[a-z0-9_.-]{0,24}(?:token|pat|api_?key|access_?key))" + ASSIGN +
         r"(?<secret>[0-9a-f]{40})\b",
         ["GITHUB_TOKEN=%s" % hexs(R, 40),
          '{"githubAccessToken": "%s", "owner": "contoso"}' % hexs(R, 40),
          "export GH_TOKEN='%s'" % hexs(R, 40)],
         ["GITHUB_SHA=%s" % hexs(R, 40),
          "GITHUB_TOKEN=%s" % hexs(R, 32),
          "github_token: ${{ secrets.GITHUB_TOKEN }}"],
         [GITHUB_DOCS])
    rule("github.app-installation-token.legacy", "GitHub App installation token (legacy v1. form)", "medium",
         r"\b(?<secret>v1\.[0-9a-f]{40})\b",
         ["git clone https://x-access-token:v1.%s@github.com/contoso/hush-test.git" % hexs(R, 40),
          '{"token": "v1.%s", "expires_at": "2031-01-01T00:00:00Z"} (github app)' % hexs(R, 40)],
         ["version v1.%s of the github action" % hexs(R, 30),
          "commit v1.%s in the github log" % hexs(R, 41)],
         ["https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"],
         keywords=["github", "x-access-token", "token"])
    rule("github.actions.runner-registration-token", "GitHub Actions self-hosted runner registration token", "medium",
         r"(?i:\bconfig\.(?:sh|cmd))[^\r\n]{0,256}?--token[ \t]{1,4}[\"']?(?<secret>[A-Z0-9]{29})\b",
         ["./config.sh --url https://github.com/contoso/hush-test --token %s" % fakes._choose(R, UPPER_ALNUM, 29),
          ".\\config.cmd --unattended --url https://github.com/contoso --token \"%s\" --name hush" % fakes._choose(R, UPPER_ALNUM, 29)],
         ["./config.sh --url https://github.com/contoso/hush-test --token ${RUNNER_TOKEN}",
          "./config.sh --url https://github.com/contoso/hush-test --token %s" % fakes._choose(R, UPPER_ALNUM, 20)],
         ["https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/adding-self-hosted-runners"])


def add_rules():
    classic_tokens()
    more_tokens()
