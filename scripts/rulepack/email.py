"""E-mail services (patterns/email.json): Mailchimp, Mailgun, Postmark, Brevo, ..."""

import string

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "messaging" RNG these rules once shared.
R = rng_for("messaging", skip=10882)
ch, digits = Fakes(R).choose, Fakes(R).digits


def email():
    rule("mailchimp.api-key", "Mailchimp Marketing API key", "high",
         r"\b(?<secret>[0-9a-f]{32}-us[0-9]{1,2})\b",
         ["MAILCHIMP_API_KEY='%s-us13'" % ch(HEX, 32),
          "https://anystring:%s-us6@us6.api.mailchimp.com/3.0/ping" % ch(HEX, 32)],
         ["MAILCHIMP_API_KEY=%s-us13" % ch(HEX, 24),
          "MAILCHIMP_SERVER_PREFIX=us13"],
         ["https://mailchimp.com/developer/marketing/guides/quick-start/",
          "https://mailchimp.com/help/about-api-keys/"])
    rule("mandrill.api-key", "Mailchimp Transactional (Mandrill) API key", "medium",
         r"(?i:mandrill" + NAME + r"(?:key|password|secret|token))" + ASSIGN_WIDE +
         r"(?<secret>(?:md-)?[A-Za-z0-9_-]{22})",
         ["MANDRILL_API_KEY=md-%s" % ch(B64URL_CHARS, 22),
          '{"mandrillKey": "%s"}' % ch(ALNUM, 22)],
         ["MANDRILL_API_KEY=%s" % ch(ALNUM, 12),
          "MANDRILL_USERNAME=ops@contoso.com"],
         ["https://mailchimp.com/developer/transactional/guides/quick-start/"])
    rule("mailgun.api-key", "Mailgun API key (key- prefix)", "medium",
         r"\b(?<secret>key-[0-9a-f]{32})\b",
         ["var apiKey = process.env.MAILGUN_API || 'key-%s';" % ch(HEX, 32),
          "curl -s --user 'api:key-%s' https://api.mailgun.net/v3/mg.contoso.com/messages" % ch(HEX, 32)],
         ["MAILGUN_PUBLIC_KEY=pubkey-%s" % ch(HEX, 32),
          "MAILGUN_API_KEY=key-%s" % ch(HEX, 24)],
         ["https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/"])
    rule("mailgun.api-key.v2", "Mailgun API key", "medium",
         r"(?i:mailgun)[^\r\n]{0,64}?\b(?<secret>[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b",
         ["MAILGUN_API_KEY=%s-%s-%s" % (ch(HEX, 32), ch(HEX, 8), ch(HEX, 8)),
          "mailgun = Mailgun(api_key='%s-%s-%s')" % (ch(HEX, 32), ch(HEX, 8), ch(HEX, 8))],
         ["MAILGUN_API_KEY=%s-%s" % (ch(HEX, 32), ch(HEX, 8)),
          "build %s-%s-%s (hush test, no vendor word)" % (ch(HEX, 32), ch(HEX, 8), ch(HEX, 8))],
         ["https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials"])
    rule("postmark.token.header", "Postmark server or account token header", "high",
         r"(?i:x-postmark-(?:server|account)-token)" + HEADER + r"(?<secret>" + UUID + r")\b",
         ["X-Postmark-Server-Token: %s" % fakes.guid(R),
          '{"X-Postmark-Account-Token": "%s", "Accept": "application/json"}' % fakes.guid(R)],
         ["X-Postmark-Server-Token: POSTMARK_API_TEST",
          "X-Postmark-Server-Token: server token"],
         ["https://postmarkapp.com/developer/api/overview#authentication"])
    rule("postmark.api-token", "Postmark server or account token", "medium",
         r"(?i:postmark[a-z0-9_.-]{0,32})" + ASSIGN_WIDE + r"(?<secret>" + UUID + r")\b",
         ["POSTMARK_SERVER_TOKEN=%s" % fakes.guid(R),
          "postmark: {\n  postmarkApiToken: '%s', // hush test\n}" % fakes.guid(R),
          'postmark: "%s",' % fakes.guid(R)],
         ["POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST",
          "server token %s (hush test, no vendor word)" % fakes.guid(R)],
         ["https://postmarkapp.com/developer/api/overview#authentication"])
    rule("brevo.api-key", "Brevo (Sendinblue) API key", "high",
         r"\b(?<secret>xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16})\b",
         ["BREVO_API_KEY=xkeysib-%s-%s" % (ch(HEX, 64), ch(ALNUM, 16)),
          'curl -H "api-key: xkeysib-%s-%s" https://api.brevo.com/v3/account' % (ch(HEX, 64), ch(ALNUM, 16))],
         ["BREVO_API_KEY=xkeysib-%s" % ch(HEX, 64),
          "BREVO_API_KEY=xkeysib-<your-key>"],
         ["https://help.brevo.com/hc/en-us/articles/209467485-Create-and-manage-your-API-keys"])
    rule("brevo.smtp-key", "Brevo (Sendinblue) SMTP key", "high",
         r"\b(?<secret>xsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16})\b",
         ["spring.mail.password=xsmtpsib-%s-%s" % (ch(HEX, 64), ch(ALNUM, 16)),
          '{"host": "smtp-relay.brevo.com", "pass": "xsmtpsib-%s-%s"}' % (ch(HEX, 64), ch(ALNUM, 16))],
         ["SMTP_PASSWORD=xsmtpsib-%s-%s" % (ch(HEX, 40), ch(ALNUM, 16)),
          "xkeysib-and-xsmtpsib-prefixes"],
         ["https://help.brevo.com/hc/en-us/articles/7959631848850-Create-and-manage-your-SMTP-keys"])
    rule("mailjet.secret-key", "Mailjet API secret key", "medium",
         r"(?i:mailjet" + NAME + r"(?:secret|private)[a-z_]{0,8}|\bmj_apikey_private)" + ASSIGN_WIDE +
         r"(?<secret>[0-9a-f]{32})\b",
         ["MJ_APIKEY_PUBLIC=%s\nMJ_APIKEY_PRIVATE=%s" % (ch(HEX, 32), ch(HEX, 32)),
          '{"mailjetSecretKey": "%s"}' % ch(HEX, 32)],
         ["MJ_APIKEY_PUBLIC=%s" % ch(HEX, 32),
          "MAILJET_SECRET_KEY=%s" % ch(HEX, 20)],
         ["https://dev.mailjet.com/email/guides/getting-started/"])
    rule("sparkpost.api-key", "SparkPost API key", "medium",
         r"(?i:sparkpost" + NAME + r"(?:key|token|password|secret))" + ASSIGN_WIDE +
         r"(?<secret>[0-9a-f]{40})\b",
         ["SPARKPOST_API_KEY=%s" % ch(HEX, 40),
          '{"sparkpost": {"sparkpostKey": "%s"}}' % ch(HEX, 40)],
         ["SPARKPOST_API_KEY=%s" % ch(HEX, 32),
          "SPARKPOST_API_KEY=<api-key>"],
         ["https://developers.sparkpost.com/api/#header-authorization"])
    rule("mailersend.api-token", "MailerSend API token", "high",
         r"\b(?<secret>mlsn\.[0-9a-f]{64})\b",
         ["MAILERSEND_API_KEY=mlsn.%s" % ch(HEX, 64),
          'curl -H "Authorization: Bearer mlsn.%s" https://api.mailersend.com/v1/email' % ch(HEX, 64)],
         ["MAILERSEND_API_KEY=mlsn.%s" % ch(HEX, 40),
          "mlsn.config.json"],
         ["https://developers.mailersend.com/general.html#authentication"])
    rule("resend.api-key", "Resend API key", "high",
         r"\b(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b",
         ["RESEND_API_KEY=re_%s_%s" % (ch(ALNUM, 8), ch(ALNUM, 24)),
          "const resend = new Resend('re_%s_%s');" % (ch(ALNUM, 8), ch(ALNUM, 24))],
         ["RESEND_API_KEY=re_123456789",
          "re_compile_%s" % ch(string.ascii_lowercase, 24)],
         ["https://resend.com/docs/dashboard/api-keys/introduction"])
    rule("mailtrap.api-token", "Mailtrap API token", "medium",
         r"(?i:mailtrap" + NAME + r"(?:token|key|password))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["MAILTRAP_API_TOKEN=%s" % ch(HEX, 32),
          '{"mailtrapToken": "%s"}' % ch(HEX, 32)],
         ["MAILTRAP_INBOX_ID=%s" % digits(7),
          "MAILTRAP_API_TOKEN=%s" % ch(HEX, 20)],
         ["https://api-docs.mailtrap.io/docs/mailtrap-api-docs/ZG9jOjI2NzcxNzU3-api-tokens"])
    rule("smtp2go.api-key", "SMTP2GO API key", "medium",
         r"\b(?<secret>api-[0-9A-F]{32})\b",
         ["SMTP2GO_API_KEY=api-%s" % ch("0123456789ABCDEF", 32),
          '{"api_key": "api-%s", "to": ["hush@contoso.com"]}' % ch("0123456789ABCDEF", 32)],
         ["SMTP2GO_API_KEY=api-%s" % ch("0123456789ABCDEF", 20),
          "x-api-%s" % ch("0123456789abcdef", 32)],
         ["https://developers.smtp2go.com/docs/getting-started"])


def add_rules():
    email()
