"""Slack tokens and webhooks (patterns/slack.json)."""

from rulepack.common import *  # noqa: F401,F403


def tokens():
    R = first_pack_rng(skip=10879)
    slack = [("xoxb", "slack.bot-token", "Slack bot token",
              r"xoxb-[0-9]{8,14}(?:-[0-9]{8,14})?-[A-Za-z0-9]{24}"),
             ("xoxp", "slack.user-token", "Slack user token",
              r"xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-fA-F0-9]{32}")]
    for prefix, rid, name, body in slack:
        rule(rid, name, "high", r"\b(?<secret>" + body + r")\b",
             ["SLACK_TOKEN=%s" % fakes.slack_token(prefix, R),
              'curl -H "Authorization: Bearer %s" https://slack.com/api/auth.test' % fakes.slack_token(prefix, R)],
             ["SLACK_TOKEN=%s-123-456-abc" % prefix, "SLACK_TOKEN=%s-<token>" % prefix],
             ["https://api.slack.com/authentication/token-types"])
    rule("slack.other-token", "Slack app, refresh or configuration token", "high",
         r"\b(?<secret>(?:xox[aers]|xapp)-[0-9]{1,2}-[A-Za-z0-9-]{20,250})",
         ["SLACK_APP_TOKEN=xoxa-2-%s" % fakes._choose(R, fakes.ALNUM, 60),
          "refresh=xoxe-1-%s" % fakes._choose(R, fakes.ALNUM, 100),
          "SLACK_APP_TOKEN=xapp-1-A%s-%s-%s" % (fakes._choose(R, fakes.BASE32_UPPER, 10),
                                               fakes._choose(R, fakes.string.digits, 13), fakes._choose(R, fakes.HEX, 64))],
         ["xoxa-2-short", "xoxq-2-%s" % fakes._choose(R, fakes.ALNUM, 40)],
         ["https://api.slack.com/authentication/token-types"])
    rule("slack.webhook.url", "Slack incoming webhook URL", "high",
         r"(?<secret>https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}"
         r"/[A-Za-z0-9]{20,32})",
         ['"slack_webhook": "%s"' % fakes.slack_webhook_url(R)],
         ["https://hooks.slack.com/services/T00000000/B00000000/",
          "https://api.slack.com/messaging/webhooks"],
         ["https://api.slack.com/messaging/webhooks"])


def more_tokens():
    R = rng_for("messaging")
    ch, digits = Fakes(R).choose, Fakes(R).digits
    ref = "https://api.slack.com/authentication/token-types"
    rule("slack.config-token", "Slack configuration or rotating access token", "high",
         r"\b(?<secret>xoxe\.xox[bp]-1-[A-Za-z0-9-]{60,300})",
         ["SLACK_CONFIG_TOKEN=xoxe.xoxp-1-%s" % ch(ALNUM, 140),
          '{"ok": true, "token": "xoxe.xoxb-1-%s", "refresh_token": "xoxe-1-%s", "team_id": "T0HUSH"}'
          % (ch(ALNUM, 150), ch(ALNUM, 120))],
         ['{"ok": true, "token": "xoxe.xoxp-...", "refresh_token": "xoxe-..."}',
          "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-%s" % ch(ALNUM, 30)],
         ["https://api.slack.com/methods/tooling.tokens.rotate",
          "https://api.slack.com/authentication/rotation"])
    rule("slack.app-secret", "Slack signing secret or client secret", "medium",
         r"(?i:slack" + NAME + r"(?:signing|client)_?secret)" + ASSIGN_WIDE +
         r"(?<secret>[0-9a-f]{32})\b",
         ["SLACK_SIGNING_SECRET=%s" % ch(HEX, 32),
          '{"slackClientId": "1234.5678", "slackClientSecret": "%s"}' % ch(HEX, 32),
          "slack.signingSecret: %s" % ch(HEX, 32)],
         ["SLACK_SIGNING_SECRET=%s" % ch(HEX, 31),
          "SLACK_SIGNING_SECRET=${SLACK_SIGNING_SECRET}",
          "SLACK_CLIENT_ID=%s.%s" % (digits(12), digits(13))],
         ["https://api.slack.com/authentication/verifying-requests-from-slack",
          "https://api.slack.com/authentication/oauth-v2"])
    rule("slack.workflow-webhook.url", "Slack workflow or trigger webhook URL", "high",
         r"(?<secret>https://hooks\.slack\.com/(?:workflows|triggers)/[TE][A-Z0-9]{8,12}/"
         r"(?:A[A-Z0-9]{8,12}/)?[0-9]{8,20}/[A-Za-z0-9]{20,40})",
         ['"webhook": "https://hooks.slack.com/triggers/T%s/%s/%s"'
          % (ch(fakes.BASE32_UPPER, 10), digits(13), ch(HEX, 32)),
          "curl -X POST https://hooks.slack.com/workflows/T%s/A%s/%s/%s -d '{}'"
          % (ch(fakes.BASE32_UPPER, 10), ch(fakes.BASE32_UPPER, 10), digits(18), ch(ALNUM, 24))],
         ["https://hooks.slack.com/triggers/T0HUSH/",
          "https://api.slack.com/automation/triggers/webhook"],
         ["https://api.slack.com/automation/triggers/webhook",
          "https://slack.com/help/articles/360041352714"])


def add_rules():
    tokens()
    more_tokens()
