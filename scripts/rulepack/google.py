"""Google credentials (patterns/google.json): API keys, OAuth client secrets
and access tokens, and further Google formats."""

from rulepack.common import *  # noqa: F401,F403


def api_keys():
    R = first_pack_rng(skip=11936)
    rule("google.api-key", "Google API key", "high",
         r"\b(?<secret>AIza[0-9A-Za-z_-]{35})",
         ['"apiKey": "%s"' % fakes.google_api_key(R),
          "https://maps.googleapis.com/maps/api/geocode/json?address=fake&key=%s" % fakes.google_api_key(R)],
         ["apiKey: AIza" + "_" * 10, "AIza%s" % fakes._choose(R, fakes.ALNUM, 20)],
         ["https://cloud.google.com/docs/authentication/api-keys"])
    rule("google.oauth-client-secret", "Google OAuth client secret", "high",
         r"\b(?<secret>GOCSPX-[A-Za-z0-9_-]{28})",
         ['{"installed": {"client_id": "hush-example.apps.googleusercontent.com", "client_secret": "%s"}}'
          % fakes.google_oauth_client_secret(R)],
         ["client_secret: GOCSPX-<secret>", "GOCSPX-short"],
         ["https://developers.google.com/identity/protocols/oauth2"])
    rule("google.oauth-access-token", "Google OAuth access token", "high",
         r"\b(?<secret>ya29\.[0-9A-Za-z_-]{30,2048})",
         ["Authorization: Bearer ya29.%s" % fakes._choose(R, fakes.ALNUM + "_-", 180),
          '{"access_token": "ya29.%s", "expires_in": 3599}' % fakes._choose(R, fakes.ALNUM + "_-", 160)],
         ["ya29.short", "version ya29.1.2 of the hush test fixture"],
         ["https://developers.google.com/identity/protocols/oauth2"])


# The formats below draw from their own stream, "google-extra".
RG = rng_for("google-extra")


def _g_b64url(n):
    while True:
        v = fakes._choose(RG, fakes.ALNUM + "_-", n)
        if v[0] not in "-_" and v[-1] not in "-_":
            return v


def google_client_id():
    return "%s-%s.apps.googleusercontent.com" % (fakes._choose(RG, fakes.string.digits, 12),
                                                fakes._choose(RG, fakes.string.ascii_lowercase + fakes.string.digits, 32))


def more_formats():
    oauth_refs = ["https://developers.google.com/identity/protocols/oauth2"]
    rule("google.oauth-client-secret.legacy", "Google OAuth client secret (legacy 24-char form)", "medium",
         r"(?i:google[a-z0-9_.-]{0,24}?client_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{24})\b",
         ["$google_client_secret = '%s';" % _g_b64url(24),
          "GOOGLE_CLIENT_SECRET=%s" % _g_b64url(24),
          '{"googleClientSecret": "%s"}' % _g_b64url(24)],
         ["GOOGLE_CLIENT_SECRET=<client secret>",
          "GOOGLE_CLIENT_SECRET=%s" % _g_b64url(16),
          "GOOGLE_CLIENT_ID=%s" % google_client_id()],
         oauth_refs)
    rule("google.oauth-client-secret.with-client-id",
         "Google OAuth client secret (legacy form, below its client ID)", "high",
         r"[0-9]{6,20}-[a-z0-9]{32}\.apps\.googleusercontent\.com[^\x00]{0,400}?(?i:client_?secret)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9_-]{24})\b",
         ["const CLIENT_ID = '%s';\nconst CLIENT_SECRET = '%s';\n" % (google_client_id(), _g_b64url(24)),
          '{"web": {"client_id": "%s", "project_id": "hush-test", "client_secret": "%s"}}'
          % (google_client_id(), _g_b64url(24))],
         ["const CLIENT_ID = '%s';\nconst CLIENT_SECRET = process.env.SECRET;\n" % google_client_id(),
          "const CLIENT_ID = 'hush-test.apps.googleusercontent.com';\nconst CLIENT_SECRET = '%s';\n" % _g_b64url(24)],
         oauth_refs, multiline=True, opener=r"\.apps\.googleusercontent\.com")
    rule("google.oauth-refresh-token", "Google OAuth refresh token", "high",
         r"\b(?<secret>1//0[A-Za-z0-9_-]{60,250})",
         ['{"access_token": "ya29.%s", "refresh_token": "1//0%s"}' % (_g_b64url(150), _g_b64url(99)),
          "GOOGLE_REFRESH_TOKEN=1//0%s" % _g_b64url(99)],
         ["GOOGLE_REFRESH_TOKEN=1//0<token>",
          "GOOGLE_REFRESH_TOKEN=1//0%s" % _g_b64url(30)],
         ["https://developers.google.com/identity/protocols/oauth2/web-server#offline"])
    rule("google.fcm.server-key", "Firebase Cloud Messaging legacy server key", "high",
         r"\b(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,160})",
         ["FCM_SERVER_KEY=AAAA%s:APA91b%s" % (_g_b64url(7), _g_b64url(134)),
          'curl https://fcm.googleapis.com/fcm/send -H "Authorization: key=AAAA%s:APA91b%s"'
          % (_g_b64url(7), _g_b64url(134))],
         ["FCM_SERVER_KEY=AAAA%s:APA91b<rest>" % _g_b64url(7),
          "registration_token=%s:APA91b%s" % (_g_b64url(11), _g_b64url(134))],
         ["https://firebase.google.com/docs/cloud-messaging/auth-server#authorize-http-requests"])
    rule("google.recaptcha.secret-key", "Google reCAPTCHA secret key", "medium",
         r"(?:" + r"(?i:recaptcha[a-z0-9_.-]{0,24}?secret[a-z0-9_.-]{0,8})" + ASSIGN +
         r"|(?i:recaptcha/api/siteverify)\?(?:[^ \t\r\n\"'<>#]{0,200}&)?secret=)(?<secret>6L[A-Za-z0-9_-]{38})\b",
         ["RECAPTCHA_SECRET_KEY=6L%s" % _g_b64url(38),
          "POST https://www.google.com/recaptcha/api/siteverify?secret=6L%s&response=hush-test" % _g_b64url(38)],
         ["RECAPTCHA_SITE_KEY=6L%s" % _g_b64url(38),
          "RECAPTCHA_SECRET_KEY=6L%s" % _g_b64url(20)],
         ["https://developers.google.com/recaptcha/docs/verify"])


def add_rules():
    api_keys()
    more_formats()
