"""npm access tokens (patterns/npm.json)."""

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=13566)


def npm():
    NV = rng_for("npm-checksummed")  # keeps R's sequence unchanged
    rule("npm.access-token", "npm access token", "high",
         r"\b(?<secret>npm_[A-Za-z0-9]{36})\b",
         ["//registry.npmjs.org/:_authToken=%s" % fakes.npm_token(R),
          "NPM_TOKEN=%s  # hush test" % fakes.npm_token(NV)],
         ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "npm_%s" % fakes._choose(R, fakes.ALNUM, 20),
          "//registry.npmjs.org/:_authToken=%s  # hush test: checksum broken" % fakes.npm_token_bad_checksum(NV)],
         ["https://docs.npmjs.com/about-access-tokens",
          "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/"],
         validator="npm-crc32")


def add_rules():
    npm()
