"""Payments and commerce (patterns/payments.json): Square, Shopify, Braintree /
PayPal, Razorpay, Plaid, Flutterwave, Mollie, Paddle, ..."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "commerce" RNG (Stripe's webhook secret drew first).
R = rng_for("commerce", skip=117)
ch = Fakes(R).choose


def square():
    rule("square.access-token.legacy", "Square access token (sq0at prefix)", "high",
         r"\b(?<secret>sq0at[bp]-[A-Za-z0-9_-]{22})",
         ["var accessToken = 'sq0atp-%s';" % ch(B64URL_CHARS, 22),
          "SQUARE_SANDBOX_TOKEN=sandbox-sq0atb-%s" % ch(B64URL_CHARS, 22)],
         ["var applicationId = 'sq0idp-%s';" % ch(B64URL_CHARS, 22),
          "SQUARE_TOKEN=sq0atp-%s" % ch(ALNUM, 12)],
         ["https://developer.squareup.com/docs/build-basics/access-tokens"])
    rule("square.oauth-secret", "Square application (OAuth) secret", "high",
         r"\b(?<secret>sq0cs[bp]-[A-Za-z0-9_-]{43})",
         ["app_secret: sq0csp-%s" % ch(B64URL_CHARS, 43),
          'private String clientSecret = "sq0csp-%s";' % ch(B64URL_CHARS, 43)],
         ["private String clientId = \"sq0idp-%s\";" % ch(B64URL_CHARS, 22),
          "app_secret: sq0csp-%s" % ch(ALNUM, 20)],
         ["https://developer.squareup.com/docs/oauth-api/overview"])
    rule("square.access-token", "Square access token", "medium",
         r"\b(?<secret>EAAA[A-Za-z0-9_-]{60})\b",
         ["SQUARE_ACCESS_TOKEN=EAAA%s" % ch(ALNUM, 60),
          "curl https://connect.squareupsandbox.com/v2/locations -H 'Authorization: Bearer EAAA%s'"
          % ch(ALNUM, 60)],
         ["SQUARE_ACCESS_TOKEN=EAAA%s" % ch(ALNUM, 40),
          "access_token=EAAG%s" % ch(ALNUM, 60),
          "access_token=EAAA%s" % ch(ALNUM, 150)],
         ["https://developer.squareup.com/docs/build-basics/access-tokens"])


def shopify():
    ref = "https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing"
    kinds = [("shpat", "shopify.access-token.public-app", "Shopify access token (public app)",
              "$token = \"shpat_%s\";"),
             ("shpca", "shopify.access-token.custom-app", "Shopify access token (custom app)",
              "X-Shopify-Access-Token: shpca_%s"),
             ("shppa", "shopify.access-token.private-app", "Shopify access token (legacy private app)",
              "SHOP_PASSWORD=shppa_%s"),
             ("shpua", "shopify.access-token.unlisted-app", "Shopify access token (undecided app)",
              "SHOPIFY_ACCESS_TOKEN=shpua_%s"),
             ("shpss", "shopify.shared-secret", "Shopify app shared secret",
              "SHOPIFY_API_SECRET_KEY='shpss_%s'")]
    for prefix, rid, name, ctx in kinds:
        rule(rid, name, "high",
             r"\b(?<secret>" + prefix + r"_[a-fA-F0-9]{32})\b",
             [ctx % ch(HEX, 32),
              '{"shop": "hush-fake.myshopify.com", "token": "%s_%s"}' % (prefix, ch(HEX, 32))],
             ["%s_%s" % (prefix, ch(HEX, 24)),
              "SHOPIFY_API_KEY=%s" % ch(HEX, 32)],
             [ref, "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"] +
             (["https://community.shopify.com/t/difference-between-admin-api-access-token-starting-with-shpua-shpat-shpss-etc/144725"]
              if prefix == "shpua" else []))


def paypal_braintree():
    rule("braintree.access-token", "Braintree (PayPal) access token", "high",
         r"\b(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})",
         ["BRAINTREE_ACCESS_TOKEN=access_token$production$%s$%s" % (ch(LOWER_ALNUM, 16), ch(HEX, 32)),
          '{"braintree": {"accessToken": "access_token$sandbox$%s$%s"}}' % (ch(LOWER_ALNUM, 16), ch(HEX, 32))],
         ["access_token$production$%s$" % ch(LOWER_ALNUM, 16),
          "access_token$sandbox$<merchant-id>$<token>"],
         ["https://developer.paypal.com/braintree/docs/guides/authorization/oauth"])
    rule("braintree.private-key", "Braintree private key", "medium",
         r"(?i:braintree" + NAME + r"private_?key)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["BRAINTREE_PUBLIC_KEY=%s\nBRAINTREE_PRIVATE_KEY=%s" % (ch(LOWER_ALNUM, 16), ch(HEX, 32)),
          '{"braintreePrivateKey": "%s"}' % ch(HEX, 32)],
         ["BRAINTREE_PUBLIC_KEY=%s" % ch(LOWER_ALNUM, 16),
          "BRAINTREE_PRIVATE_KEY=%s" % ch(HEX, 20)],
         ["https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials"])
    rule("paypal.client-secret", "PayPal REST client secret", "medium",
         r"(?i:paypal" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9_-]{80})",
         ["PAYPAL_CLIENT_ID=A%s\nPAYPAL_CLIENT_SECRET=E%s" % (ch(B64URL_CHARS, 79), ch(B64URL_CHARS, 79)),
          '{"paypalSecret": "E%s"}' % ch(B64URL_CHARS, 79)],
         ["PAYPAL_CLIENT_ID=A%s" % ch(B64URL_CHARS, 79),
          "PAYPAL_CLIENT_SECRET=%s" % ch(ALNUM, 40)],
         ["https://developer.paypal.com/api/rest/"])


def others():
    rule("razorpay.key-secret", "Razorpay key secret", "medium",
         r"(?i:razorpay" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[A-Za-z0-9]{24})\b",
         ["RAZORPAY_KEY_ID=rzp_live_%s\nRAZORPAY_KEY_SECRET=%s" % (ch(ALNUM, 14), ch(ALNUM, 24)),
          '{"razorpaySecret": "%s"}' % ch(ALNUM, 24)],
         ["RAZORPAY_KEY_ID=rzp_test_%s" % ch(ALNUM, 14),
          "RAZORPAY_KEY_SECRET=%s" % ch(ALNUM, 16)],
         ["https://razorpay.com/docs/api/authentication/"])
    rule("plaid.access-token", "Plaid access token", "high",
         r"\b(?<secret>access-(?:sandbox|development|production)-" + UUID + r")\b",
         ['{"access_token": "access-sandbox-%s", "item_id": "hush-fake"}' % fakes.guid(R),
          "PLAID_ACCESS_TOKEN=access-production-%s" % fakes.guid(R)],
         ['{"public_token": "public-sandbox-%s"}' % fakes.guid(R),
          "access-sandbox-<uuid>"],
         ["https://plaid.com/docs/api/items/#itempublic_tokenexchange"])
    rule("plaid.secret", "Plaid API secret", "medium",
         r"(?i:plaid" + NAME + r"secret)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{30})\b",
         ["PLAID_CLIENT_ID=%s\nPLAID_SECRET=%s" % (ch(HEX, 24), ch(HEX, 30)),
          '{"plaidSecret": "%s", "env": "sandbox"}' % ch(HEX, 30)],
         ["PLAID_CLIENT_ID=%s" % ch(HEX, 24),
          "PLAID_SECRET=%s" % ch(HEX, 20)],
         ["https://plaid.com/docs/api/#api-access"])
    rule("flutterwave.secret-key", "Flutterwave secret key", "high",
         r"\b(?<secret>FLWSECK(?:_TEST)?-[0-9a-f]{32}-X)",
         ["FLW_SECRET_KEY=FLWSECK_TEST-%s-X" % ch(HEX, 32),
          "'Authorization': 'Bearer FLWSECK-%s-X'" % ch(HEX, 32)],
         ["FLW_PUBLIC_KEY=FLWPUBK_TEST-%s-X" % ch(HEX, 32),
          "FLW_SECRET_KEY=FLWSECK_TEST-%s" % ch(HEX, 20)],
         ["https://developer.flutterwave.com/docs/authentication"])
    rule("mollie.api-key", "Mollie API key", "medium",
         r"(?i:mollie)[^\r\n]{0,64}?\b(?<secret>(?:live|test)_[A-Za-z0-9]{30})\b",
         ["MOLLIE_API_KEY=live_%s" % ch(ALNUM, 30),
          "$mollie->setApiKey('test_%s');" % ch(ALNUM, 30)],
         ["MOLLIE_API_KEY=live_%s" % ch(ALNUM, 20),
          "TOKEN=live_%s  # hush test, no vendor word" % ch(ALNUM, 30)],
         ["https://docs.mollie.com/reference/authentication"])
    rule("paddle.api-key", "Paddle Billing API key", "high",
         r"\b(?<secret>pdl_(?:live|sdbx)_apikey_[A-Za-z0-9_]{40,100})",
         ["PADDLE_API_KEY=pdl_live_apikey_%s_%s_%s" % (ch(LOWER_ALNUM, 26), ch(ALNUM, 22), ch(ALNUM, 3)),
          'curl -H "Authorization: Bearer pdl_sdbx_apikey_%s_%s_%s" https://sandbox-api.paddle.com/event-types'
          % (ch(LOWER_ALNUM, 26), ch(ALNUM, 22), ch(ALNUM, 3))],
         ["PADDLE_API_KEY=pdl_live_apikey_%s" % ch(ALNUM, 20),
          "PADDLE_CLIENT_TOKEN=live_%s" % ch(HEX, 27)],
         ["https://developer.paddle.com/api-reference/about/api-keys"])
    rule("checkout.secret-key.sandbox", "Checkout.com sandbox secret key", "medium",
         r"\b(?<secret>sk_sbox_[a-z0-9]{26,30})\b",
         ["CKO_SECRET_KEY=sk_sbox_%s" % ch(LOWER_ALNUM, 27),
          '{"checkout": {"secretKey": "sk_sbox_%s"}}' % ch(LOWER_ALNUM, 27)],
         ["CKO_PUBLIC_KEY=pk_sbox_%s" % ch(LOWER_ALNUM, 27),
          "CKO_SECRET_KEY=sk_sbox_%s" % ch(LOWER_ALNUM, 12)],
         ["https://www.checkout.com/docs/developer-resources/api/manage-api-keys/api-keys"])
    rule("gocardless.access-token", "GoCardless access token", "medium",
         r"(?i:gocardless)[^\r\n]{0,64}?\b(?<secret>(?:live|sandbox)_[A-Za-z0-9_-]{40})",
         ["GOCARDLESS_ACCESS_TOKEN=live_%s" % ch(B64URL_CHARS, 40),
          "client = gocardless_pro.Client(access_token='sandbox_%s', environment='sandbox')" % ch(B64URL_CHARS, 40)],
         ["GOCARDLESS_ACCESS_TOKEN=live_%s" % ch(ALNUM, 20),
          "TOKEN=sandbox_%s  # hush test, no vendor word" % ch(ALNUM, 40)],
         ["https://developer.gocardless.com/getting-started/api/making-your-first-request/"])
    rule("adyen.api-key", "Adyen API key", "medium",
         r"(?i:adyen)[^\r\n]{0,64}?\b(?<secret>AQE[A-Za-z0-9+/]{40,200}={0,2}-[A-Za-z0-9+/=._~-]{20,200})",
         ["ADYEN_API_KEY=AQE%s==-%s=-%s" % (ch(ALNUM + "+/", 90), ch(ALNUM + "+/", 43), ch(ALNUM, 16)),
          '{"adyen": {"apiKey": "AQE%s-%s="}}' % (ch(ALNUM, 100), ch(ALNUM, 43))],
         ["ADYEN_API_KEY=AQE%s" % ch(ALNUM, 30),
          "ADYEN_MERCHANT_ACCOUNT=ContosoHushECOM"],
         ["https://docs.adyen.com/development-resources/api-credentials/"])


def add_rules():
    square()
    shopify()
    paypal_braintree()
    others()
