"""Microsoft Teams incoming webhook URLs (patterns/msteams.json)."""

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=4803)


def teams():
    rule("msteams.webhook.url", "Microsoft Teams incoming webhook URL", "high",
         r"(?<secret>https://[a-z0-9-]{1,64}\.webhook\.office\.com/webhookb2/[0-9a-fA-F-]{36}@[0-9a-fA-F-]{36}"
         r"/IncomingWebhook/[0-9a-fA-F]{32}/[0-9a-fA-F-]{36}(?:/[A-Za-z0-9_-]{10,80})?)",
         ['"webhookUrl": "%s"' % fakes.teams_webhook_url(rng=R),
          "POST %s/V2%s HTTP/1.1" % (fakes.teams_webhook_url(org="contoso-hushtest", rng=R),
                                     fakes._choose(R, fakes.ALNUM + "_-", 45))],
         ["https://contoso.webhook.office.com/webhookb2/{group-id}@{tenant-id}/IncomingWebhook/{id}/{owner}",
          "https://contoso.webhook.office.com/"],
         ["https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"])
    rule("msteams.webhook.legacy-url", "Microsoft Teams incoming webhook URL (legacy host)",
         "high",
         r"(?<secret>https://outlook\.office(?:365)?\.com/webhook/[0-9a-fA-F-]{36}@[0-9a-fA-F-]{36}"
         r"/IncomingWebhook/[0-9a-fA-F]{32}/[0-9a-fA-F-]{36})",
         ["TEAMS_HOOK=%s # hush test" % fakes.teams_webhook_url_legacy(R)],
         ["https://outlook.office.com/webhook/",
          "https://outlook.office.com/mail/inbox"],
         ["https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"])


def add_rules():
    teams()
