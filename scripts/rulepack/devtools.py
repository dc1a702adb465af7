"""Developer tools (patterns/devtools.json): Gitea, Postman, Sourcegraph,
Figma, LaunchDarkly, Linear, Pulumi, ReadMe, YouTrack."""

from rulepack.common import *  # noqa: F401,F403


def gitea():
    R = rng_for("devtools", skip=3578)
    rule("gitea.access-token", "Gitea / Forgejo access token (in context)", "medium",
         r"(?i:\b(?:gitea|forgejo)[a-z0-9_.-]{0,24}token)" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["GITEA_TOKEN=%s" % hexs(R, 40),
          '{"forgejo_access_token": "%s", "url": "https://git.contoso.com"}' % hexs(R, 40)],
         ["GITEA_TOKEN=%s" % hexs(R, 30),
          "GITEA_COMMIT=%s" % hexs(R, 40)],
         ["https://docs.gitea.com/development/api-usage"])


# Postman and the rules after it draw from the "devtools_tools" stream.
R = rng_for("devtools_tools")


def postman():
    rule("postman.api-key", "Postman API key", "high",
         r"\b(?<secret>PMAK-[0-9a-f]{24}-[0-9a-f]{34})\b",
         ["POSTMAN_API_KEY=PMAK-%s-%s" % (hexs(R, 24), hexs(R, 34)),
          "curl -H 'X-Api-Key: PMAK-%s-%s' https://api.getpostman.com/me" % (hexs(R, 24), hexs(R, 34))],
         ["POSTMAN_API_KEY=PMAK-%s-%s" % (hexs(R, 24), hexs(R, 20)),
          "POSTMAN_API_KEY=PMAK-<your-key>"],
         ["https://learning.postman.com/docs/developer/postman-api/authentication/"])
    rule("postman.collection-access-key", "Postman collection access key", "high",
         r"\b(?<secret>PMAT-[0-9A-Z]{26})\b",
         ["https://api.getpostman.com/collections/12345-%s?access_key=PMAT-%s" % (fakes.guid(R), fakes._choose(R, UPPER_ALNUM, 26)),
          '{"collection_access_key": "PMAT-%s"}' % fakes._choose(R, UPPER_ALNUM, 26)],
         ["access_key=PMAT-%s" % fakes._choose(R, UPPER_ALNUM, 16),
          "access_key=PMAX-%s" % fakes._choose(R, UPPER_ALNUM, 26)],
         ["https://learning.postman.com/docs/collaborating-in-postman/sharing/#sharing-a-collection-via-api"])


def sourcegraph():
    rule("sourcegraph.access-token", "Sourcegraph access token", "high",
         r"\b(?<secret>sgp_(?:[0-9a-f]{16}_|local_)?[0-9a-f]{40})\b",
         ["SRC_ACCESS_TOKEN=sgp_%s_%s" % (hexs(R, 16), hexs(R, 40)),
          "curl -H 'Authorization: token sgp_local_%s' https://sourcegraph.contoso.com/.api/graphql" % hexs(R, 40),
          '{"accessToken": "sgp_%s"}' % hexs(R, 40)],
         ["SRC_ACCESS_TOKEN=sgp_%s" % hexs(R, 30),
          "SRC_ACCESS_TOKEN=sgx_%s" % hexs(R, 40)],
         ["https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token",
          "https://sourcegraph.com/docs/cli/how-tos/creating-an-access-token"])
    rule("sourcegraph.access-token.legacy", "Sourcegraph access token (legacy 40-hex form, in context)", "medium",
         r"(?i:\b(?:sourcegraph[a-z0-9_.-]{0,16}token|src_access_token))" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["SRC_ACCESS_TOKEN=%s" % hexs(R, 40),
          '{"sourcegraph.accessToken": "%s"}' % hexs(R, 40)],
         ["SRC_ACCESS_TOKEN=%s" % hexs(R, 32),
          "SOURCEGRAPH_COMMIT=%s" % hexs(R, 40)],
         ["https://sourcegraph.com/docs/cli/how-tos/creating-an-access-token"])


def figma():
    rule("figma.pat", "Figma personal access token", "high",
         r"\b(?<secret>figd_[A-Za-z0-9_-]{38,48})",
         ["FIGMA_TOKEN=figd_%s" % urlsafe(R, 40),
          "curl -H 'X-Figma-Token: figd_%s' https://api.figma.com/v1/me" % urlsafe(R, 40)],
         ["FIGMA_TOKEN=figd_%s" % urlsafe(R, 20),
          "FIGMA_TOKEN=figx_%s" % urlsafe(R, 40)],
         ["https://www.figma.com/developers/api#access-tokens"])
    rule("figma.pat.legacy", "Figma personal access token (legacy form, in context)", "medium",
         r"(?i:\b(?:x-)?figma[a-z0-9_.-]{0,16}(?:token|pat|api_?key))" + ASSIGN +
         r"(?<secret>[0-9]{3,7}-" + UUID + r")\b",
         ["--header='X-Figma-Token: %d-%s'" % (R.randint(1000, 99999), fakes.guid(R)),
          "FIGMA_ACCESS_TOKEN=%d-%s" % (R.randint(1000, 99999), fakes.guid(R))],
         ["FIGMA_FILE_KEY=%s" % alnum(R, 22),
          "FIGMA_ACCESS_TOKEN=%s" % fakes.guid(R)],
         ["https://www.figma.com/developers/api#access-tokens"])


def launchdarkly():
    ctx = ["launchdarkly", "ldclient", "ld_client", "ld_sdk", "ld_api", "ld-sdk", "ld-api", "sdk_key", "sdkkey", "sdk-key"]
    rule("launchdarkly.sdk-key", "LaunchDarkly server-side SDK key", "medium",
         r"\b(?<secret>sdk-" + UUID + r")\b",
         ["LAUNCHDARKLY_SDK_KEY=sdk-%s" % fakes.guid(R),
          'ldclient.set_config(Config("sdk-%s"))' % fakes.guid(R)],
         ["LAUNCHDARKLY_CLIENT_ID=%s" % hexs(R, 24),
          "build sdk-%s finished (hush test)" % fakes.guid(R)],
         ["https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys"],
         keywords=ctx)
    rule("launchdarkly.api-token", "LaunchDarkly API access token", "medium",
         r"\b(?<secret>api-" + UUID + r")\b",
         ["LD_API_KEY=api-%s" % fakes.guid(R),
          "curl https://app.launchdarkly.com/api/v2/flags/default -H 'Authorization: api-%s'" % fakes.guid(R)],
         ["LD_API_KEY=api-%s" % fakes.guid(R)[:30],
          "request api-%s completed (hush test)" % fakes.guid(R)],
         ["https://docs.launchdarkly.com/home/account/api"],
         keywords=ctx)


def others():
    rule("linear.api-key", "Linear personal API key", "high",
         r"\b(?<secret>lin_api_[A-Za-z0-9]{40})\b",
         ["LINEAR_API_KEY=lin_api_%s" % alnum(R, 40),
          "curl -H 'Authorization: lin_api_%s' https://api.linear.app/graphql" % alnum(R, 40)],
         ["LINEAR_API_KEY=lin_api_%s" % alnum(R, 30),
          "LINEAR_API_KEY=lin_key_%s" % alnum(R, 40)],
         ["https://linear.app/developers/graphql#personal-api-keys"])
    rule("linear.oauth-token", "Linear OAuth access token", "high",
         r"\b(?<secret>lin_oauth_[0-9a-f]{64})\b",
         ['{"access_token": "lin_oauth_%s", "token_type": "Bearer"}' % hexs(R, 64),
          "Authorization: Bearer lin_oauth_%s" % hexs(R, 64)],
         ["Authorization: Bearer lin_oauth_%s" % hexs(R, 40),
          "Authorization: Bearer lin_oath_%s" % hexs(R, 64)],
         ["https://linear.app/developers/oauth-2-0-authentication"])
    rule("pulumi.access-token", "Pulumi access token", "high",
         r"\b(?<secret>pul-[0-9a-f]{40})\b",
         ["PULUMI_ACCESS_TOKEN=pul-%s" % hexs(R, 40),
          '{"accessTokens": {"https://api.pulumi.com": "pul-%s"}}' % hexs(R, 40)],
         ["PULUMI_ACCESS_TOKEN=pul-%s" % hexs(R, 30),
          "PULUMI_ACCESS_TOKEN=pulx-%s" % hexs(R, 40)],
         ["https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/"])
    rule("readme.api-key", "ReadMe API key", "high",
         r"\b(?<secret>rdme_[a-z0-9]{70})\b",
         ["README_API_KEY=rdme_%s" % fakes._choose(R, "abcdefghijklmnopqrstuvwxyz0123456789", 70),
          "rdme openapi --key=rdme_%s" % fakes._choose(R, "abcdefghijklmnopqrstuvwxyz0123456789", 70)],
         ["README_API_KEY=rdme_%s" % fakes._choose(R, "abcdefghijklmnopqrstuvwxyz0123456789", 40),
          "README_API_KEY=rdmx_%s" % fakes._choose(R, "abcdefghijklmnopqrstuvwxyz0123456789", 70)],
         ["https://docs.readme.com/main/reference/intro/authentication"])
    rule("youtrack.permanent-token", "JetBrains YouTrack / Hub permanent token", "high",
         r"\b(?<secret>perm[:-][A-Za-z0-9+/=]{4,64}\.[A-Za-z0-9+/=]{2,64}\.[A-Za-z0-9]{30})\b",
         ["curl -H 'Authorization: Bearer perm:%s.%s.%s' https://contoso.youtrack.cloud/api/users/me"
          % (fakes._b64(R, 6), fakes._b64(R, 4), alnum(R, 30)),
          "YOUTRACK_TOKEN=perm-%s.%s.%s" % (fakes._b64(R, 9), fakes._b64(R, 3), alnum(R, 30))],
         ["YOUTRACK_TOKEN=perm:%s.%s" % (fakes._b64(R, 6), alnum(R, 30)),
          "YOUTRACK_TOKEN=perm:%s.%s.%s" % (fakes._b64(R, 6), fakes._b64(R, 4), alnum(R, 20))],
         ["https://www.jetbrains.com/help/youtrack/devportal/Manage-Permanent-Token.html"])


def add_rules():
    gitea()
    postman()
    sourcegraph()
    figma()
    launchdarkly()
    others()
