"""Chat platforms (patterns/chat.json): Discord, Telegram, Mattermost, ..."""

import base64
import string

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "messaging" RNG these rules once shared.
R = rng_for("messaging", skip=1487)
ch, digits = Fakes(R).choose, Fakes(R).digits


def discord_bot_token():
    user_id = digits(18)
    first = base64.b64encode(user_id.encode()).decode().rstrip("=")
    return "%s.%s.%s" % (first, ch(B64URL_CHARS, 6), ch(B64URL_CHARS, 38))


def discord_webhook_url(host="discord.com"):
    return "https://%s/api/webhooks/%s/%s" % (host, digits(19), ch(B64URL_CHARS, 68))


def telegram_bot_token():
    return "%s:AA%s" % (digits(10), ch(B64URL_CHARS, 33))


def chat():
    rule("discord.webhook.url", "Discord webhook URL", "high",
         r"(?<secret>https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/"
         r"[0-9]{17,20}/[A-Za-z0-9_-]{60,80})",
         ["DISCORD_WEBHOOK_URL=%s" % discord_webhook_url(),
          '{"alerts": {"discord": "%s"}}' % discord_webhook_url("discordapp.com")],
         ["https://discord.com/api/webhooks/%s/" % digits(19),
          "https://discord.com/api/webhooks/{webhook.id}/{webhook.token}"],
         ["https://discord.com/developers/docs/resources/webhook"])
    rule("discord.bot-token", "Discord bot token", "medium",
         r"(?:(?i:discord)[^\r\n]{0,64}?|(?i:authorization)" + HEADER + r"Bot[ \t]{1,4})"
         r"\b(?<secret>[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})",
         ["DISCORD_BOT_TOKEN=%s" % discord_bot_token(),
          '-H "Authorization: Bot %s" https://discord.com/api/v10/users/@me' % discord_bot_token(),
          'discord_client.run("%s")  # hush test' % discord_bot_token()],
         ["DISCORD_BOT_TOKEN=%s" % discord_bot_token()[:40],
          "token: %s  # hush test, no context word" % discord_bot_token()],
         ["https://discord.com/developers/docs/reference#authentication"])
    rule("discord.client-secret", "Discord OAuth2 client secret", "medium",
         r"(?i:discord" + NAME + r"client_?secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{32})",
         ["DISCORD_CLIENT_SECRET=%s" % ch(B64URL_CHARS, 32),
          '{"discordClientId": "%s", "discordClientSecret": "%s"}' % (digits(19), ch(B64URL_CHARS, 32))],
         ["DISCORD_CLIENT_SECRET=%s" % ch(ALNUM, 20),
          "DISCORD_CLIENT_ID=%s" % digits(19)],
         ["https://discord.com/developers/docs/topics/oauth2"])
    rule("telegram.bot-token", "Telegram bot token", "medium",
         r"(?:/bot|\b)(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{32,33})",
         ["TELEGRAM_BOT_TOKEN=%s" % telegram_bot_token(),
          "GET https://api.telegram.org/bot%s/getMe HTTP/1.1" % telegram_bot_token(),
          "token: '%s'" % telegram_bot_token()],
         ["TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
          "TELEGRAM_BOT_TOKEN=%s:AA%s" % (digits(10), ch(ALNUM, 20))],
         ["https://core.telegram.org/bots/api#authorizing-your-bot",
          "https://core.telegram.org/bots/features#botfather"])
    rule("mattermost.access-token", "Mattermost personal access or bot token", "medium",
         r"(?i:mattermost" + NAME + r"(?:token|key|secret|password))" + ASSIGN_WIDE +
         r"(?<secret>[a-z0-9]{26})\b",
         ["MATTERMOST_TOKEN=%s" % ch(LOWER_ALNUM, 26),
          '{"mattermost_bot_token": "%s", "url": "https://chat.contoso.com"}' % ch(LOWER_ALNUM, 26)],
         ["MATTERMOST_TOKEN=%s" % ch(LOWER_ALNUM, 20),
          "MATTERMOST_TEAM=%s" % ch(LOWER_ALNUM, 26)],
         ["https://developers.mattermost.com/integrate/reference/personal-access-token/"])
    rule("mattermost.webhook.url", "Mattermost incoming webhook URL", "medium",
         r"(?<secret>https://[A-Za-z0-9.-]{0,64}mattermost[A-Za-z0-9.-]{0,64}(?::[0-9]{2,5})?/hooks/"
         r"[a-z0-9]{26})\b",
         ["MATTERMOST_WEBHOOK=https://mattermost.contoso.com/hooks/%s" % ch(LOWER_ALNUM, 26),
          '{"url": "https://hush-fake.cloud.mattermost.com/hooks/%s"}' % ch(LOWER_ALNUM, 26)],
         ["https://mattermost.contoso.com/hooks/xxx-generatedkey-xxx",
          "https://mattermost.contoso.com/plugins/%s" % ch(LOWER_ALNUM, 26)],
         ["https://developers.mattermost.com/integrate/webhooks/incoming/"])
    rule("zulip.api-key", "Zulip API key", "medium",
         r"(?i:zulip" + NAME + r"(?:api_?key|key|token))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["ZULIP_API_KEY=%s" % ch(ALNUM, 32),
          '{"zulip": {"email": "bot@zulip.contoso.com", "zulipApiKey": "%s"}}' % ch(ALNUM, 32)],
         ["ZULIP_API_KEY=%s" % ch(ALNUM, 16), "ZULIP_API_KEY=<api-key>"],
         ["https://zulip.com/api/api-keys"])
    rule("gitter.token", "Gitter access token", "medium",
         r"(?i:gitter" + NAME + r"(?:token|key|secret))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{40})\b",
         ["GITTER_TOKEN=%s" % ch(HEX, 40),
          "gitter_token: '%s'" % ch(HEX, 40)],
         ["GITTER_TOKEN=%s" % ch(HEX, 32), "GITTER_ROOM=%s" % ch(HEX, 40)],
         ["https://developer.gitter.im/docs/authentication"])
    rule("intercom.access-token", "Intercom access token", "medium",
         r"\b(?<secret>dG9rO[A-Za-z0-9+/]{50,120}={0,2})",
         ["INTERCOM_ACCESS_TOKEN=%s" % base64.b64encode(
             ("tok:%s:%s:%s" % (fakes.guid(R), fakes.guid(R), digits(10))).encode()).decode(),
          'curl -H "Authorization: Bearer %s" https://api.intercom.io/me' % base64.b64encode(
              ("tok:%s:%s:%s" % (fakes.guid(R), fakes.guid(R), digits(10))).encode()).decode()],
         ["INTERCOM_ACCESS_TOKEN=%s" % base64.b64encode(b"tok:hush").decode(),
          "INTERCOM_APP_ID=%s" % ch(LOWER_ALNUM, 8)],
         ["https://developers.intercom.com/docs/build-an-integration/learn-more/authentication"])
    rule("sendbird.api-token", "Sendbird API token", "medium",
         r"(?i:sendbird" + NAME + r"(?:api_?token|token|key))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{40})\b",
         ["SENDBIRD_API_TOKEN=%s" % ch(HEX, 40),
          '{"sendbirdApiToken": "%s", "appId": "%s"}' % (ch(HEX, 40), fakes.guid(R).upper())],
         ["SENDBIRD_API_TOKEN=%s" % ch(HEX, 32),
          "SENDBIRD_APP_ID=%s" % fakes.guid(R).upper()],
         ["https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api"])
    rule("pusher.app-secret", "Pusher Channels app secret", "medium",
         r"(?i:pusher" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{20})\b",
         ["PUSHER_APP_KEY=%s\nPUSHER_APP_SECRET=%s" % (ch(HEX, 20), ch(HEX, 20)),
          "'pusher' => ['secret' => env('X'), 'pusherSecret' => '%s']" % ch(HEX, 20)],
         ["PUSHER_APP_SECRET=%s" % ch(HEX, 16),
          "PUSHER_APP_KEY=%s" % ch(HEX, 20)],
         ["https://pusher.com/docs/channels/library_auth_reference/rest-api/"])
    rule("rocketchat.access-token", "Rocket.Chat personal access token", "medium",
         r"(?i:rocket[._-]?chat" + NAME + r"(?:token|secret))" + ASSIGN_WIDE +
         r"(?<secret>[A-Za-z0-9_-]{43})",
         ["ROCKETCHAT_AUTH_TOKEN=%s" % ch(B64URL_CHARS, 43),
          '{"rocketChatToken": "%s", "userId": "%s"}' % (ch(B64URL_CHARS, 43), ch(ALNUM, 17))],
         ["ROCKETCHAT_AUTH_TOKEN=%s" % ch(ALNUM, 30),
          "ROCKETCHAT_USER_ID=%s" % ch(ALNUM, 17)],
         ["https://developer.rocket.chat/apidocs/personal-access-tokens"])
    rule("telegram.api-hash", "Telegram API hash (MTProto app)", "medium",
         r"(?i:(?:telegram|\btg)" + NAME + r"api_?hash|\bapi_hash)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["TELEGRAM_API_ID=%s\nTELEGRAM_API_HASH=%s" % (digits(8), ch(HEX, 32)),
          "client = TelegramClient('hush', api_id=%s, api_hash='%s')" % (digits(8), ch(HEX, 32))],
         ["TELEGRAM_API_ID=%s" % digits(8),
          "TELEGRAM_API_HASH=%s" % ch(HEX, 24)],
         ["https://core.telegram.org/api/obtaining_api_id"])
    rule("line.channel-secret", "LINE channel secret", "medium",
         r"(?i:line" + NAME + r"channel_?secret)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["LINE_CHANNEL_SECRET=%s" % ch(HEX, 32),
          '{"lineChannelSecret": "%s"}' % ch(HEX, 32)],
         ["LINE_CHANNEL_ID=%s" % digits(10),
          "LINE_CHANNEL_SECRET=%s" % ch(HEX, 20)],
         ["https://developers.line.biz/en/docs/messaging-api/getting-started/"])
    rule("line.channel-access-token", "LINE channel access token", "medium",
         r"(?i:line" + NAME + r"(?:channel_?)?access_?token)" + ASSIGN_WIDE +
         r"(?<secret>[A-Za-z0-9+/]{150,200}={0,2})",
         ["LINE_CHANNEL_ACCESS_TOKEN=%s=" % ch(ALNUM + "+/", 171),
          '{"lineAccessToken": "%s"}' % ch(ALNUM + "+/", 172)],
         ["LINE_CHANNEL_ACCESS_TOKEN=%s" % ch(ALNUM, 40),
          "LINE_CHANNEL_ACCESS_TOKEN={channel access token}"],
         ["https://developers.line.biz/en/docs/basics/channel-access-token/"])
    rule("viber.auth-token", "Viber bot auth token", "medium",
         r"(?i:viber)[^\r\n]{0,64}?\b(?<secret>[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16})\b",
         ["VIBER_AUTH_TOKEN=%s-%s-%s" % (ch(HEX, 16), ch(HEX, 16), ch(HEX, 16)),
          'curl -H "X-Viber-Auth-Token: %s-%s-%s" https://chatapi.viber.com/pa/get_account_info'
          % (ch(HEX, 16), ch(HEX, 16), ch(HEX, 16))],
         ["VIBER_AUTH_TOKEN=%s-%s" % (ch(HEX, 16), ch(HEX, 16)),
          "build %s-%s-%s (hush test)" % (ch(HEX, 16), ch(HEX, 16), ch(HEX, 16))],
         ["https://developers.viber.com/docs/api/rest-bot-api/#authentication-token"])
    rule("vonage.api-secret", "Vonage (Nexmo) API secret", "medium",
         r"(?i:(?:vonage|nexmo)" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{16})\b",
         ["VONAGE_API_KEY=%s\nVONAGE_API_SECRET=%s" % (ch(HEX, 8), ch(ALNUM, 16)),
          '{"nexmoApiSecret": "%s"}' % ch(ALNUM, 16)],
         ["VONAGE_API_KEY=%s" % ch(HEX, 8),
          "VONAGE_API_SECRET=%s" % ch(ALNUM, 10)],
         ["https://developer.vonage.com/en/getting-started/concepts/authentication"])
    rule("messagebird.access-key", "MessageBird (Bird) access key", "medium",
         r"(?i:message_?bird" + NAME + r"(?:key|token))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{25})\b",
         ["MESSAGEBIRD_ACCESS_KEY=%s" % ch(ALNUM, 25),
          '{"messagebirdApiKey": "%s"}' % ch(ALNUM, 25)],
         ["MESSAGEBIRD_ACCESS_KEY=%s" % ch(ALNUM, 15),
          "MESSAGEBIRD_ORIGINATOR=hushtest"],
         ["https://developers.messagebird.com/api/#authentication"])
    rule("plivo.auth-token", "Plivo auth token", "medium",
         r"(?i:plivo" + NAME + r"(?:auth_?token|secret))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{40})\b",
         ["PLIVO_AUTH_ID=MA%s\nPLIVO_AUTH_TOKEN=%s" % (ch(string.ascii_uppercase + string.digits, 18), ch(ALNUM, 40)),
          '{"plivoAuthToken": "%s"}' % ch(ALNUM, 40)],
         ["PLIVO_AUTH_ID=MA%s" % ch(string.ascii_uppercase + string.digits, 18),
          "PLIVO_AUTH_TOKEN=%s" % ch(ALNUM, 30)],
         ["https://www.plivo.com/docs/messaging/api/overview/authentication"])
    rule("telnyx.api-key", "Telnyx API key (v2)", "high",
         r"\b(?<secret>KEY[0-9A-F]{32}_[A-Za-z0-9]{22})\b",
         ["TELNYX_API_KEY=KEY%s_%s" % (ch("0123456789ABCDEF", 32), ch(ALNUM, 22)),
          'curl -H "Authorization: Bearer KEY%s_%s" https://api.telnyx.com/v2/balance'
          % (ch("0123456789ABCDEF", 32), ch(ALNUM, 22))],
         ["TELNYX_API_KEY=KEY%s" % ch("0123456789ABCDEF", 32),
          "KEY%s_%s" % (ch("0123456789ABCDEF", 32), ch(ALNUM, 10))],
         ["https://developers.telnyx.com/development/api-fundamentals/authentication",
          "https://support.telnyx.com/en/articles/4305158-api-keys-and-how-to-use-them"])


def add_rules():
    chat()
