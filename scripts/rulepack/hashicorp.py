"""HashiCorp rules (patterns/hashicorp.json): Vault, Terraform Cloud, Consul,
Nomad, HCP."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=5559)
_, an, uuid = drawers(R)


def hashicorp():
    vault_refs = ["https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"]
    for prefix, rid, name, n in (("hvs", "hashicorp.vault.service-token", "HashiCorp Vault service token", 90),
                                 ("hvb", "hashicorp.vault.batch-token", "HashiCorp Vault batch token", 180),
                                 ("hvr", "hashicorp.vault.recovery-token", "HashiCorp Vault recovery token", 24)):
        rule(rid, name, "high",
             r"\b(?<secret>" + prefix + r"\.[A-Za-z0-9_-]{24,600})",
             ["VAULT_TOKEN=%s.%s" % (prefix, "CAESI" + an(n - 5, B64URL_CHARS)),
              '{"auth": {"client_token": "%s.%s", "renewable": true}}' % (prefix, an(n, B64URL_CHARS)),
              "X-Vault-Token: %s.%s" % (prefix, an(24, ALNUM))],
             ["%s.%s" % (prefix, an(20, ALNUM)), "this.%s.addCommand()" % prefix,
              "VAULT_TOKEN=%s-%s" % (prefix, an(30, ALNUM))],
             vault_refs)
    rule("hashicorp.vault.legacy-token", "HashiCorp Vault token (before 1.10)", "medium",
         r"(?i:vault[a-z_-]{0,16}token|x-vault-token)" + SEP +
         r"(?<secret>[sbr]\.[A-Za-z0-9_-]{24,600})",
         ['VAULT_TOKEN="s.%s"' % an(24, ALNUM),
          "vault login -address=https://vault.hush-example.internal -vaultToken s.%s" % an(24, ALNUM),
          "X-Vault-Token: b.%s" % ("AAAAAQ" + an(150, B64URL_CHARS))],
         ["function(){s.%s()}" % an(24, ALNUM), 'VAULT_TOKEN="s.short"',
          "VAULT_TOKEN=hvs.%s" % an(10, ALNUM)],
         vault_refs)
    unseal = an(44, B64CHARS)
    rule("hashicorp.vault.unseal-key", "HashiCorp Vault unseal or recovery key share",
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
    rule("hashicorp.terraform.api-token", "Terraform Cloud / Enterprise API token", "high",
         r"\b(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})",
         ['credentials "app.terraform.io" { token = "%s.atlasv1.%s" }' % (an(14), an(67, B64URL_CHARS)),
          "TF_TOKEN_app_terraform_io=%s.atlasv1.%s" % (an(14), an(67, B64URL_CHARS))],
         ["%s.atlasv1.%s" % (an(14), an(30)), "%s.atlasv2.%s" % (an(14), an(67))],
         ["https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens",
          "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens"])
    rule("hashicorp.consul-nomad.token", "HashiCorp Consul or Nomad ACL token", "medium",
         r"(?i:\b(?:consul_http_token|nomad_token|x-consul-token|x-nomad-token|consul_token))" + HEADER_EQ +
         r"(?<secret>" + UUID_ANYCASE + r")\b",
         ["export CONSUL_HTTP_TOKEN=%s" % uuid(),
          "curl -H 'X-Nomad-Token: %s' https://nomad.hush-example.internal:4646/v1/jobs" % uuid()],
         ["CONSUL_HTTP_TOKEN=anonymous", "X-Consul-Token: ${CONSUL_TOKEN}"],
         ["https://developer.hashicorp.com/consul/docs/security/acl/tokens",
          "https://developer.hashicorp.com/nomad/api-docs#authentication"])
    rule("hashicorp.hcp.client-secret", "HashiCorp Cloud Platform service principal secret",
         "medium",
         r"(?i:\bhcp_client_secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{64})" + END_B64URL,
         ["HCP_CLIENT_ID=%s HCP_CLIENT_SECRET=%s" % (an(32), an(64, B64URL_CHARS)),
          'hcp_client_secret = "%s"' % an(64, B64URL_CHARS)],
         ["HCP_CLIENT_SECRET=%s" % an(40), "HCP_CLIENT_ID=%s" % an(64)],
         ["https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal"])


def add_rules():
    hashicorp()
