"""Social platforms (patterns/social.json): Meta, X/Twitter, LinkedIn, Twitch, ..."""

import string

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "messaging" RNG these rules once shared.
R = rng_for("messaging", skip=6944)
ch, digits = Fakes(R).choose, Fakes(R).digits


def social():
    rule("facebook.access-token", "Meta / Facebook access token", "high",
         r"\b(?<secret>EAA[A-Za-z0-9]{100,500})",
         ["https://graph.facebook.com/v19.0/me?fields=id,name&access_token=EAAG%s" % ch(ALNUM, 180),
          '{"access_token": "EAAB%s", "token_type": "bearer"}' % ch(ALNUM, 150)],
         ["access_token=EAAG%s" % ch(ALNUM, 40),
          "EAA-hush-test-%s" % ch(ALNUM, 120)],
         ["https://developers.facebook.com/docs/facebook-login/guides/access-tokens/"])
    rule("facebook.app-secret", "Meta / Facebook app secret", "medium",
         r"(?i:(?:facebook|\bfb)" + NAME + r"(?:secret|key))" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["FACEBOOK_APP_SECRET=%s" % ch(HEX, 32),
          "var fbApiKey = '%s';" % ch(HEX, 32),
          "  fbAppSecret:            \"%s\"," % ch(HEX, 32)],
         ["FACEBOOK_APP_ID=%s" % digits(16),
          "FACEBOOK_APP_SECRET=%s" % ch(HEX, 24),
          '\\"fbconnectkey\\";s:32:\\"%s\\";' % ch(HEX, 32)],
         ["https://developers.facebook.com/docs/facebook-login/security/#appsecret"])
    rule("facebook.app-access-token", "Meta / Facebook app access token (app id|secret)", "medium",
         r"(?i:access_?token)" + ASSIGN + r"(?<secret>[0-9]{13,17}(?:\||%7[Cc])[0-9A-Za-z_-]{27,32})",
         ["https://graph.facebook.com/debug_token?input_token=x&access_token=%s|%s" % (digits(16), ch(HEX, 32)),
          '{"access_token": "%s|%s"}' % (digits(15), ch(HEX, 32))],
         ["access_token=%s" % digits(16),
          "access_token=%s|short" % digits(16)],
         ["https://developers.facebook.com/docs/facebook-login/guides/access-tokens/#apptokens"])
    rule("instagram.access-token", "Instagram access token", "high",
         r"\b(?<secret>IG(?:QV|AA)[A-Za-z0-9_-]{100,400})",
         ["INSTAGRAM_ACCESS_TOKEN=IGQVJ%s" % ch(B64URL_CHARS, 160),
          "https://graph.instagram.com/me?fields=id,username&access_token=IGAA%s" % ch(ALNUM, 140)],
         ["INSTAGRAM_ACCESS_TOKEN=IGQVJ%s" % ch(ALNUM, 40),
          "INSTAGRAM_APP_ID=%s" % digits(16)],
         ["https://developers.facebook.com/docs/instagram-platform/reference/access_token"])
    rule("twitter.bearer-token", "X / Twitter app-only bearer token", "high",
         r"\b(?<secret>AAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,160})",
         ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA%s%%2B%s" % (ch(ALNUM, 30), ch(ALNUM, 60)),
          'curl -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAA%s" https://api.x.com/2/tweets/20'
          % ch(ALNUM, 90)],
         ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA%s" % ch(ALNUM, 20),
          "TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
         ["https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens"])
    rule("twitter.secret", "X / Twitter consumer, token or client secret", "medium",
         r"(?i:twitter[a-z0-9_.-]{0,32}secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{35,50})",
         ["TWITTER_API_KEY=%s\nTWITTER_API_SECRET=%s" % (ch(ALNUM, 25), ch(ALNUM, 50)),
          '{"twitterAccessTokenSecret": "%s"}' % ch(ALNUM, 45)],
         ["TWITTER_API_KEY=%s" % ch(ALNUM, 25),
          "TWITTER_API_SECRET=%s" % ch(ALNUM, 20),
          "Twitter(auth=OAuth('%s', '%s'))" % (ch(ALNUM, 45), ch(ALNUM, 50))],
         ["https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret"])
    rule("twitter.access-token", "X / Twitter OAuth 1.0a access token", "medium",
         r"(?i:twitter|twttr)[^\r\n]{0,64}?\b(?<secret>[0-9]{6,20}-[A-Za-z0-9]{40})\b",
         ["TWITTER_ACCESS_TOKEN=%s-%s" % (digits(19), ch(ALNUM, 40)),
          '{"twitter": {"access_token": "%s-%s"}}' % (digits(10), ch(ALNUM, 40))],
         ["TWITTER_ACCESS_TOKEN=%s-%s" % (digits(19), ch(ALNUM, 30)),
          "ACCESS_TOKEN=%s-%s  # hush test, no vendor word" % (digits(19), ch(ALNUM, 40))],
         ["https://developer.x.com/en/docs/authentication/oauth-1-0a/obtaining-user-access-tokens"])
    rule("linkedin.client-secret", "LinkedIn client secret", "medium",
         r"(?i:linkedin" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{16})\b",
         ['LINKEDIN_CLIENT_ID = "%s"\nLINKEDIN_CLIENT_SECRET = "%s"' % (ch(LOWER_ALNUM, 14), ch(ALNUM, 16)),
          '{"linkedinSecret": "%s"}' % ch(ALNUM, 16)],
         ["LINKEDIN_CLIENT_ID=%s" % ch(LOWER_ALNUM, 14),
          "LINKEDIN_CLIENT_SECRET=%s" % ch(ALNUM, 12)],
         ["https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow"])
    rule("twitch.stream-key", "Twitch stream key", "high",
         r"\b(?<secret>live_[0-9]{6,12}_[A-Za-z0-9]{30})\b",
         ["STREAM_KEY=live_%s_%s" % (digits(9), ch(ALNUM, 30)),
          "rtmp://live.twitch.tv/app/live_%s_%s" % (digits(9), ch(ALNUM, 30))],
         ["live_%s_%s" % (digits(9), ch(ALNUM, 25)),
          'stream_url: "rtmp://live.twitch.tv/app/STREAM_KEY"'],
         ["https://help.twitch.tv/s/article/twitch-stream-key-faq"])
    rule("twitch.oauth-token", "Twitch OAuth token or client secret", "medium",
         r"(?:(?i:twitch" + NAME + r"(?:secret|token|oauth|password))" + ASSIGN_WIDE +
         r"(?:oauth:)?|\bPASS oauth:)(?<secret>[a-z0-9]{30})\b",
         ["TWITCH_CLIENT_SECRET=%s" % ch(LOWER_ALNUM, 30),
          '{"twitch_oauth": "oauth:%s"}' % ch(LOWER_ALNUM, 30),
          "PASS oauth:%s" % ch(LOWER_ALNUM, 30)],
         ["TWITCH_CLIENT_ID=%s" % ch(LOWER_ALNUM, 30),
          'TWITCH_STREAM_KEY = "%s_%s"' % (digits(9), ch(ALNUM, 25))],
         ["https://dev.twitch.tv/docs/authentication/",
          "https://dev.twitch.tv/docs/irc/authenticate-bot/"])
    rule("reddit.client-secret", "Reddit client secret", "medium",
         r"(?i:reddit" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{27,30})",
         ["REDDIT_CLIENT_SECRET=%s" % ch(B64URL_CHARS, 30),
          "reddit = praw.Reddit(client_id='%s', reddit_secret='%s')" % (ch(B64URL_CHARS, 14), ch(B64URL_CHARS, 27))],
         ["REDDIT_CLIENT_ID=%s" % ch(B64URL_CHARS, 14),
          "REDDIT_CLIENT_SECRET=%s" % ch(ALNUM, 12)],
         ["https://github.com/reddit-archive/reddit/wiki/OAuth2"])
    rule("pinterest.access-token", "Pinterest access or refresh token", "high",
         r"\b(?<secret>pin[acr]_[A-Za-z0-9]{40,300})",
         ["PINTEREST_ACCESS_TOKEN=pina_%s" % ch(string.ascii_uppercase + string.digits, 120),
          '{"access_token": "pina_%s", "refresh_token": "pinr_%s"}'
          % (ch(string.ascii_uppercase + string.digits, 110), ch(string.ascii_uppercase + string.digits, 110))],
         ["PINTEREST_ACCESS_TOKEN=pina_%s" % ch(ALNUM, 20),
          "PINTEREST_APP_ID=%s" % digits(7)],
         ["https://developers.pinterest.com/docs/developer-tools/token-debugger/",
          "https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/"])
    rule("mastodon.access-token", "Mastodon access token", "medium",
         r"(?i:mastodon" + NAME + r"(?:token|secret|key))" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{43})",
         ["MASTODON_ACCESS_TOKEN=%s" % ch(B64URL_CHARS, 43),
          '{"mastodon_client_secret": "%s", "instance": "https://mastodon.contoso.com"}' % ch(B64URL_CHARS, 43)],
         ["MASTODON_ACCESS_TOKEN=%s" % ch(ALNUM, 30),
          "MASTODON_INSTANCE=https://mastodon.contoso.com"],
         ["https://docs.joinmastodon.org/client/token/"])


def add_rules():
    social()
