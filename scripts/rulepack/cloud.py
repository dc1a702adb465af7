"""Cloud hosting and edge providers (patterns/cloud.json): Heroku, Cloudflare,
Fastly, Linode, Vercel, Netlify, Alibaba, IBM, Supabase, Scaleway, Fly.io,
Render, Railway, Tailscale, Akamai, Tencent, Backblaze, Cloudinary, Hetzner,
Vultr, ngrok, Yandex, Rancher.

Formats come from each vendor's documentation (see `references`).  Values
without a vendor prefix are anchored on a key name in the pattern itself."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=11159)
h, an, uuid = drawers(R)


def cloud():
    rule("heroku.api-key", "Heroku API key", "medium",
         r"(?i:\bheroku[a-z_.-]{0,24}(?:key|token|secret|password))" + ASSIGN +
         r"(?<secret>" + UUID_ANYCASE + r")\b",
         ["HEROKU_API_KEY: %s" % uuid(), '{"herokuApiKey": "%s"}' % uuid(),
          "heroku.api-key=%s" % uuid()],
         ["curl https://hush-example.herokuapp.com/api/items/%s/status" % uuid(),
          "HEROKU_APP_NAME=%s" % uuid()],
         ["https://devcenter.heroku.com/articles/authentication",
          "https://devcenter.heroku.com/articles/platform-api-quickstart"])
    rule("heroku.api-key.v2", "Heroku API key (HRKU- format)", "high",
         r"\b(?<secret>HRKU-AA[A-Za-z0-9_-]{58})",
         ["HEROKU_API_KEY=HRKU-AA%s" % an(58, B64URL_CHARS),
          "machine api.heroku.com login hush@contoso.com password HRKU-AA%s" % an(58, B64URL_CHARS)],
         ["HRKU-AA%s" % an(40), "HRKU-%s" % uuid()],
         ["https://devcenter.heroku.com/articles/authentication"])
    cf_refs = ["https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/"]
    rule("cloudflare.api-token", "Cloudflare API token or key (scannable format)", "high",
         r"\b(?<secret>cf(?:k|ut|at)_[A-Za-z0-9]{40}[0-9a-f]{8})\b",
         ["CLOUDFLARE_API_TOKEN=cfut_%s%s" % (an(40), h(8)),
          "Authorization: Bearer cfat_%s%s" % (an(40), h(8)),
          "X-Auth-Key: cfk_%s%s" % (an(40), h(8))],
         ["cfut_%s" % an(30), "cfxt_%s%s" % (an(40), h(8)), "cfut_%s%s" % (an(40), an(8, UPPER_ALNUM))],
         cf_refs)
    rule("cloudflare.api-token.legacy", "Cloudflare API token (keyword)", "medium",
         r"(?i:\b(?:cloudflare|cf)[a-z_-]{0,16}(?:api_?)?token)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9_-]{40})" + END_B64URL,
         ["CLOUDFLARE_API_TOKEN=%s" % an(40, B64URL_CHARS),
          '{"cf_api_token": "%s"}' % an(40, B64URL_CHARS)],
         ["CLOUDFLARE_API_TOKEN=%s" % an(39, B64URL_CHARS), "CF_API_TOKEN=${CF_API_TOKEN}",
          "CLOUDFLARE_API_TOKEN=%s" % an(48, B64URL_CHARS)],
         ["https://developers.cloudflare.com/fundamentals/api/get-started/create-token/"])
    rule("cloudflare.global-api-key", "Cloudflare global API key", "medium",
         r"(?i:\b(?:x-auth-key|(?:cloudflare|cf)[a-z_-]{0,16}api_?key))" + HEADER_EQ +
         r"(?<secret>[0-9a-f]{37})\b",
         ["X-Auth-Email: hush@contoso.com\nX-Auth-Key: %s" % h(37),
          "CLOUDFLARE_API_KEY=%s" % h(37)],
         ["X-Auth-Key: %s" % h(32), "CLOUDFLARE_API_KEY=%s" % an(37, UPPER_ALNUM)],
         ["https://developers.cloudflare.com/fundamentals/api/get-started/keys/"])
    rule("fastly.api-token", "Fastly API token", "medium",
         r"(?i:\b(?:fastly-key|fastly[a-z_-]{0,16}(?:api_?)?(?:key|token)))" + HEADER_EQ +
         r"(?<secret>[A-Za-z0-9_-]{32})" + END_B64URL,
         ["curl -H 'Fastly-Key: %s' https://api.fastly.com/service" % an(32, B64URL_CHARS),
          "FASTLY_API_TOKEN=%s" % an(32, B64URL_CHARS)],
         ["Fastly-Key: %s" % an(20), "FASTLY_API_TOKEN=$FASTLY_API_TOKEN"],
         ["https://www.fastly.com/documentation/reference/api/auth-tokens/user/",
          "https://docs.fastly.com/en/guides/using-api-tokens"])
    rule("linode.pat", "Linode (Akamai Cloud) personal access token", "medium",
         r"(?i:\blinode[a-z_-]{0,16}(?:token|api_?key|pat))" + ASSIGN + r"(?<secret>[0-9a-f]{64})\b",
         ["LINODE_TOKEN=%s" % h(64), '[default]\nlinode_cli_token = "%s"' % h(64)],
         ["LINODE_TOKEN=%s" % h(60), "LINODE_TOKEN=%s" % an(64, UPPER_ALNUM)],
         ["https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens"])
    rule("vercel.token", "Vercel access token", "medium",
         r"(?i:\b(?:vercel|now)[a-z_-]{0,16}token)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{24})\b",
         ["VERCEL_TOKEN=%s" % an(24), '{"vercelToken": "%s"}' % an(24)],
         ["VERCEL_TOKEN=%s" % an(20), "VERCEL_TOKEN=%s" % an(30)],
         ["https://vercel.com/docs/rest-api#authentication"])
    rule("netlify.token", "Netlify access token", "medium",
         r"(?i:\bnetlify[a-z_-]{0,16}(?:auth_?|access_?|api_?)?token)" + ASSIGN +
         r"(?<secret>(?:nf[a-z]_)?[A-Za-z0-9_-]{40,64})" + END_B64URL,
         ["NETLIFY_AUTH_TOKEN=nfp_%s" % an(36), "netlify_token: %s" % an(43, B64URL_CHARS)],
         ["NETLIFY_AUTH_TOKEN=%s" % an(20), "NETLIFY_SITE_ID=%s" % uuid()],
         ["https://docs.netlify.com/api/get-started/#authentication"])
    rule("alibaba.access-key-id", "Alibaba Cloud AccessKey ID", "high",
         r"\b(?<secret>LTAI[A-Za-z0-9]{12,20})\b",
         ["ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI%s" % an(20), '{"AccessKeyId": "LTAI%s"}' % an(16)],
         ["LTAI%s" % an(8), "LTBI%s" % an(20)],
         ["https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"])
    rule("alibaba.access-key-secret", "Alibaba Cloud AccessKey secret", "medium",
         r"(?i:\b(?:alibaba_cloud_access_key_secret|access_?key_?secret|aliyun[a-z_-]{0,16}secret))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{30})\b",
         ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s" % an(30),
          '{"accessKeyId": "LTAI%s", "accessKeySecret": "%s"}' % (an(16), an(30))],
         ["accessKeySecret: %s" % an(24), "ALIBABA_CLOUD_ACCESS_KEY_SECRET=<secret>"],
         ["https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"])
    rule("ibm.cloud-api-key", "IBM Cloud API key", "medium",
         r"(?i:\b(?:ibm[a-z_-]{0,20}api_?key|ic_api_key|ibmcloud_api_key))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9_-]{44})" + END_B64URL,
         ["IBMCLOUD_API_KEY=%s" % an(44, B64URL_CHARS), '{"ibm_cloud_apikey": "%s"}' % an(44, B64URL_CHARS)],
         ["IBMCLOUD_API_KEY=%s" % an(40, B64URL_CHARS), "IC_API_KEY=${IC_API_KEY}"],
         ["https://cloud.ibm.com/docs/account?topic=account-userapikey"])
    rule("supabase.pat", "Supabase personal access token", "high",
         r"\b(?<secret>sbp_[0-9a-f]{40})\b",
         ["SUPABASE_ACCESS_TOKEN=sbp_%s" % h(40),
          'curl -H "Authorization: Bearer sbp_%s" https://api.supabase.com/v1/projects' % h(40)],
         ["sbp_%s" % h(30), "sbp_%s" % an(40, UPPER_ALNUM)],
         ["https://supabase.com/docs/reference/api/introduction",
          "https://supabase.com/docs/reference/cli/supabase-login"])
    rule("supabase.secret-key", "Supabase secret API key", "high",
         r"\b(?<secret>sb_secret_[A-Za-z0-9_-]{20,64})",
         ["SUPABASE_SECRET_KEY=sb_secret_%s" % an(31, B64URL_CHARS),
          "createClient(url, 'sb_secret_%s')" % an(31, B64URL_CHARS)],
         ["SUPABASE_PUBLISHABLE_KEY=sb_publishable_%s" % an(31), "sb_secret_..."],
         ["https://supabase.com/docs/guides/api/api-keys"])
    rule("scaleway.secret-key", "Scaleway API secret key", "medium",
         r"(?i:\b(?:scw_secret_key|scaleway[a-z_-]{0,16}secret[a-z_-]{0,8}))" + ASSIGN +
         r"(?<secret>" + UUID_ANYCASE + r")\b",
         ["SCW_ACCESS_KEY=SCW%s SCW_SECRET_KEY=%s" % (an(17, UPPER_ALNUM), uuid()),
          '{"scaleway_secret_key": "%s"}' % uuid()],
         ["SCW_SECRET_KEY=%s" % uuid()[:30], "SCW_ACCESS_KEY=SCW%s" % an(17, UPPER_ALNUM)],
         ["https://www.scaleway.com/en/docs/iam/concepts/#api-key"])
    rule("flyio.token", "Fly.io API token", "high",
         r"\b(?<secret>fm[12][a-z]?_[A-Za-z0-9+/=_,-]{100,4000})",
         ['FLY_API_TOKEN="FlyV1 fm2_lJPE%s"' % an(300, B64CHARS),
          "Authorization: FlyV1 fm2_lJPE%s,fm2_lJPE%s" % (an(150, B64CHARS), an(150, B64CHARS))],
         ["fm2_%s" % an(40), "fm3_%s" % an(150)],
         ["https://fly.io/docs/security/tokens/", "https://github.com/superfly/macaroon"])
    rule("render.api-key", "Render API key", "medium",
         r"\b(?<secret>rnd_[A-Za-z0-9]{24,40})\b",
         ["RENDER_API_KEY=rnd_%s" % an(32), 'curl -H "Authorization: Bearer rnd_%s" https://api.render.com/v1/services'
          % an(28)],
         ["rnd_%s" % an(12), "rnd_value_for_the_hush_test_generator"],
         ["https://render.com/docs/api#1-create-an-api-key"],
         entropy_min=3.5)
    rule("railway.token", "Railway API token", "medium",
         r"(?i:\brailway[a-z_-]{0,16}(?:token|api_?key))" + ASSIGN + r"(?<secret>" + UUID_ANYCASE + r")\b",
         ["RAILWAY_TOKEN=%s" % uuid(), "RAILWAY_API_TOKEN: %s" % uuid()],
         ["RAILWAY_PROJECT_ID=%s" % uuid(), "RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}"],
         ["https://docs.railway.com/guides/public-api#creating-a-token"])
    rule("tailscale.key", "Tailscale API, auth or OAuth client key", "high",
         r"\b(?<secret>tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{16,64})\b",
         ["TS_AUTHKEY=tskey-auth-k%s-%s" % (an(11), an(33)),
          "curl -u tskey-api-k%s-%s: https://api.tailscale.com/api/v2/tailnet/-/devices" % (an(11), an(33)),
          "TS_OAUTH_CLIENT_SECRET=tskey-client-k%s-%s" % (an(11), an(33))],
         ["tskey-auth-%s" % an(20), "tskey-other-k%s-%s" % (an(11), an(33))],
         ["https://tailscale.com/kb/1277/key-prefixes"])
    rule("akamai.edgegrid-token", "Akamai EdgeGrid client or access token", "medium",
         r"\b(?<secret>akab-[a-z0-9]{16}-[a-z0-9]{16})\b",
         ["[default]\nclient_token = akab-%s-%s\naccess_token = akab-%s-%s\n"
          % (an(16, LOWER_ALNUM), an(16, LOWER_ALNUM), an(16, LOWER_ALNUM), an(16, LOWER_ALNUM)),
          '{"client_token": "akab-%s-%s", "host": "akab-hush-fake.luna.akamaiapis.net"}'
          % (an(16, LOWER_ALNUM), an(16, LOWER_ALNUM))],
         ["akab-%s" % an(16, LOWER_ALNUM), "host = akab-%s.luna.akamaiapis.net" % an(16, LOWER_ALNUM)],
         ["https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials"])
    rule("tencent.secret-id", "Tencent Cloud SecretId", "medium",
         r"\b(?<secret>AKID[A-Za-z0-9]{32})\b",
         ["TENCENTCLOUD_SECRET_ID=AKID%s" % an(32), '{"SecretId": "AKID%s"}' % an(32)],
         ["AKID%s" % an(20), "AKIA%s" % an(32)],
         ["https://www.tencentcloud.com/document/product/598/34228"])
    rule("tencent.secret-key", "Tencent Cloud SecretKey", "medium",
         # The bare name SecretKey is common, so it counts only after a SecretId.
         r"(?:(?i:\b(?:tencentcloud_secret_key|tencent[a-z_-]{0,16}secret_?key))"
         r"|\bAKID[A-Za-z0-9]{32}\b[^\r\n]{0,120}?(?i:secret_?key))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{32})\b",
         ["TENCENTCLOUD_SECRET_ID=AKID%s\nTENCENTCLOUD_SECRET_KEY=%s" % (an(32), an(32)),
          '{"SecretId": "AKID%s", "SecretKey": "%s"}' % (an(32), an(32))],
         ["TENCENTCLOUD_SECRET_KEY=%s" % an(24), "SecretKey: <secret-key>",
          '{"SecretKey": "%s"}' % an(32)],
         ["https://www.tencentcloud.com/document/product/598/34228"])
    rule("backblaze.application-key", "Backblaze B2 application key", "medium",
         r"(?i:\b(?:b2_?app(?:lication)?_?key|backblaze[a-z_-]{0,16}key))" + ASSIGN +
         r"(?<secret>K[0-9]{3}[A-Za-z0-9+/]{27})" + END_B64,
         ["B2_APPLICATION_KEY_ID=%s\nB2_APPLICATION_KEY=K005%s" % (h(25), an(27)),
          '{"b2_app_key": "K001%s"}' % an(27)],
         ["B2_APPLICATION_KEY_ID=%s" % h(25), "B2_APPLICATION_KEY=K005%s" % an(20)],
         ["https://www.backblaze.com/docs/cloud-storage-application-keys"])
    rule("cloudinary.url", "Cloudinary URL API secret", "high",
         r"\bcloudinary://[0-9]{12,16}:(?<secret>[A-Za-z0-9_-]{20,40})@[A-Za-z0-9_-]{1,64}",
         ["CLOUDINARY_URL=cloudinary://%s:%s@hush-fake" % (an(15, "0123456789"), an(27, B64URL_CHARS)),
          "cloudinary.config(cloudinary_url='cloudinary://%s:%s@contoso-media')"
          % (an(15, "0123456789"), an(27, B64URL_CHARS))],
         ["CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>",
          "cloudinary://%s@hush-fake" % an(15, "0123456789")],
         ["https://cloudinary.com/documentation/how_to_integrate_cloudinary#account_details"])


def cloud_more():
    rule("cloudflare.origin-ca-key", "Cloudflare Origin CA key (user service key)", "high",
         r"(?i:\b(?:x-auth-user-service-key|[a-z_]{0,8}origin_?ca_?key|[a-z_]{0,8}api_?user_?service_?key))" + HEADER_EQ +
         r"(?<secret>v1\.0-[A-Za-z0-9-]{40,400})",
         ["curl -H 'X-Auth-User-Service-Key: v1.0-%s-%s' https://api.cloudflare.com/client/v4/certificates"
          % (h(24), h(146)),
          'CF_API_USER_SERVICE_KEY="v1.0-%s-%s"' % (h(24), h(146)),
          "origin_ca_key = v1.0-%s-%s" % (h(24), h(146))],
         ["X-Auth-User-Service-Key: v1.0-", "origin_ca_key = v2.0-%s" % h(60),
          "version v1.0-%s" % h(60)],
         ["https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/"])
    rule("hetzner.api-token", "Hetzner Cloud API token", "medium",
         r"(?i:\b(?:hcloud_token|hetzner[a-z_-]{0,16}(?:api_?)?token))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{64})\b",
         ["export HCLOUD_TOKEN=%s" % an(64), 'hetzner_api_token = "%s"' % an(64)],
         ["HCLOUD_TOKEN=%s" % an(40), "HCLOUD_TOKEN=${HCLOUD_TOKEN}"],
         ["https://docs.hetzner.cloud/reference/cloud#authentication",
          "https://github.com/hetznercloud/cli/blob/main/docs/reference/manual/hcloud.md"])
    rule("vultr.api-key", "Vultr API key", "medium",
         r"(?i:\bvultr[a-z_-]{0,16}(?:api_?)?key)" + ASSIGN + r"(?<secret>[A-Z0-9]{36})\b",
         ["VULTR_API_KEY=%s" % an(36, UPPER_ALNUM), '{"vultr_api_key": "%s"}' % an(36, UPPER_ALNUM)],
         ["VULTR_API_KEY=%s" % an(36, LOWER_ALNUM), "VULTR_API_KEY=%s" % an(30, UPPER_ALNUM)],
         ["https://www.vultr.com/api/#section/Authentication"])
    rule("ngrok.authtoken", "ngrok agent authtoken", "medium",
         r"(?i:ngrok[a-z_-]{0,16}(?:auth_?)?token|add-authtoken|\bauthtoken)" + SEP +
         r"(?<secret>[0-9A-Za-z]{20,40}_[0-9A-Za-z]{15,40})\b",
         ["ngrok config add-authtoken 2%s_%s" % (an(26), an(21)),
          "version: 2\nauthtoken: 2%s_%s\n" % (an(26), an(21)),
          "NGROK_AUTHTOKEN=2%s_%s" % (an(26), an(21))],
         ["ngrok config add-authtoken <token>", "authtoken: ${NGROK_AUTHTOKEN}",
          "NGROK_AUTHTOKEN=%s" % an(40)],
         ["https://ngrok.com/docs/agent/config/v2/#authtoken",
          "https://ngrok.com/docs/agent/cli/#ngrok-config-add-authtoken"])
    yc_refs = ["https://yandex.cloud/en/docs/iam/concepts/authorization/api-key",
               "https://gitlab.com/gitlab-org/gitlab/-/issues/353039"]
    rule("yandex.api-key", "Yandex Cloud API key", "high",
         r"\b(?<secret>AQVN[A-Za-z0-9_-]{35,38})" + END_B64URL,
         ["YC_API_KEY=AQVN%s" % an(36, B64URL_CHARS),
          "Authorization: Api-Key AQVN%s" % an(37, B64URL_CHARS)],
         ["AQVN%s" % an(20, B64URL_CHARS), "AQVM%s" % an(36, B64URL_CHARS)],
         yc_refs)
    rule("yandex.iam-token", "Yandex Cloud IAM token", "high",
         r"\b(?<secret>t1\.[A-Za-z0-9_-]{20,600}={0,2}\.[A-Za-z0-9_-]{86}={0,2})",
         ["YC_TOKEN=t1.%s=.%s==" % (an(63, B64URL_CHARS), an(86, B64URL_CHARS)),
          "Authorization: Bearer t1.%s.%s" % (an(120, B64URL_CHARS), an(86, B64URL_CHARS))],
         ["t1.%s.%s" % (an(40, B64URL_CHARS), an(40, B64URL_CHARS)), "t1.micro instance, hush test"],
         ["https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token",
          "https://gitlab.com/gitlab-org/gitlab/-/issues/353039"])
    rule("rancher.api-token", "Rancher API bearer token", "medium",
         r"\btoken-[a-z0-9]{5}:(?<secret>[a-z0-9]{40,64})\b",
         ["CATTLE_TOKEN=token-%s:%s" % (an(5, LOWER_ALNUM), an(54, LOWER_ALNUM)),
          "curl -H 'Authorization: Bearer token-%s:%s' https://rancher.hush-example.internal/v3/clusters"
          % (an(5, LOWER_ALNUM), an(54, LOWER_ALNUM))],
         ["token-%s:%s" % (an(5, LOWER_ALNUM), an(20, LOWER_ALNUM)), "token-%s" % an(5, LOWER_ALNUM)],
         ["https://ranchermanager.docs.rancher.com/reference-guides/user-settings/api-keys"])


def add_rules():
    cloud()
    cloud_more()
