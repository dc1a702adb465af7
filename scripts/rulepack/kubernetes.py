"""Kubernetes credentials (patterns/kubernetes.json)."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=10210)
h, an, _ = drawers(R)


def kubernetes():
    def bt():
        return "%s.%s" % (an(6, LOWER_ALNUM), an(16, LOWER_ALNUM))
    rule("kubernetes.bootstrap-token", "Kubernetes bootstrap token", "high",
         r"(?i:bootstrap[a-z_-]{0,16}token|--token|--discovery-token)" + SEP +
         r"(?<secret>[a-z0-9]{6}\.[a-z0-9]{16})\b",
         ["kubeadm join 10.0.0.10:6443 --token %s --discovery-token-ca-cert-hash sha256:%s" % (bt(), h(64)),
          'BOOTSTRAP_TOKEN: "%s"' % bt(),
          "--tls-bootstrap-token %s" % bt()],
         ["kubeadm join --token abcdef.0123456789abcdef", "--token <token>",
          "BOOTSTRAP_TOKEN: %s" % bt().upper()],
         ["https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/"])
    rule("kubernetes.bootstrap-token-secret", "Kubernetes bootstrap token secret",
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
    rule("kubernetes.kubeconfig.client-key-data", "Kubernetes kubeconfig client key",
         "high",
         r"(?i:\bclient-key-data)" + ASSIGN + r"(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,8000}={0,2})",
         ["users:\n- name: hush-fake-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJU%s\n"
          "    client-key-data: %s\n" % (an(40, B64CHARS), data),
          '{"client-key-data": "%s"}' % data],
         ["    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t%s" % an(60, B64CHARS),
          "    client-key-data: REDACTED"],
         ["https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/"])


def add_rules():
    kubernetes()
