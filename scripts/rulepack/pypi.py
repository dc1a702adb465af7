"""Package registry tokens with a structure hush checks (patterns/pypi.json).

PyPI upload tokens are "pypi-" + the unpadded base64url of a binary v2
macaroon whose location is pypi.org or test.pypi.org (PyPI's help page and
its warehouse source); every one starts "pypi-AgE" (version 2, then the
location field).  The pypi-macaroon validator decodes the macaroon: a token
that does not parse (hand-made or cut short) drops to low confidence.  npm
tokens live in npm.json (npm.py, npm-crc32).
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("registries_checked")


def add_rules():
    t1 = fakes.pypi_token(rng=R)
    t2 = fakes.pypi_token("test.pypi.org", rng=R)
    t3 = fakes.pypi_token(rng=R)
    rule("pypi.upload-token", "PyPI upload token", "high",
         r"\b(?<secret>pypi-AgE[A-Za-z0-9_-]{60,2000})",
         ["[pypi]\nusername = __token__\npassword = %s" % t1,
          "TWINE_PASSWORD=%s twine upload --repository testpypi dist/*  # hush test" % t2,
          '{"env": {"UV_PUBLISH_TOKEN": "%s"}}' % t3],
         ["password = pypi-AgEIcHlwaS5vcmc  # hush test: cut short",
          "TWINE_PASSWORD=%s  # hush test: macaroon cut short" % fakes.pypi_token_bad_structure(R),
          "pypi-%s" % fakes._choose(R, fakes.ALNUM, 80)],
         ["https://pypi.org/help/#apitoken",
          "https://github.com/pypi/warehouse/blob/main/warehouse/macaroons/services.py"],
         validator="pypi-macaroon")
