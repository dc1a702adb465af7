"""Cloud and infrastructure providers: AWS (beyond the key pair of the first
pack), DigitalOcean, HashiCorp (Vault, Terraform Cloud, Consul/Nomad, HCP),
Doppler, Databricks, Kubernetes, and a catch-all cloud.json for hosting and
edge providers (Heroku, Cloudflare, Fastly, Linode, Vercel, Netlify, Alibaba,
IBM, Supabase, Scaleway, Fly.io, Render, Railway, Tailscale, Akamai,
Tencent, Backblaze, Cloudinary, Hetzner, Vultr, ngrok, Yandex, Rancher).

Formats come from each vendor's documentation (see `references`).  Values
without a vendor prefix are anchored on a key name in the pattern itself.
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("cloud")

HEX = fakes.HEX
ALNUM = fakes.ALNUM
B64CHARS = ALNUM + "+/"
B64URLCHARS = ALNUM + "_-"

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# `name value` as on a command line (`-vaultToken s.xxx`, `--token abc.def`), besides ASSIGN.
SEP = r"(?:" + ASSIGN + r"""|["']?[ \t]{1,4}["'`]?)"""


def end_not(cls):
    """The end of a value whose alphabet is `cls` (a character-class body):
    the next byte is not in it, or the line ends.  Keeps a fixed-length value
    from matching the front of a longer one without pulling in a newline."""
    return r"(?:[^\r\n" + cls + r"]|$)"


END_B64 = end_not(r"A-Za-z0-9+/=")
END_B64URL = end_not(r"A-Za-z0-9_=-")


def h(n):
    return fakes._choose(R, HEX, n)


def an(n, alphabet=ALNUM):
    return fakes._choose(R, alphabet, n)


def uuid():
    return fakes.guid(R)


# ---- AWS -------------------------------------------------------------------------

def aws_secret():
    return an(40, B64CHARS)


def aws():
    doc_ids = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"
    st = "IQoJb3JpZ2luX2Vj" + an(300, B64CHARS) + "=="
    rule("aws.json", "aws.session-token", "AWS temporary session token", "high",
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
    rule("aws.json", "aws.secret-access-key.paired", "AWS secret access key next to its key ID",
         "medium",
         r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b[^\r\n]{0,120}?[^A-Za-z0-9+/]"
         r"(?<secret>[A-Za-z0-9+/]{40})" + END_B64,
         ["%s,%s,hush-fake-user" % (fakes.aws_access_key_id(rng=R), aws_secret()),
          "export AWS_KEY='%s' AWS_SECRET='%s'" % (fakes.aws_access_key_id(rng=R), aws_secret()),
          "credentials: access=%s secret=%s (hush test)" % (fakes.aws_access_key_id("ASIA", R), aws_secret())],
         ["%s,%s" % (fakes.aws_access_key_id(rng=R), an(42, B64CHARS)),
          "%s,%s" % (fakes.aws_access_key_id(rng=R), an(39, B64CHARS)),
          "role AROA%s %s" % (an(16, fakes.BASE32_UPPER), aws_secret())],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", doc_ids])
    rule("aws.json", "aws.mws-auth-token", "Amazon MWS auth token", "high",
         r"\b(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["MWS_AUTH_TOKEN=amzn.mws.%s" % uuid(),
          "GET https://pay-api.amazon.com/live/v2/authorizationTokens/amzn.mws.%s?merchantId=HUSHFAKE" % uuid()],
         ["amzn.mws.1234", "amzn.mws.%s" % uuid()[:30]],
         ["https://developer.amazon.com/docs/amazon-pay-registration/hostedcredentials.html",
          "https://developer.amazon.com/docs/amazon-pay-checkout/delegated-authorization.html"])
    rule("aws.json", "aws.appsync.api-key", "AWS AppSync API key", "medium",
         r"\b(?<secret>da2-[a-z0-9]{26})\b",
         ['"aws_appsync_apiKey": "da2-%s"' % an(26, LOWER_ALNUM),
          "x-api-key: da2-%s" % an(26, LOWER_ALNUM)],
         ["da2-%s" % an(20, LOWER_ALNUM), "da3-%s" % an(26, LOWER_ALNUM)],
         ["https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization"])
    # Long-term Bedrock API keys: "ABSK" + base64 of "BedrockAPIKey-...".
    bedrock = "ABSK" + "QmVkcm9ja0FQSUtleS" + an(110, B64CHARS) + "="
    rule("aws.json", "aws.bedrock.api-key", "Amazon Bedrock API key", "high",
         r"\b(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,400}={0,2})",
         ["AWS_BEARER_TOKEN_BEDROCK=%s" % bedrock,
          "Authorization: Bearer %s" % bedrock],
         ["ABSKQmVkcm9ja0FQSUtleS", "ABSKQmFkcm9ja0FQSUtleS%s" % an(60, ALNUM)],
         ["https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html"])


# ---- DigitalOcean ----------------------------------------------------------------

def digitalocean():
    refs = ["https://docs.digitalocean.com/reference/api/create-personal-access-token/",
            "https://docs.digitalocean.com/reference/api/oauth/"]
    for prefix, rid, name in (("dop_v1_", "digitalocean.pat", "DigitalOcean personal access token"),
                              ("doo_v1_", "digitalocean.oauth-token", "DigitalOcean OAuth access token"),
                              ("dor_v1_", "digitalocean.refresh-token", "DigitalOcean OAuth refresh token")):
        rule("digitalocean.json", rid, name, "high",
             r"\b(?<secret>" + prefix + r"[a-f0-9]{64})\b",
             ["DIGITALOCEAN_TOKEN=%s%s" % (prefix, h(64)),
              'curl -H "Authorization: Bearer %s%s" https://api.digitalocean.com/v2/droplets' % (prefix, h(64)),
              '{"access_token": "doo_v1_%s", "refresh_token": "%s%s"}' % (h(64), prefix, h(64))],
             ["%s%s" % (prefix, h(63)), "%s%s" % (prefix.replace("v1", "v2"), h(64)),
              "%s%s" % (prefix, an(64, ALNUM))],
             refs)


# ---- HashiCorp -----------------------------------------------------------------

def hashicorp():
    vault_refs = ["https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"]
    for prefix, rid, name, n in (("hvs", "hashicorp.vault.service-token", "HashiCorp Vault service token", 90),
                                 ("hvb", "hashicorp.vault.batch-token", "HashiCorp Vault batch token", 180),
                                 ("hvr", "hashicorp.vault.recovery-token", "HashiCorp Vault recovery token", 24)):
        rule("hashicorp.json", rid, name, "high",
             r"\b(?<secret>" + prefix + r"\.[A-Za-z0-9_-]{24,600})",
             ["VAULT_TOKEN=%s.%s" % (prefix, "CAESI" + an(n - 5, B64URLCHARS)),
              '{"auth": {"client_token": "%s.%s", "renewable": true}}' % (prefix, an(n, B64URLCHARS)),
              "X-Vault-Token: %s.%s" % (prefix, an(24, ALNUM))],
             ["%s.%s" % (prefix, an(20, ALNUM)), "this.%s.addCommand()" % prefix,
              "VAULT_TOKEN=%s-%s" % (prefix, an(30, ALNUM))],
             vault_refs)
    rule("hashicorp.json", "hashicorp.vault.legacy-token", "HashiCorp Vault token (before 1.10)", "medium",
         r"(?i:vault[a-z_-]{0,16}token|x-vault-token)" + SEP +
         r"(?<secret>[sbr]\.[A-Za-z0-9_-]{24,600})",
         ['VAULT_TOKEN="s.%s"' % an(24, ALNUM),
          "vault login -address=https://vault.hush-example.internal -vaultToken s.%s" % an(24, ALNUM),
          "X-Vault-Token: b.%s" % ("AAAAAQ" + an(150, B64URLCHARS))],
         ["function(){s.%s()}" % an(24, ALNUM), 'VAULT_TOKEN="s.short"',
          "VAULT_TOKEN=hvs.%s" % an(10, ALNUM)],
         vault_refs)
    unseal = an(44, B64CHARS)
    rule("hashicorp.json", "hashicorp.vault.unseal-key", "HashiCorp Vault unseal or recovery key share",
         "high",
         r"(?:\b(?:Unseal|Recovery) Key [0-9]{1,2}:[ \t]{1,4}"
         r"|\bvault operator unseal[ \t]{1,4}(?:-[a-z-]{1,24}(?:=[^ \t\r\n]{0,64})?[ \t]{1,4}){0,3}"
         r"|\"(?:unseal|recovery)_keys_b64\"[ \t]{0,4}:[ \t]{0,4}\[[ \t]{0,4}\")"
         r"(?<secret>[A-Za-z0-9+/]{44})" + END_B64,
         ["Unseal Key 1: %s\nUnseal Key 2: %s" % (an(44, B64CHARS), an(44, B64CHARS)),
          "kubectl -n hush-fake exec -ti vault-0 -- vault operator unseal %s" % unseal,
          '{"unseal_keys_b64": ["%s"], "unseal_threshold": 1}' % an(44, B64CHARS),
          "Recovery Key 3: %s" % an(44, B64CHARS)],
         ["Unseal Key 1: <unseal-key>", "vault operator unseal -migrate",
          "Unseal Key 1: %s" % an(40, B64CHARS)],
         ["https://developer.hashicorp.com/vault/docs/commands/operator/init",
          "https://developer.hashicorp.com/vault/docs/commands/operator/unseal"])
    rule("hashicorp.json", "hashicorp.terraform.api-token", "Terraform Cloud / Enterprise API token", "high",
         r"\b(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})",
         ['credentials "app.terraform.io" { token = "%s.atlasv1.%s" }' % (an(14), an(67, B64URLCHARS)),
          "TF_TOKEN_app_terraform_io=%s.atlasv1.%s" % (an(14), an(67, B64URLCHARS))],
         ["%s.atlasv1.%s" % (an(14), an(30)), "%s.atlasv2.%s" % (an(14), an(67))],
         ["https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens",
          "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens"])
    rule("hashicorp.json", "hashicorp.consul-nomad.token", "HashiCorp Consul or Nomad ACL token", "medium",
         r"(?i:\b(?:consul_http_token|nomad_token|x-consul-token|x-nomad-token|consul_token))" + HEADER_EQ +
         r"(?<secret>" + UUID + r")\b",
         ["export CONSUL_HTTP_TOKEN=%s" % uuid(),
          "curl -H 'X-Nomad-Token: %s' https://nomad.hush-example.internal:4646/v1/jobs" % uuid()],
         ["CONSUL_HTTP_TOKEN=anonymous", "X-Consul-Token: ${CONSUL_TOKEN}"],
         ["https://developer.hashicorp.com/consul/docs/security/acl/tokens",
          "https://developer.hashicorp.com/nomad/api-docs#authentication"])
    rule("hashicorp.json", "hashicorp.hcp.client-secret", "HashiCorp Cloud Platform service principal secret",
         "medium",
         r"(?i:\bhcp_client_secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{64})" + END_B64URL,
         ["HCP_CLIENT_ID=%s HCP_CLIENT_SECRET=%s" % (an(32), an(64, B64URLCHARS)),
          'hcp_client_secret = "%s"' % an(64, B64URLCHARS)],
         ["HCP_CLIENT_SECRET=%s" % an(40), "HCP_CLIENT_ID=%s" % an(64)],
         ["https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal"])


# ---- Doppler -------------------------------------------------------------------

def doppler():
    ref = ["https://docs.doppler.com/docs/Auth-token-formats"]
    kinds = (("ct", "cli-token", "Doppler CLI token"),
             ("pt", "personal-token", "Doppler personal token"),
             ("sa", "service-account-token", "Doppler service account token"),
             ("said", "service-account-identity-token", "Doppler service account identity token"),
             ("scim", "scim-token", "Doppler SCIM token"),
             ("audit", "audit-token", "Doppler audit token"))
    for short, kind, name in kinds:
        rule("doppler.json", "doppler." + kind, name, "high",
             r"\b(?<secret>dp\." + short + r"\.[A-Za-z0-9]{40,44})\b",
             ["DOPPLER_TOKEN=dp.%s.%s" % (short, an(43)),
              '{"doppler_token": "dp.%s.%s"}' % (short, an(40))],
             ["dp.%s.%s" % (short, an(30)), "dp.%s.%s" % (short, an(50))],
             ref)
    rule("doppler.json", "doppler.service-token", "Doppler service token", "high",
         r"\b(?<secret>dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})\b",
         ["DOPPLER_TOKEN=dp.st.prd.%s" % an(43),
          "docker run -e DOPPLER_TOKEN='dp.st.%s' hush-fake/app" % an(44)],
         ["dp.st.dev.%s" % an(20), "dp.xt.dev.%s" % an(43)],
         ref)


# ---- Databricks ----------------------------------------------------------------

def databricks():
    rule("databricks.json", "databricks.pat", "Databricks personal access token", "high",
         r"\b(?<secret>dapi[0-9a-f]{32}(?:-[0-9]{1,2})?)\b",
         ["DATABRICKS_TOKEN=dapi%s" % h(32),
          "databricks_token: 'dapi%s-2'" % h(32),
          'curl -H "Authorization: Bearer dapi%s" https://hush-fake.cloud.databricks.com/api/2.0/clusters/list'
          % h(32)],
         ["dapiDataGetter%s" % an(20), "dapi%s" % h(31), "dapi%s" % an(32, UPPER_ALNUM)],
         ["https://docs.databricks.com/en/dev-tools/auth/pat.html"])


# ---- Kubernetes ------------------------------------------------------------------

def kubernetes():
    def bt():
        return "%s.%s" % (an(6, LOWER_ALNUM), an(16, LOWER_ALNUM))
    rule("kubernetes.json", "kubernetes.bootstrap-token", "Kubernetes bootstrap token", "high",
         r"(?i:bootstrap[a-z_-]{0,16}token|--token|--discovery-token)" + SEP +
         r"(?<secret>[a-z0-9]{6}\.[a-z0-9]{16})\b",
         ["kubeadm join 10.0.0.10:6443 --token %s --discovery-token-ca-cert-hash sha256:%s" % (bt(), h(64)),
          'BOOTSTRAP_TOKEN: "%s"' % bt(),
          "--tls-bootstrap-token %s" % bt()],
         ["kubeadm join --token abcdef.0123456789abcdef", "--token <token>",
          "BOOTSTRAP_TOKEN: %s" % bt().upper()],
         ["https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/"])
    rule("kubernetes.json", "kubernetes.bootstrap-token-secret", "Kubernetes bootstrap token secret",
         "medium",
         r"(?i:\btoken-secret)" + ASSIGN + r"(?<secret>[a-z0-9]{16})\b",
         ["apiVersion: v1\nkind: Secret\nstringData:\n  token-id: %s\n  token-secret: %s\n"
          % (an(6, LOWER_ALNUM), an(16, LOWER_ALNUM)),
          '"token-secret": "%s"' % an(16, LOWER_ALNUM)],
         ["token-secret: %s" % an(12, LOWER_ALNUM), "token-id: %s" % an(6, LOWER_ALNUM)],
         ["https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/#bootstrap-token-secret-format"])
    pem = fakes.pem_private_key("RSA PRIVATE KEY", 8, R)
    import base64
    data = base64.b64encode(pem.encode()).decode()
    rule("kubernetes.json", "kubernetes.kubeconfig.client-key-data", "Kubernetes kubeconfig client key",
         "high",
         r"(?i:\bclient-key-data)" + ASSIGN + r"(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,8000}={0,2})",
         ["users:\n- name: hush-fake-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJU%s\n"
          "    client-key-data: %s\n" % (an(40, B64CHARS), data),
          '{"client-key-data": "%s"}' % data],
         ["    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t%s" % an(60, B64CHARS),
          "    client-key-data: REDACTED"],
         ["https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/"])


# ---- other cloud and hosting providers (cloud.json) ------------------------------

def cloud():
    rule("cloud.json", "heroku.api-key", "Heroku API key", "medium",
         r"(?i:\bheroku[a-z_.-]{0,24}(?:key|token|secret|password))" + ASSIGN +
         r"(?<secret>" + UUID + r")\b",
         ["HEROKU_API_KEY: %s" % uuid(), '{"herokuApiKey": "%s"}' % uuid(),
          "heroku.api-key=%s" % uuid()],
         ["curl https://hush-example.herokuapp.com/api/items/%s/status" % uuid(),
          "HEROKU_APP_NAME=%s" % uuid()],
         ["https://devcenter.heroku.com/articles/authentication",
          "https://devcenter.heroku.com/articles/platform-api-quickstart"])
    rule("cloud.json", "heroku.api-key.v2", "Heroku API key (HRKU- format)", "high",
         r"\b(?<secret>HRKU-AA[A-Za-z0-9_-]{58})",
         ["HEROKU_API_KEY=HRKU-AA%s" % an(58, B64URLCHARS),
          "machine api.heroku.com login hush@contoso.com password HRKU-AA%s" % an(58, B64URLCHARS)],
         ["HRKU-AA%s" % an(40), "HRKU-%s" % uuid()],
         ["https://devcenter.heroku.com/articles/authentication"])
    cf_refs = ["https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/"]
    rule("cloud.json", "cloudflare.api-token", "Cloudflare API token or key (scannable format)", "high",
         r"\b(?<secret>cf(?:k|ut|at)_[A-Za-z0-9]{40}[0-9a-f]{8})\b",
         ["CLOUDFLARE_API_TOKEN=cfut_%s%s" % (an(40), h(8)),
          "Authorization: Bearer cfat_%s%s" % (an(40), h(8)),
          "X-Auth-Key: cfk_%s%s" % (an(40), h(8))],
         ["cfut_%s" % an(30), "cfxt_%s%s" % (an(40), h(8)), "cfut_%s%s" % (an(40), an(8, UPPER_ALNUM))],
         cf_refs)
    rule("cloud.json", "cloudflare.api-token.legacy", "Cloudflare API token (keyword)", "medium",
         r"(?i:\b(?:cloudflare|cf)[a-z_-]{0,16}(?:api_?)?token)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9_-]{40})" + END_B64URL,
         ["CLOUDFLARE_API_TOKEN=%s" % an(40, B64URLCHARS),
          '{"cf_api_token": "%s"}' % an(40, B64URLCHARS)],
         ["CLOUDFLARE_API_TOKEN=%s" % an(39, B64URLCHARS), "CF_API_TOKEN=${CF_API_TOKEN}",
          "CLOUDFLARE_API_TOKEN=%s" % an(48, B64URLCHARS)],
         ["https://developers.cloudflare.com/fundamentals/api/get-started/create-token/"])
    rule("cloud.json", "cloudflare.global-api-key", "Cloudflare global API key", "medium",
         r"(?i:\b(?:x-auth-key|(?:cloudflare|cf)[a-z_-]{0,16}api_?key))" + HEADER_EQ +
         r"(?<secret>[0-9a-f]{37})\b",
         ["X-Auth-Email: hush@contoso.com\nX-Auth-Key: %s" % h(37),
          "CLOUDFLARE_API_KEY=%s" % h(37)],
         ["X-Auth-Key: %s" % h(32), "CLOUDFLARE_API_KEY=%s" % an(37, UPPER_ALNUM)],
         ["https://developers.cloudflare.com/fundamentals/api/get-started/keys/"])
    rule("cloud.json", "fastly.api-token", "Fastly API token", "medium",
         r"(?i:\b(?:fastly-key|fastly[a-z_-]{0,16}(?:api_?)?(?:key|token)))" + HEADER_EQ +
         r"(?<secret>[A-Za-z0-9_-]{32})" + END_B64URL,
         ["curl -H 'Fastly-Key: %s' https://api.fastly.com/service" % an(32, B64URLCHARS),
          "FASTLY_API_TOKEN=%s" % an(32, B64URLCHARS)],
         ["Fastly-Key: %s" % an(20), "FASTLY_API_TOKEN=$FASTLY_API_TOKEN"],
         ["https://www.fastly.com/documentation/reference/api/auth-tokens/user/",
          "https://docs.fastly.com/en/guides/using-api-tokens"])
    rule("cloud.json", "linode.pat", "Linode (Akamai Cloud) personal access token", "medium",
         r"(?i:\blinode[a-z_-]{0,16}(?:token|api_?key|pat))" + ASSIGN + r"(?<secret>[0-9a-f]{64})\b",
         ["LINODE_TOKEN=%s" % h(64), '[default]\nlinode_cli_token = "%s"' % h(64)],
         ["LINODE_TOKEN=%s" % h(60), "LINODE_TOKEN=%s" % an(64, UPPER_ALNUM)],
         ["https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens"])
    rule("cloud.json", "vercel.token", "Vercel access token", "medium",
         r"(?i:\b(?:vercel|now)[a-z_-]{0,16}token)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{24})\b",
         ["VERCEL_TOKEN=%s" % an(24), '{"vercelToken": "%s"}' % an(24)],
         ["VERCEL_TOKEN=%s" % an(20), "VERCEL_TOKEN=%s" % an(30)],
         ["https://vercel.com/docs/rest-api#authentication"])
    rule("cloud.json", "netlify.token", "Netlify access token", "medium",
         r"(?i:\bnetlify[a-z_-]{0,16}(?:auth_?|access_?|api_?)?token)" + ASSIGN +
         r"(?<secret>(?:nf[a-z]_)?[A-Za-z0-9_-]{40,64})" + END_B64URL,
         ["NETLIFY_AUTH_TOKEN=nfp_%s" % an(36), "netlify_token: %s" % an(43, B64URLCHARS)],
         ["NETLIFY_AUTH_TOKEN=%s" % an(20), "NETLIFY_SITE_ID=%s" % uuid()],
         ["https://docs.netlify.com/api/get-started/#authentication"])
    rule("cloud.json", "alibaba.access-key-id", "Alibaba Cloud AccessKey ID", "high",
         r"\b(?<secret>LTAI[A-Za-z0-9]{12,20})\b",
         ["ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI%s" % an(20), '{"AccessKeyId": "LTAI%s"}' % an(16)],
         ["LTAI%s" % an(8), "LTBI%s" % an(20)],
         ["https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"])
    rule("cloud.json", "alibaba.access-key-secret", "Alibaba Cloud AccessKey secret", "medium",
         r"(?i:\b(?:alibaba_cloud_access_key_secret|access_?key_?secret|aliyun[a-z_-]{0,16}secret))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{30})\b",
         ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s" % an(30),
          '{"accessKeyId": "LTAI%s", "accessKeySecret": "%s"}' % (an(16), an(30))],
         ["accessKeySecret: %s" % an(24), "ALIBABA_CLOUD_ACCESS_KEY_SECRET=<secret>"],
         ["https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"])
    rule("cloud.json", "ibm.cloud-api-key", "IBM Cloud API key", "medium",
         r"(?i:\b(?:ibm[a-z_-]{0,20}api_?key|ic_api_key|ibmcloud_api_key))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9_-]{44})" + END_B64URL,
         ["IBMCLOUD_API_KEY=%s" % an(44, B64URLCHARS), '{"ibm_cloud_apikey": "%s"}' % an(44, B64URLCHARS)],
         ["IBMCLOUD_API_KEY=%s" % an(40, B64URLCHARS), "IC_API_KEY=${IC_API_KEY}"],
         ["https://cloud.ibm.com/docs/account?topic=account-userapikey"])
    rule("cloud.json", "supabase.pat", "Supabase personal access token", "high",
         r"\b(?<secret>sbp_[0-9a-f]{40})\b",
         ["SUPABASE_ACCESS_TOKEN=sbp_%s" % h(40),
          'curl -H "Authorization: Bearer sbp_%s" https://api.supabase.com/v1/projects' % h(40)],
         ["sbp_%s" % h(30), "sbp_%s" % an(40, UPPER_ALNUM)],
         ["https://supabase.com/docs/reference/api/introduction",
          "https://supabase.com/docs/reference/cli/supabase-login"])
    rule("cloud.json", "supabase.secret-key", "Supabase secret API key", "high",
         r"\b(?<secret>sb_secret_[A-Za-z0-9_-]{20,64})",
         ["SUPABASE_SECRET_KEY=sb_secret_%s" % an(31, B64URLCHARS),
          "createClient(url, 'sb_secret_%s')" % an(31, B64URLCHARS)],
         ["SUPABASE_PUBLISHABLE_KEY=sb_publishable_%s" % an(31), "sb_secret_..."],
         ["https://supabase.com/docs/guides/api/api-keys"])
    rule("cloud.json", "scaleway.secret-key", "Scaleway API secret key", "medium",
         r"(?i:\b(?:scw_secret_key|scaleway[a-z_-]{0,16}secret[a-z_-]{0,8}))" + ASSIGN +
         r"(?<secret>" + UUID + r")\b",
         ["SCW_ACCESS_KEY=SCW%s SCW_SECRET_KEY=%s" % (an(17, UPPER_ALNUM), uuid()),
          '{"scaleway_secret_key": "%s"}' % uuid()],
         ["SCW_SECRET_KEY=%s" % uuid()[:30], "SCW_ACCESS_KEY=SCW%s" % an(17, UPPER_ALNUM)],
         ["https://www.scaleway.com/en/docs/iam/concepts/#api-key"])
    rule("cloud.json", "flyio.token", "Fly.io API token", "high",
         r"\b(?<secret>fm[12][a-z]?_[A-Za-z0-9+/=_,-]{100,4000})",
         ['FLY_API_TOKEN="FlyV1 fm2_lJPE%s"' % an(300, B64CHARS),
          "Authorization: FlyV1 fm2_lJPE%s,fm2_lJPE%s" % (an(150, B64CHARS), an(150, B64CHARS))],
         ["fm2_%s" % an(40), "fm3_%s" % an(150)],
         ["https://fly.io/docs/security/tokens/", "https://github.com/superfly/macaroon"])
    rule("cloud.json", "render.api-key", "Render API key", "medium",
         r"\b(?<secret>rnd_[A-Za-z0-9]{24,40})\b",
         ["RENDER_API_KEY=rnd_%s" % an(32), 'curl -H "Authorization: Bearer rnd_%s" https://api.render.com/v1/services'
          % an(28)],
         ["rnd_%s" % an(12), "rnd_value_for_the_hush_test_generator"],
         ["https://render.com/docs/api#1-create-an-api-key"],
         entropy_min=3.5)
    rule("cloud.json", "railway.token", "Railway API token", "medium",
         r"(?i:\brailway[a-z_-]{0,16}(?:token|api_?key))" + ASSIGN + r"(?<secret>" + UUID + r")\b",
         ["RAILWAY_TOKEN=%s" % uuid(), "RAILWAY_API_TOKEN: %s" % uuid()],
         ["RAILWAY_PROJECT_ID=%s" % uuid(), "RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}"],
         ["https://docs.railway.com/guides/public-api#creating-a-token"])
    rule("cloud.json", "tailscale.key", "Tailscale API, auth or OAuth client key", "high",
         r"\b(?<secret>tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{16,64})\b",
         ["TS_AUTHKEY=tskey-auth-k%s-%s" % (an(11), an(33)),
          "curl -u tskey-api-k%s-%s: https://api.tailscale.com/api/v2/tailnet/-/devices" % (an(11), an(33)),
          "TS_OAUTH_CLIENT_SECRET=tskey-client-k%s-%s" % (an(11), an(33))],
         ["tskey-auth-%s" % an(20), "tskey-other-k%s-%s" % (an(11), an(33))],
         ["https://tailscale.com/kb/1277/key-prefixes"])
    rule("cloud.json", "akamai.edgegrid-token", "Akamai EdgeGrid client or access token", "medium",
         r"\b(?<secret>akab-[a-z0-9]{16}-[a-z0-9]{16})\b",
         ["[default]\nclient_token = akab-%s-%s\naccess_token = akab-%s-%s\n"
          % (an(16, LOWER_ALNUM), an(16, LOWER_ALNUM), an(16, LOWER_ALNUM), an(16, LOWER_ALNUM)),
          '{"client_token": "akab-%s-%s", "host": "akab-hush-fake.luna.akamaiapis.net"}'
          % (an(16, LOWER_ALNUM), an(16, LOWER_ALNUM))],
         ["akab-%s" % an(16, LOWER_ALNUM), "host = akab-%s.luna.akamaiapis.net" % an(16, LOWER_ALNUM)],
         ["https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials"])
    rule("cloud.json", "tencent.secret-id", "Tencent Cloud SecretId", "medium",
         r"\b(?<secret>AKID[A-Za-z0-9]{32})\b",
         ["TENCENTCLOUD_SECRET_ID=AKID%s" % an(32), '{"SecretId": "AKID%s"}' % an(32)],
         ["AKID%s" % an(20), "AKIA%s" % an(32)],
         ["https://www.tencentcloud.com/document/product/598/34228"])
    rule("cloud.json", "tencent.secret-key", "Tencent Cloud SecretKey", "medium",
         # The bare name SecretKey is common, so it counts only after a SecretId.
         r"(?:(?i:\b(?:tencentcloud_secret_key|tencent[a-z_-]{0,16}secret_?key))"
         r"|\bAKID[A-Za-z0-9]{32}\b[^\r\n]{0,120}?(?i:secret_?key))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{32})\b",
         ["TENCENTCLOUD_SECRET_ID=AKID%s\nTENCENTCLOUD_SECRET_KEY=%s" % (an(32), an(32)),
          '{"SecretId": "AKID%s", "SecretKey": "%s"}' % (an(32), an(32))],
         ["TENCENTCLOUD_SECRET_KEY=%s" % an(24), "SecretKey: <secret-key>",
          '{"SecretKey": "%s"}' % an(32)],
         ["https://www.tencentcloud.com/document/product/598/34228"])
    rule("cloud.json", "backblaze.application-key", "Backblaze B2 application key", "medium",
         r"(?i:\b(?:b2_?app(?:lication)?_?key|backblaze[a-z_-]{0,16}key))" + ASSIGN +
         r"(?<secret>K[0-9]{3}[A-Za-z0-9+/]{27})" + END_B64,
         ["B2_APPLICATION_KEY_ID=%s\nB2_APPLICATION_KEY=K005%s" % (h(25), an(27)),
          '{"b2_app_key": "K001%s"}' % an(27)],
         ["B2_APPLICATION_KEY_ID=%s" % h(25), "B2_APPLICATION_KEY=K005%s" % an(20)],
         ["https://www.backblaze.com/docs/cloud-storage-application-keys"])
    rule("cloud.json", "cloudinary.url", "Cloudinary URL API secret", "high",
         r"\bcloudinary://[0-9]{12,16}:(?<secret>[A-Za-z0-9_-]{20,40})@[A-Za-z0-9_-]{1,64}",
         ["CLOUDINARY_URL=cloudinary://%s:%s@hush-fake" % (an(15, "0123456789"), an(27, B64URLCHARS)),
          "cloudinary.config(cloudinary_url='cloudinary://%s:%s@contoso-media')"
          % (an(15, "0123456789"), an(27, B64URLCHARS))],
         ["CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>",
          "cloudinary://%s@hush-fake" % an(15, "0123456789")],
         ["https://cloudinary.com/documentation/how_to_integrate_cloudinary#account_details"])


def cloud_more():
    rule("cloud.json", "cloudflare.origin-ca-key", "Cloudflare Origin CA key (user service key)", "high",
         r"(?i:\b(?:x-auth-user-service-key|[a-z_]{0,8}origin_?ca_?key|[a-z_]{0,8}api_?user_?service_?key))" + HEADER_EQ +
         r"(?<secret>v1\.0-[A-Za-z0-9-]{40,400})",
         ["curl -H 'X-Auth-User-Service-Key: v1.0-%s-%s' https://api.cloudflare.com/client/v4/certificates"
          % (h(24), h(146)),
          'CF_API_USER_SERVICE_KEY="v1.0-%s-%s"' % (h(24), h(146)),
          "origin_ca_key = v1.0-%s-%s" % (h(24), h(146))],
         ["X-Auth-User-Service-Key: v1.0-", "origin_ca_key = v2.0-%s" % h(60),
          "version v1.0-%s" % h(60)],
         ["https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/"])
    rule("cloud.json", "hetzner.api-token", "Hetzner Cloud API token", "medium",
         r"(?i:\b(?:hcloud_token|hetzner[a-z_-]{0,16}(?:api_?)?token))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{64})\b",
         ["export HCLOUD_TOKEN=%s" % an(64), 'hetzner_api_token = "%s"' % an(64)],
         ["HCLOUD_TOKEN=%s" % an(40), "HCLOUD_TOKEN=${HCLOUD_TOKEN}"],
         ["https://docs.hetzner.cloud/reference/cloud#authentication",
          "https://github.com/hetznercloud/cli/blob/main/docs/reference/manual/hcloud.md"])
    rule("cloud.json", "vultr.api-key", "Vultr API key", "medium",
         r"(?i:\bvultr[a-z_-]{0,16}(?:api_?)?key)" + ASSIGN + r"(?<secret>[A-Z0-9]{36})\b",
         ["VULTR_API_KEY=%s" % an(36, UPPER_ALNUM), '{"vultr_api_key": "%s"}' % an(36, UPPER_ALNUM)],
         ["VULTR_API_KEY=%s" % an(36, LOWER_ALNUM), "VULTR_API_KEY=%s" % an(30, UPPER_ALNUM)],
         ["https://www.vultr.com/api/#section/Authentication"])
    rule("cloud.json", "ngrok.authtoken", "ngrok agent authtoken", "medium",
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
    rule("cloud.json", "yandex.api-key", "Yandex Cloud API key", "high",
         r"\b(?<secret>AQVN[A-Za-z0-9_-]{35,38})" + END_B64URL,
         ["YC_API_KEY=AQVN%s" % an(36, B64URLCHARS),
          "Authorization: Api-Key AQVN%s" % an(37, B64URLCHARS)],
         ["AQVN%s" % an(20, B64URLCHARS), "AQVM%s" % an(36, B64URLCHARS)],
         yc_refs)
    rule("cloud.json", "yandex.iam-token", "Yandex Cloud IAM token", "high",
         r"\b(?<secret>t1\.[A-Za-z0-9_-]{20,600}={0,2}\.[A-Za-z0-9_-]{86}={0,2})",
         ["YC_TOKEN=t1.%s=.%s==" % (an(63, B64URLCHARS), an(86, B64URLCHARS)),
          "Authorization: Bearer t1.%s.%s" % (an(120, B64URLCHARS), an(86, B64URLCHARS))],
         ["t1.%s.%s" % (an(40, B64URLCHARS), an(40, B64URLCHARS)), "t1.micro instance, hush test"],
         ["https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token",
          "https://gitlab.com/gitlab-org/gitlab/-/issues/353039"])
    rule("cloud.json", "rancher.api-token", "Rancher API bearer token", "medium",
         r"\btoken-[a-z0-9]{5}:(?<secret>[a-z0-9]{40,64})\b",
         ["CATTLE_TOKEN=token-%s:%s" % (an(5, LOWER_ALNUM), an(54, LOWER_ALNUM)),
          "curl -H 'Authorization: Bearer token-%s:%s' https://rancher.hush-example.internal/v3/clusters"
          % (an(5, LOWER_ALNUM), an(54, LOWER_ALNUM))],
         ["token-%s:%s" % (an(5, LOWER_ALNUM), an(20, LOWER_ALNUM)), "token-%s" % an(5, LOWER_ALNUM)],
         ["https://ranchermanager.docs.rancher.com/reference-guides/user-settings/api-keys"])


def add_rules():
    aws()
    digitalocean()
    hashicorp()
    doppler()
    databricks()
    kubernetes()
    cloud()
    cloud_more()
