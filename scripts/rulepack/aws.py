"""AWS rules (patterns/aws.json): access key IDs and secret access keys, session
tokens and further AWS credentials."""

from rulepack.common import *  # noqa: F401,F403


def access_keys():
    R = first_pack_rng(skip=9731)
    rule("aws.access-key-id", "AWS access key ID", "high",
         r"\b(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})\b",
         ["aws_access_key_id = %s" % fakes.aws_access_key_id(rng=R),
          '{"AccessKeyId": "%s", "Expiration": "2031-01-01T00:00:00Z"}' % fakes.aws_access_key_id("ASIA", R)],
         ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
          "id=AKIA%s" % fakes._choose(R, fakes.BASE32_UPPER, 12),
          "arn=AROA%s" % fakes._choose(R, fakes.BASE32_UPPER, 16)],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"])
    rule("aws.secret-access-key", "AWS secret access key", "high",
         r"(?i:\b(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key))" + ASSIGN +
         # Exactly 40: the next byte is no base64 character (or the line ends).
         r"(?<secret>[A-Za-z0-9/+]{40})(?:[^\r\nA-Za-z0-9/+=]|$)",
         ["aws_secret_access_key = %s" % fakes.aws_secret_access_key(R),
          '{"AccessKeyId": "%s", "SecretAccessKey": "%s"}' % (fakes.aws_access_key_id("ASIA", R),
                                                             fakes.aws_secret_access_key(R))],
         ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "export AWS_SECRET_ACCESS_KEY=hushTestValueThatIsFortyTwoCharsLong0123ab",
          "aws_secret_access_key = %s" % fakes.aws_secret_access_key(R)[:30]],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"])


def session_and_more():
    R = rng_for("cloud")
    h, an, uuid = drawers(R)
    doc_ids = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"
    st = "IQoJb3JpZ2luX2Vj" + an(300, B64CHARS) + "=="
    rule("aws.session-token", "AWS temporary session token", "high",
         r"(?i:\b(?:aws_?session_?token|aws_?security_?token|x-amz-security-token|sessiontoken))"
         r"(?:" + ASSIGN + r"|=)(?<secret>[A-Za-z0-9+/=%._-]{100,4000})",
         ["export AWS_SESSION_TOKEN=%s" % st,
          '{"Credentials": {"AccessKeyId": "%s", "SessionToken": "%s", "Expiration": "2031-01-01T00:00:00Z"}}'
          % (fakes.aws_access_key_id("ASIA", R), "FwoGZXIvYXdzE" + an(280, B64CHARS)),
          "GET /hush-fake-bucket/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=%s"
          "&X-Amz-Signature=%s" % ("IQoJb3JpZ2luX2Vj" + an(200, ALNUM) + "%2F" + an(40, ALNUM) + "%3D", h(64))],
         ["aws_session_token = ${AWS_SESSION_TOKEN}",
          "aws_session_token = IQoJb3JpZ2luX2Vj%s" % an(40, ALNUM),
          "session token expired for hush-example, refresh required"],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html"])
    # An access key ID followed on the same line by a 40-char value: the secret
    # half of the pair, recognised by its neighbour even without a key name.
    rule("aws.secret-access-key.paired", "AWS secret access key next to its key ID",
         "medium",
         r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b[^\r\n]{0,120}?[^A-Za-z0-9+/]"
         r"(?<secret>[A-Za-z0-9+/]{40})" + END_B64,
         ["%s,%s,hush-fake-user" % (fakes.aws_access_key_id(rng=R), an(40, B64CHARS)),
          "export AWS_KEY='%s' AWS_SECRET='%s'" % (fakes.aws_access_key_id(rng=R), an(40, B64CHARS)),
          "credentials: access=%s secret=%s (hush test)" % (fakes.aws_access_key_id("ASIA", R), an(40, B64CHARS))],
         ["%s,%s" % (fakes.aws_access_key_id(rng=R), an(42, B64CHARS)),
          "%s,%s" % (fakes.aws_access_key_id(rng=R), an(39, B64CHARS)),
          "role AROA%s %s" % (an(16, fakes.BASE32_UPPER), an(40, B64CHARS))],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", doc_ids])
    rule("aws.mws-auth-token", "Amazon MWS auth token", "high",
         r"\b(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["MWS_AUTH_TOKEN=amzn.mws.%s" % uuid(),
          "GET https://pay-api.amazon.com/live/v2/authorizationTokens/amzn.mws.%s?merchantId=HUSHFAKE" % uuid()],
         ["amzn.mws.1234", "amzn.mws.%s" % uuid()[:30]],
         ["https://developer.amazon.com/docs/amazon-pay-registration/hostedcredentials.html",
          "https://developer.amazon.com/docs/amazon-pay-checkout/delegated-authorization.html"])
    rule("aws.appsync.api-key", "AWS AppSync API key", "medium",
         r"\b(?<secret>da2-[a-z0-9]{26})\b",
         ['"aws_appsync_apiKey": "da2-%s"' % an(26, LOWER_ALNUM),
          "x-api-key: da2-%s" % an(26, LOWER_ALNUM)],
         ["da2-%s" % an(20, LOWER_ALNUM), "da3-%s" % an(26, LOWER_ALNUM)],
         ["https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization"])
    # Long-term Bedrock API keys: "ABSK" + base64 of "BedrockAPIKey-...".
    bedrock = "ABSK" + "QmVkcm9ja0FQSUtleS" + an(110, B64CHARS) + "="
    rule("aws.bedrock.api-key", "Amazon Bedrock API key", "high",
         r"\b(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,400}={0,2})",
         ["AWS_BEARER_TOKEN_BEDROCK=%s" % bedrock,
          "Authorization: Bearer %s" % bedrock],
         ["ABSKQmVkcm9ja0FQSUtleS", "ABSKQmFkcm9ja0FQSUtleS%s" % an(60, ALNUM)],
         ["https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html"])


def add_rules():
    access_keys()
    session_and_more()
