"""Chat, messaging, social platforms and e-mail services: new Slack, Twilio
rules, chat.json (Discord, Telegram, Mattermost, ...), social.json (Meta,
X/Twitter, LinkedIn, Twitch, ...) and email.json (Mailchimp, Mailgun,
Postmark, Brevo, ...)."""

import base64
import string

from rulepack.common import *  # noqa: F401,F403
from rulepack.common import fakes, rule, rng_for, ASSIGN, HEADER

R = rng_for("messaging")

ALNUM = fakes.ALNUM
HEX = fakes.HEX
# The rest of a key name after a vendor word (`SLACK_SIGNING_`, `.Api`, `-server-`).
NAME = r"[a-z0-9_.-]{0,24}"


ch = Fakes(R).choose


def digits(n):
    return str(R.randint(1, 9)) + ch(string.digits, n - 1)


# ---- fake values of the formats below ----------------------------------------

def discord_bot_token():
    user_id = digits(18)
    first = base64.b64encode(user_id.encode()).decode().rstrip("=")
    return "%s.%s.%s" % (first, ch(B64URL_CHARS, 6), ch(B64URL_CHARS, 38))


def discord_webhook_url(host="discord.com"):
    return "https://%s/api/webhooks/%s/%s" % (host, digits(19), ch(B64URL_CHARS, 68))


def telegram_bot_token():
    return "%s:AA%s" % (digits(10), ch(B64URL_CHARS, 33))


def slack(rules_file="slack.json"):
    ref = "https://api.slack.com/authentication/token-types"
    rule(rules_file, "slack.config-token", "Slack configuration or rotating access token", "high",
         r"\b(?<secret>xoxe\.xox[bp]-1-[A-Za-z0-9-]{60,300})",
         ["SLACK_CONFIG_TOKEN=xoxe.xoxp-1-%s" % ch(ALNUM, 140),
          '{"ok": true, "token": "xoxe.xoxb-1-%s", "refresh_token": "xoxe-1-%s", "team_id": "T0HUSH"}'
          % (ch(ALNUM, 150), ch(ALNUM, 120))],
         ['{"ok": true, "token": "xoxe.xoxp-...", "refresh_token": "xoxe-..."}',
          "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-%s" % ch(ALNUM, 30)],
         ["https://api.slack.com/methods/tooling.tokens.rotate",
          "https://api.slack.com/authentication/rotation"])
    rule(rules_file, "slack.app-secret", "Slack signing secret or client secret", "medium",
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
    rule(rules_file, "slack.workflow-webhook.url", "Slack workflow or trigger webhook URL", "high",
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


def twilio():
    rule("twilio.json", "twilio.api-key-secret", "Twilio API key secret", "medium",
         r"(?i:twilio" + NAME + r"(?:api_?key_?secret|api_?secret|key_?secret))" + ASSIGN_WIDE +
         r"(?<secret>[A-Za-z0-9]{32})\b",
         ["TWILIO_API_KEY=SK%s\nTWILIO_API_SECRET=%s" % (ch(HEX, 32), ch(ALNUM, 32)),
          "const twilioApiKeySecret = '%s'  // hush test" % ch(ALNUM, 32)],
         ["TWILIO_API_SECRET=%s" % ch(ALNUM, 20),
          "TWILIO_API_SECRET=<api-key-secret>",
          "TWILIO_API_KEY=SK%s" % ch(HEX, 32)],
         ["https://www.twilio.com/docs/iam/api-keys"])
    rule("twilio.json", "twilio.auth-token.named", "Twilio auth token (named)", "medium",
         r"(?i:twilio" + NAME + r"auth_?token)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["TWILIO_AUTH_TOKEN=%s" % ch(HEX, 32),
          '{"twilioAuthToken": "%s"}' % ch(HEX, 32)],
         ["TWILIO_AUTH_TOKEN=%s" % ch(HEX, 30),
          "TWILIO_ACCOUNT_SID=AC%s" % ch(HEX, 32),
          "TWILIO_AUTH_TOKEN=%s" % ch("ghijklmnopqrstuvwxyz", 32)],
         ["https://www.twilio.com/docs/iam/api/authtoken"])


def chat():
    f = "chat.json"
    rule(f, "discord.webhook.url", "Discord webhook URL", "high",
         r"(?<secret>https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/"
         r"[0-9]{17,20}/[A-Za-z0-9_-]{60,80})",
         ["DISCORD_WEBHOOK_URL=%s" % discord_webhook_url(),
          '{"alerts": {"discord": "%s"}}' % discord_webhook_url("discordapp.com")],
         ["https://discord.com/api/webhooks/%s/" % digits(19),
          "https://discord.com/api/webhooks/{webhook.id}/{webhook.token}"],
         ["https://discord.com/developers/docs/resources/webhook"])
    rule(f, "discord.bot-token", "Discord bot token", "medium",
         r"(?:(?i:discord)[^\r\n]{0,64}?|(?i:authorization)" + HEADER + r"Bot[ \t]{1,4})"
         r"\b(?<secret>[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})",
         ["DISCORD_BOT_TOKEN=%s" % discord_bot_token(),
          '-H "Authorization: Bot %s" https://discord.com/api/v10/users/@me' % discord_bot_token(),
          'discord_client.run("%s")  # hush test' % discord_bot_token()],
         ["DISCORD_BOT_TOKEN=%s" % discord_bot_token()[:40],
          "token: %s  # hush test, no context word" % discord_bot_token()],
         ["https://discord.com/developers/docs/reference#authentication"])
    rule(f, "discord.client-secret", "Discord OAuth2 client secret", "medium",
         r"(?i:discord" + NAME + r"client_?secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{32})",
         ["DISCORD_CLIENT_SECRET=%s" % ch(B64URL_CHARS, 32),
          '{"discordClientId": "%s", "discordClientSecret": "%s"}' % (digits(19), ch(B64URL_CHARS, 32))],
         ["DISCORD_CLIENT_SECRET=%s" % ch(ALNUM, 20),
          "DISCORD_CLIENT_ID=%s" % digits(19)],
         ["https://discord.com/developers/docs/topics/oauth2"])
    rule(f, "telegram.bot-token", "Telegram bot token", "medium",
         r"(?:/bot|\b)(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{32,33})",
         ["TELEGRAM_BOT_TOKEN=%s" % telegram_bot_token(),
          "GET https://api.telegram.org/bot%s/getMe HTTP/1.1" % telegram_bot_token(),
          "token: '%s'" % telegram_bot_token()],
         ["TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
          "TELEGRAM_BOT_TOKEN=%s:AA%s" % (digits(10), ch(ALNUM, 20))],
         ["https://core.telegram.org/bots/api#authorizing-your-bot",
          "https://core.telegram.org/bots/features#botfather"])
    rule(f, "mattermost.access-token", "Mattermost personal access or bot token", "medium",
         r"(?i:mattermost" + NAME + r"(?:token|key|secret|password))" + ASSIGN_WIDE +
         r"(?<secret>[a-z0-9]{26})\b",
         ["MATTERMOST_TOKEN=%s" % ch(LOWER_ALNUM, 26),
          '{"mattermost_bot_token": "%s", "url": "https://chat.contoso.com"}' % ch(LOWER_ALNUM, 26)],
         ["MATTERMOST_TOKEN=%s" % ch(LOWER_ALNUM, 20),
          "MATTERMOST_TEAM=%s" % ch(LOWER_ALNUM, 26)],
         ["https://developers.mattermost.com/integrate/reference/personal-access-token/"])
    rule(f, "mattermost.webhook.url", "Mattermost incoming webhook URL", "medium",
         r"(?<secret>https://[A-Za-z0-9.-]{0,64}mattermost[A-Za-z0-9.-]{0,64}(?::[0-9]{2,5})?/hooks/"
         r"[a-z0-9]{26})\b",
         ["MATTERMOST_WEBHOOK=https://mattermost.contoso.com/hooks/%s" % ch(LOWER_ALNUM, 26),
          '{"url": "https://hush-fake.cloud.mattermost.com/hooks/%s"}' % ch(LOWER_ALNUM, 26)],
         ["https://mattermost.contoso.com/hooks/xxx-generatedkey-xxx",
          "https://mattermost.contoso.com/plugins/%s" % ch(LOWER_ALNUM, 26)],
         ["https://developers.mattermost.com/integrate/webhooks/incoming/"])
    rule(f, "zulip.api-key", "Zulip API key", "medium",
         r"(?i:zulip" + NAME + r"(?:api_?key|key|token))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["ZULIP_API_KEY=%s" % ch(ALNUM, 32),
          '{"zulip": {"email": "bot@zulip.contoso.com", "zulipApiKey": "%s"}}' % ch(ALNUM, 32)],
         ["ZULIP_API_KEY=%s" % ch(ALNUM, 16), "ZULIP_API_KEY=<api-key>"],
         ["https://zulip.com/api/api-keys"])
    rule(f, "gitter.token", "Gitter access token", "medium",
         r"(?i:gitter" + NAME + r"(?:token|key|secret))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{40})\b",
         ["GITTER_TOKEN=%s" % ch(HEX, 40),
          "gitter_token: '%s'" % ch(HEX, 40)],
         ["GITTER_TOKEN=%s" % ch(HEX, 32), "GITTER_ROOM=%s" % ch(HEX, 40)],
         ["https://developer.gitter.im/docs/authentication"])
    rule(f, "intercom.access-token", "Intercom access token", "medium",
         r"\b(?<secret>dG9rO[A-Za-z0-9+/]{50,120}={0,2})",
         ["INTERCOM_ACCESS_TOKEN=%s" % base64.b64encode(
             ("tok:%s:%s:%s" % (fakes.guid(R), fakes.guid(R), digits(10))).encode()).decode(),
          'curl -H "Authorization: Bearer %s" https://api.intercom.io/me' % base64.b64encode(
              ("tok:%s:%s:%s" % (fakes.guid(R), fakes.guid(R), digits(10))).encode()).decode()],
         ["INTERCOM_ACCESS_TOKEN=%s" % base64.b64encode(b"tok:hush").decode(),
          "INTERCOM_APP_ID=%s" % ch(LOWER_ALNUM, 8)],
         ["https://developers.intercom.com/docs/build-an-integration/learn-more/authentication"])
    rule(f, "sendbird.api-token", "Sendbird API token", "medium",
         r"(?i:sendbird" + NAME + r"(?:api_?token|token|key))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{40})\b",
         ["SENDBIRD_API_TOKEN=%s" % ch(HEX, 40),
          '{"sendbirdApiToken": "%s", "appId": "%s"}' % (ch(HEX, 40), fakes.guid(R).upper())],
         ["SENDBIRD_API_TOKEN=%s" % ch(HEX, 32),
          "SENDBIRD_APP_ID=%s" % fakes.guid(R).upper()],
         ["https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api"])
    rule(f, "pusher.app-secret", "Pusher Channels app secret", "medium",
         r"(?i:pusher" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{20})\b",
         ["PUSHER_APP_KEY=%s\nPUSHER_APP_SECRET=%s" % (ch(HEX, 20), ch(HEX, 20)),
          "'pusher' => ['secret' => env('X'), 'pusherSecret' => '%s']" % ch(HEX, 20)],
         ["PUSHER_APP_SECRET=%s" % ch(HEX, 16),
          "PUSHER_APP_KEY=%s" % ch(HEX, 20)],
         ["https://pusher.com/docs/channels/library_auth_reference/rest-api/"])
    rule(f, "rocketchat.access-token", "Rocket.Chat personal access token", "medium",
         r"(?i:rocket[._-]?chat" + NAME + r"(?:token|secret))" + ASSIGN_WIDE +
         r"(?<secret>[A-Za-z0-9_-]{43})",
         ["ROCKETCHAT_AUTH_TOKEN=%s" % ch(B64URL_CHARS, 43),
          '{"rocketChatToken": "%s", "userId": "%s"}' % (ch(B64URL_CHARS, 43), ch(ALNUM, 17))],
         ["ROCKETCHAT_AUTH_TOKEN=%s" % ch(ALNUM, 30),
          "ROCKETCHAT_USER_ID=%s" % ch(ALNUM, 17)],
         ["https://developer.rocket.chat/apidocs/personal-access-tokens"])
    rule(f, "telegram.api-hash", "Telegram API hash (MTProto app)", "medium",
         r"(?i:(?:telegram|\btg)" + NAME + r"api_?hash|\bapi_hash)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["TELEGRAM_API_ID=%s\nTELEGRAM_API_HASH=%s" % (digits(8), ch(HEX, 32)),
          "client = TelegramClient('hush', api_id=%s, api_hash='%s')" % (digits(8), ch(HEX, 32))],
         ["TELEGRAM_API_ID=%s" % digits(8),
          "TELEGRAM_API_HASH=%s" % ch(HEX, 24)],
         ["https://core.telegram.org/api/obtaining_api_id"])
    rule(f, "line.channel-secret", "LINE channel secret", "medium",
         r"(?i:line" + NAME + r"channel_?secret)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["LINE_CHANNEL_SECRET=%s" % ch(HEX, 32),
          '{"lineChannelSecret": "%s"}' % ch(HEX, 32)],
         ["LINE_CHANNEL_ID=%s" % digits(10),
          "LINE_CHANNEL_SECRET=%s" % ch(HEX, 20)],
         ["https://developers.line.biz/en/docs/messaging-api/getting-started/"])
    rule(f, "line.channel-access-token", "LINE channel access token", "medium",
         r"(?i:line" + NAME + r"(?:channel_?)?access_?token)" + ASSIGN_WIDE +
         r"(?<secret>[A-Za-z0-9+/]{150,200}={0,2})",
         ["LINE_CHANNEL_ACCESS_TOKEN=%s=" % ch(ALNUM + "+/", 171),
          '{"lineAccessToken": "%s"}' % ch(ALNUM + "+/", 172)],
         ["LINE_CHANNEL_ACCESS_TOKEN=%s" % ch(ALNUM, 40),
          "LINE_CHANNEL_ACCESS_TOKEN={channel access token}"],
         ["https://developers.line.biz/en/docs/basics/channel-access-token/"])
    rule(f, "viber.auth-token", "Viber bot auth token", "medium",
         r"(?i:viber)[^\r\n]{0,64}?\b(?<secret>[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16})\b",
         ["VIBER_AUTH_TOKEN=%s-%s-%s" % (ch(HEX, 16), ch(HEX, 16), ch(HEX, 16)),
          'curl -H "X-Viber-Auth-Token: %s-%s-%s" https://chatapi.viber.com/pa/get_account_info'
          % (ch(HEX, 16), ch(HEX, 16), ch(HEX, 16))],
         ["VIBER_AUTH_TOKEN=%s-%s" % (ch(HEX, 16), ch(HEX, 16)),
          "build %s-%s-%s (hush test)" % (ch(HEX, 16), ch(HEX, 16), ch(HEX, 16))],
         ["https://developers.viber.com/docs/api/rest-bot-api/#authentication-token"])
    rule(f, "vonage.api-secret", "Vonage (Nexmo) API secret", "medium",
         r"(?i:(?:vonage|nexmo)" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{16})\b",
         ["VONAGE_API_KEY=%s\nVONAGE_API_SECRET=%s" % (ch(HEX, 8), ch(ALNUM, 16)),
          '{"nexmoApiSecret": "%s"}' % ch(ALNUM, 16)],
         ["VONAGE_API_KEY=%s" % ch(HEX, 8),
          "VONAGE_API_SECRET=%s" % ch(ALNUM, 10)],
         ["https://developer.vonage.com/en/getting-started/concepts/authentication"])
    rule(f, "messagebird.access-key", "MessageBird (Bird) access key", "medium",
         r"(?i:message_?bird" + NAME + r"(?:key|token))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{25})\b",
         ["MESSAGEBIRD_ACCESS_KEY=%s" % ch(ALNUM, 25),
          '{"messagebirdApiKey": "%s"}' % ch(ALNUM, 25)],
         ["MESSAGEBIRD_ACCESS_KEY=%s" % ch(ALNUM, 15),
          "MESSAGEBIRD_ORIGINATOR=hushtest"],
         ["https://developers.messagebird.com/api/#authentication"])
    rule(f, "plivo.auth-token", "Plivo auth token", "medium",
         r"(?i:plivo" + NAME + r"(?:auth_?token|secret))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{40})\b",
         ["PLIVO_AUTH_ID=MA%s\nPLIVO_AUTH_TOKEN=%s" % (ch(string.ascii_uppercase + string.digits, 18), ch(ALNUM, 40)),
          '{"plivoAuthToken": "%s"}' % ch(ALNUM, 40)],
         ["PLIVO_AUTH_ID=MA%s" % ch(string.ascii_uppercase + string.digits, 18),
          "PLIVO_AUTH_TOKEN=%s" % ch(ALNUM, 30)],
         ["https://www.plivo.com/docs/messaging/api/overview/authentication"])
    rule(f, "telnyx.api-key", "Telnyx API key (v2)", "high",
         r"\b(?<secret>KEY[0-9A-F]{32}_[A-Za-z0-9]{22})\b",
         ["TELNYX_API_KEY=KEY%s_%s" % (ch("0123456789ABCDEF", 32), ch(ALNUM, 22)),
          'curl -H "Authorization: Bearer KEY%s_%s" https://api.telnyx.com/v2/balance'
          % (ch("0123456789ABCDEF", 32), ch(ALNUM, 22))],
         ["TELNYX_API_KEY=KEY%s" % ch("0123456789ABCDEF", 32),
          "KEY%s_%s" % (ch("0123456789ABCDEF", 32), ch(ALNUM, 10))],
         ["https://developers.telnyx.com/development/api-fundamentals/authentication",
          "https://support.telnyx.com/en/articles/4305158-api-keys-and-how-to-use-them"])


def social():
    f = "social.json"
    rule(f, "facebook.access-token", "Meta / Facebook access token", "high",
         r"\b(?<secret>EAA[A-Za-z0-9]{100,500})",
         ["https://graph.facebook.com/v19.0/me?fields=id,name&access_token=EAAG%s" % ch(ALNUM, 180),
          '{"access_token": "EAAB%s", "token_type": "bearer"}' % ch(ALNUM, 150)],
         ["access_token=EAAG%s" % ch(ALNUM, 40),
          "EAA-hush-test-%s" % ch(ALNUM, 120)],
         ["https://developers.facebook.com/docs/facebook-login/guides/access-tokens/"])
    rule(f, "facebook.app-secret", "Meta / Facebook app secret", "medium",
         r"(?i:(?:facebook|\bfb)" + NAME + r"(?:secret|key))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["FACEBOOK_APP_SECRET=%s" % ch(HEX, 32),
          "var fbApiKey = '%s';" % ch(HEX, 32),
          "  fbAppSecret:            \"%s\"," % ch(HEX, 32)],
         ["FACEBOOK_APP_ID=%s" % digits(16),
          "FACEBOOK_APP_SECRET=%s" % ch(HEX, 24),
          '\\"fbconnectkey\\";s:32:\\"%s\\";' % ch(HEX, 32)],
         ["https://developers.facebook.com/docs/facebook-login/security/#appsecret"])
    rule(f, "facebook.app-access-token", "Meta / Facebook app access token (app id|secret)", "medium",
         r"(?i:access_?token)" + ASSIGN + r"(?<secret>[0-9]{13,17}(?:\||%7[Cc])[0-9A-Za-z_-]{27,32})",
         ["https://graph.facebook.com/debug_token?input_token=x&access_token=%s|%s" % (digits(16), ch(HEX, 32)),
          '{"access_token": "%s|%s"}' % (digits(15), ch(HEX, 32))],
         ["access_token=%s" % digits(16),
          "access_token=%s|short" % digits(16)],
         ["https://developers.facebook.com/docs/facebook-login/guides/access-tokens/#apptokens"])
    rule(f, "instagram.access-token", "Instagram access token", "high",
         r"\b(?<secret>IG(?:QV|AA)[A-Za-z0-9_-]{100,400})",
         ["INSTAGRAM_ACCESS_TOKEN=IGQVJ%s" % ch(B64URL_CHARS, 160),
          "https://graph.instagram.com/me?fields=id,username&access_token=IGAA%s" % ch(ALNUM, 140)],
         ["INSTAGRAM_ACCESS_TOKEN=IGQVJ%s" % ch(ALNUM, 40),
          "INSTAGRAM_APP_ID=%s" % digits(16)],
         ["https://developers.facebook.com/docs/instagram-platform/reference/access_token"])
    rule(f, "twitter.bearer-token", "X / Twitter app-only bearer token", "high",
         r"\b(?<secret>AAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,160})",
         ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA%s%%2B%s" % (ch(ALNUM, 30), ch(ALNUM, 60)),
          'curl -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAA%s" https://api.x.com/2/tweets/20'
          % ch(ALNUM, 90)],
         ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA%s" % ch(ALNUM, 20),
          "TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
         ["https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens"])
    rule(f, "twitter.secret", "X / Twitter consumer, token or client secret", "medium",
         r"(?i:twitter[a-z0-9_.-]{0,32}secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{35,50})",
         ["TWITTER_API_KEY=%s\nTWITTER_API_SECRET=%s" % (ch(ALNUM, 25), ch(ALNUM, 50)),
          '{"twitterAccessTokenSecret": "%s"}' % ch(ALNUM, 45)],
         ["TWITTER_API_KEY=%s" % ch(ALNUM, 25),
          "TWITTER_API_SECRET=%s" % ch(ALNUM, 20),
          "Twitter(auth=OAuth('%s', '%s'))" % (ch(ALNUM, 45), ch(ALNUM, 50))],
         ["https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret"])
    rule(f, "twitter.access-token", "X / Twitter OAuth 1.0a access token", "medium",
         r"(?i:twitter|twttr)[^\r\n]{0,64}?\b(?<secret>[0-9]{6,20}-[A-Za-z0-9]{40})\b",
         ["TWITTER_ACCESS_TOKEN=%s-%s" % (digits(19), ch(ALNUM, 40)),
          '{"twitter": {"access_token": "%s-%s"}}' % (digits(10), ch(ALNUM, 40))],
         ["TWITTER_ACCESS_TOKEN=%s-%s" % (digits(19), ch(ALNUM, 30)),
          "ACCESS_TOKEN=%s-%s  # hush test, no vendor word" % (digits(19), ch(ALNUM, 40))],
         ["https://developer.x.com/en/docs/authentication/oauth-1-0a/obtaining-user-access-tokens"])
    rule(f, "linkedin.client-secret", "LinkedIn client secret", "medium",
         r"(?i:linkedin" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{16})\b",
         ['LINKEDIN_CLIENT_ID = "%s"\nLINKEDIN_CLIENT_SECRET = "%s"' % (ch(LOWER_ALNUM, 14), ch(ALNUM, 16)),
          '{"linkedinSecret": "%s"}' % ch(ALNUM, 16)],
         ["LINKEDIN_CLIENT_ID=%s" % ch(LOWER_ALNUM, 14),
          "LINKEDIN_CLIENT_SECRET=%s" % ch(ALNUM, 12)],
         ["https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow"])
    rule(f, "twitch.stream-key", "Twitch stream key", "high",
         r"\b(?<secret>live_[0-9]{6,12}_[A-Za-z0-9]{30})\b",
         ["STREAM_KEY=live_%s_%s" % (digits(9), ch(ALNUM, 30)),
          "rtmp://live.twitch.tv/app/live_%s_%s" % (digits(9), ch(ALNUM, 30))],
         ["live_%s_%s" % (digits(9), ch(ALNUM, 25)),
          'stream_url: "rtmp://live.twitch.tv/app/STREAM_KEY"'],
         ["https://help.twitch.tv/s/article/twitch-stream-key-faq"])
    rule(f, "twitch.oauth-token", "Twitch OAuth token or client secret", "medium",
         r"(?:(?i:twitch" + NAME + r"(?:secret|token|oauth|password))" + ASSIGN_WIDE +
         r"(?:oauth:)?|\bPASS oauth:)(?<secret>[a-z0-9]{30})\b",
         ["TWITCH_CLIENT_SECRET=%s" % ch(LOWER_ALNUM, 30),
          '{"twitch_oauth": "oauth:%s"}' % ch(LOWER_ALNUM, 30),
          "PASS oauth:%s" % ch(LOWER_ALNUM, 30)],
         ["TWITCH_CLIENT_ID=%s" % ch(LOWER_ALNUM, 30),
          'TWITCH_STREAM_KEY = "%s_%s"' % (digits(9), ch(ALNUM, 25))],
         ["https://dev.twitch.tv/docs/authentication/",
          "https://dev.twitch.tv/docs/irc/authenticate-bot/"])
    rule(f, "reddit.client-secret", "Reddit client secret", "medium",
         r"(?i:reddit" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{27,30})",
         ["REDDIT_CLIENT_SECRET=%s" % ch(B64URL_CHARS, 30),
          "reddit = praw.Reddit(client_id='%s', reddit_secret='%s')" % (ch(B64URL_CHARS, 14), ch(B64URL_CHARS, 27))],
         ["REDDIT_CLIENT_ID=%s" % ch(B64URL_CHARS, 14),
          "REDDIT_CLIENT_SECRET=%s" % ch(ALNUM, 12)],
         ["https://github.com/reddit-archive/reddit/wiki/OAuth2"])
    rule(f, "pinterest.access-token", "Pinterest access or refresh token", "high",
         r"\b(?<secret>pin[acr]_[A-Za-z0-9]{40,300})",
         ["PINTEREST_ACCESS_TOKEN=pina_%s" % ch(string.ascii_uppercase + string.digits, 120),
          '{"access_token": "pina_%s", "refresh_token": "pinr_%s"}'
          % (ch(string.ascii_uppercase + string.digits, 110), ch(string.ascii_uppercase + string.digits, 110))],
         ["PINTEREST_ACCESS_TOKEN=pina_%s" % ch(ALNUM, 20),
          "PINTEREST_APP_ID=%s" % digits(7)],
         ["https://developers.pinterest.com/docs/developer-tools/token-debugger/",
          "https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/"])
    rule(f, "mastodon.access-token", "Mastodon access token", "medium",
         r"(?i:mastodon" + NAME + r"(?:token|secret|key))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{43})",
         ["MASTODON_ACCESS_TOKEN=%s" % ch(B64URL_CHARS, 43),
          '{"mastodon_client_secret": "%s", "instance": "https://mastodon.contoso.com"}' % ch(B64URL_CHARS, 43)],
         ["MASTODON_ACCESS_TOKEN=%s" % ch(ALNUM, 30),
          "MASTODON_INSTANCE=https://mastodon.contoso.com"],
         ["https://docs.joinmastodon.org/client/token/"])


def email():
    f = "email.json"
    rule(f, "mailchimp.api-key", "Mailchimp Marketing API key", "high",
         r"\b(?<secret>[0-9a-f]{32}-us[0-9]{1,2})\b",
         ["MAILCHIMP_API_KEY='%s-us13'" % ch(HEX, 32),
          "https://anystring:%s-us6@us6.api.mailchimp.com/3.0/ping" % ch(HEX, 32)],
         ["MAILCHIMP_API_KEY=%s-us13" % ch(HEX, 24),
          "MAILCHIMP_SERVER_PREFIX=us13"],
         ["https://mailchimp.com/developer/marketing/guides/quick-start/",
          "https://mailchimp.com/help/about-api-keys/"])
    rule(f, "mandrill.api-key", "Mailchimp Transactional (Mandrill) API key", "medium",
         r"(?i:mandrill" + NAME + r"(?:key|password|secret|token))" + ASSIGN_WIDE +
         r"(?<secret>(?:md-)?[A-Za-z0-9_-]{22})",
         ["MANDRILL_API_KEY=md-%s" % ch(B64URL_CHARS, 22),
          '{"mandrillKey": "%s"}' % ch(ALNUM, 22)],
         ["MANDRILL_API_KEY=%s" % ch(ALNUM, 12),
          "MANDRILL_USERNAME=ops@contoso.com"],
         ["https://mailchimp.com/developer/transactional/guides/quick-start/"])
    rule(f, "mailgun.api-key", "Mailgun API key (key- prefix)", "medium",
         r"\b(?<secret>key-[0-9a-f]{32})\b",
         ["var apiKey = process.env.MAILGUN_API || 'key-%s';" % ch(HEX, 32),
          "curl -s --user 'api:key-%s' https://api.mailgun.net/v3/mg.contoso.com/messages" % ch(HEX, 32)],
         ["MAILGUN_PUBLIC_KEY=pubkey-%s" % ch(HEX, 32),
          "MAILGUN_API_KEY=key-%s" % ch(HEX, 24)],
         ["https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/"])
    rule(f, "mailgun.api-key.v2", "Mailgun API key", "medium",
         r"(?i:mailgun)[^\r\n]{0,64}?\b(?<secret>[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b",
         ["MAILGUN_API_KEY=%s-%s-%s" % (ch(HEX, 32), ch(HEX, 8), ch(HEX, 8)),
          "mailgun = Mailgun(api_key='%s-%s-%s')" % (ch(HEX, 32), ch(HEX, 8), ch(HEX, 8))],
         ["MAILGUN_API_KEY=%s-%s" % (ch(HEX, 32), ch(HEX, 8)),
          "build %s-%s-%s (hush test, no vendor word)" % (ch(HEX, 32), ch(HEX, 8), ch(HEX, 8))],
         ["https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials"])
    rule(f, "postmark.token.header", "Postmark server or account token header", "high",
         r"(?i:x-postmark-(?:server|account)-token)" + HEADER + r"(?<secret>" + UUID + r")\b",
         ["X-Postmark-Server-Token: %s" % fakes.guid(R),
          '{"X-Postmark-Account-Token": "%s", "Accept": "application/json"}' % fakes.guid(R)],
         ["X-Postmark-Server-Token: POSTMARK_API_TEST",
          "X-Postmark-Server-Token: server token"],
         ["https://postmarkapp.com/developer/api/overview#authentication"])
    rule(f, "postmark.api-token", "Postmark server or account token", "medium",
         r"(?i:postmark[a-z0-9_.-]{0,32})" + ASSIGN_WIDE + r"(?<secret>" + UUID + r")\b",
         ["POSTMARK_SERVER_TOKEN=%s" % fakes.guid(R),
          "postmark: {\n  postmarkApiToken: '%s', // hush test\n}" % fakes.guid(R),
          'postmark: "%s",' % fakes.guid(R)],
         ["POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST",
          "server token %s (hush test, no vendor word)" % fakes.guid(R)],
         ["https://postmarkapp.com/developer/api/overview#authentication"])
    rule(f, "brevo.api-key", "Brevo (Sendinblue) API key", "high",
         r"\b(?<secret>xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16})\b",
         ["BREVO_API_KEY=xkeysib-%s-%s" % (ch(HEX, 64), ch(ALNUM, 16)),
          'curl -H "api-key: xkeysib-%s-%s" https://api.brevo.com/v3/account' % (ch(HEX, 64), ch(ALNUM, 16))],
         ["BREVO_API_KEY=xkeysib-%s" % ch(HEX, 64),
          "BREVO_API_KEY=xkeysib-<your-key>"],
         ["https://help.brevo.com/hc/en-us/articles/209467485-Create-and-manage-your-API-keys"])
    rule(f, "brevo.smtp-key", "Brevo (Sendinblue) SMTP key", "high",
         r"\b(?<secret>xsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16})\b",
         ["spring.mail.password=xsmtpsib-%s-%s" % (ch(HEX, 64), ch(ALNUM, 16)),
          '{"host": "smtp-relay.brevo.com", "pass": "xsmtpsib-%s-%s"}' % (ch(HEX, 64), ch(ALNUM, 16))],
         ["SMTP_PASSWORD=xsmtpsib-%s-%s" % (ch(HEX, 40), ch(ALNUM, 16)),
          "xkeysib-and-xsmtpsib-prefixes"],
         ["https://help.brevo.com/hc/en-us/articles/7959631848850-Create-and-manage-your-SMTP-keys"])
    rule(f, "mailjet.secret-key", "Mailjet API secret key", "medium",
         r"(?i:mailjet" + NAME + r"(?:secret|private)[a-z_]{0,8}|\bmj_apikey_private)" + ASSIGN_WIDE +
         r"(?<secret>[0-9a-f]{32})\b",
         ["MJ_APIKEY_PUBLIC=%s\nMJ_APIKEY_PRIVATE=%s" % (ch(HEX, 32), ch(HEX, 32)),
          '{"mailjetSecretKey": "%s"}' % ch(HEX, 32)],
         ["MJ_APIKEY_PUBLIC=%s" % ch(HEX, 32),
          "MAILJET_SECRET_KEY=%s" % ch(HEX, 20)],
         ["https://dev.mailjet.com/email/guides/getting-started/"])
    rule(f, "sparkpost.api-key", "SparkPost API key", "medium",
         r"(?i:sparkpost" + NAME + r"(?:key|token|password|secret))" + ASSIGN_WIDE +
         r"(?<secret>[0-9a-f]{40})\b",
         ["SPARKPOST_API_KEY=%s" % ch(HEX, 40),
          '{"sparkpost": {"sparkpostKey": "%s"}}' % ch(HEX, 40)],
         ["SPARKPOST_API_KEY=%s" % ch(HEX, 32),
          "SPARKPOST_API_KEY=<api-key>"],
         ["https://developers.sparkpost.com/api/#header-authorization"])
    rule(f, "mailersend.api-token", "MailerSend API token", "high",
         r"\b(?<secret>mlsn\.[0-9a-f]{64})\b",
         ["MAILERSEND_API_KEY=mlsn.%s" % ch(HEX, 64),
          'curl -H "Authorization: Bearer mlsn.%s" https://api.mailersend.com/v1/email' % ch(HEX, 64)],
         ["MAILERSEND_API_KEY=mlsn.%s" % ch(HEX, 40),
          "mlsn.config.json"],
         ["https://developers.mailersend.com/general.html#authentication"])
    rule(f, "resend.api-key", "Resend API key", "high",
         r"\b(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b",
         ["RESEND_API_KEY=re_%s_%s" % (ch(ALNUM, 8), ch(ALNUM, 24)),
          "const resend = new Resend('re_%s_%s');" % (ch(ALNUM, 8), ch(ALNUM, 24))],
         ["RESEND_API_KEY=re_123456789",
          "re_compile_%s" % ch(string.ascii_lowercase, 24)],
         ["https://resend.com/docs/dashboard/api-keys/introduction"])
    rule(f, "mailtrap.api-token", "Mailtrap API token", "medium",
         r"(?i:mailtrap" + NAME + r"(?:token|key|password))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["MAILTRAP_API_TOKEN=%s" % ch(HEX, 32),
          '{"mailtrapToken": "%s"}' % ch(HEX, 32)],
         ["MAILTRAP_INBOX_ID=%s" % digits(7),
          "MAILTRAP_API_TOKEN=%s" % ch(HEX, 20)],
         ["https://api-docs.mailtrap.io/docs/mailtrap-api-docs/ZG9jOjI2NzcxNzU3-api-tokens"])
    rule(f, "smtp2go.api-key", "SMTP2GO API key", "medium",
         r"\b(?<secret>api-[0-9A-F]{32})\b",
         ["SMTP2GO_API_KEY=api-%s" % ch("0123456789ABCDEF", 32),
          '{"api_key": "api-%s", "to": ["hush@contoso.com"]}' % ch("0123456789ABCDEF", 32)],
         ["SMTP2GO_API_KEY=api-%s" % ch("0123456789ABCDEF", 20),
          "x-api-%s" % ch("0123456789abcdef", 32)],
         ["https://developers.smtp2go.com/docs/getting-started"])


def add_rules():
    slack()
    twilio()
    chat()
    social()
    email()
