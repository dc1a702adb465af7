"""CI/CD and code-quality services: Jenkins, TeamCity, CircleCI, Travis CI,
Buildkite, SonarQube, Dependency-Track, StackHawk, Sauce Labs, Code Climate,
Snyk, Codecov, Octopus Deploy, Harness.  Fake-value helpers: common.py."""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("devtools_cicd")


def jenkins():
    rule("jenkins.api-token", "Jenkins API token (in context)", "medium",
         r"(?i:\bjenkins[a-z0-9_.-]{0,32})" + ASSIGN +
         r"(?<secret>11[0-9a-f]{32}|[0-9a-f]{32}|" + UUID + r")\b",
         ["JENKINS_API_TOKEN=11%s" % hexs(R, 32),
          "jenkins_password = '11%s'  # hush test" % hexs(R, 32),
          '{"jenkinsToken": "%s", "url": "https://ci.contoso.com"}' % fakes.guid(R)],
         ["JENKINS_URL=https://ci.contoso.com/",
          "JENKINS_API_TOKEN=11%s" % hexs(R, 20),
          "JENKINS_API_TOKEN=${JENKINS_TOKEN}"],
         ["https://www.jenkins.io/doc/book/using/remote-access-api/",
          "https://www.jenkins.io/blog/2018/07/02/new-api-token-system/"])
    rule("jenkins.crumb", "Jenkins CSRF crumb header", "medium",
         r"(?i:\bjenkins-crumb)" + HEADER_EQ + r"(?<secret>[0-9a-f]{32,64})\b",
         ["curl -X POST -H 'Jenkins-Crumb:%s' https://ci.contoso.com/job/hush-test/build" % hexs(R, 32),
          '{"name": "Jenkins-Crumb", "value": "%s"}' % hexs(R, 64)],
         ["-H 'Jenkins-Crumb:$CRUMB'",
          "-H 'Jenkins-Crumb: %s'" % hexs(R, 20)],
         ["https://www.jenkins.io/doc/book/security/csrf-protection/"])
    rule("jenkins.initial-admin-password", "Jenkins initial admin password (setup wizard output)", "high",
         r"(?:proceed to installation:|secrets/initialAdminPassword)[^\r\n]{0,16}\r?\n"
         r"(?:[ \t]{0,8}\r?\n){0,3}[ \t]{0,8}(?<secret>[0-9a-f]{32})\b",
         ["Jenkins initial setup is required. An admin user has been created and a password generated.\n"
          "Please use the following password to proceed to installation:\n\n%s\n\n"
          "This may also be found at: /var/jenkins_home/secrets/initialAdminPassword" % hexs(R, 32),
          "$ sudo cat /var/lib/jenkins/secrets/initialAdminPassword\n%s\n" % hexs(R, 32)],
         ["Please use the following password to proceed to installation:\n\n%s\n" % hexs(R, 24),
          "The password is stored in /var/jenkins_home/secrets/initialAdminPassword (hush test)."],
         ["https://www.jenkins.io/doc/book/installing/docker/#setup-wizard"],
         multiline=True,
         opener=r"(?:proceed to installation:|secrets/initialAdminPassword)")


def teamcity():
    rule("teamcity.access-token", "TeamCity access token", "high",
         r"\b(?<secret>eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{20,80}\.[A-Za-z0-9_-]{20,120})",
         ["TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.%s.%s" % (urlsafe(R, 36), urlsafe(R, 48)),
          'curl -H "Authorization: Bearer eyJ0eXAiOiAiVENWMiJ9.%s.%s" https://teamcity.contoso.com/app/rest/builds'
          % (urlsafe(R, 36), urlsafe(R, 48)),
          '<add key="ClearTextPassword" value="eyJ0eXAiOiAiVENWMiJ9.%s.%s" />' % (urlsafe(R, 36), urlsafe(R, 48))],
         ["TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.%s" % urlsafe(R, 36),
          "TEAMCITY_TOKEN=eyJ0eXAiOiAiSldUIn0.%s.%s" % (urlsafe(R, 36), urlsafe(R, 48))],
         ["https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens"])


def circleci():
    for prefix, rid, name in [("CCIPAT_", "circleci.personal-token", "CircleCI personal API token"),
                              ("CCIPRJ_", "circleci.project-token", "CircleCI project API token")]:
        rule(rid, name, "high",
             r"\b(?<secret>" + prefix + r"[1-9A-HJ-NP-Za-km-z]{20,24}_[0-9a-f]{40})\b",
             ["CIRCLECI_TOKEN=%s%s_%s" % (prefix, fakes._choose(R, BASE58, 22), hexs(R, 40)),
              "curl -H 'Circle-Token: %s%s_%s' https://circleci.com/api/v2/me" % (prefix, fakes._choose(R, BASE58, 22), hexs(R, 40))],
             ["CIRCLECI_TOKEN=%s%s_%s" % (prefix, fakes._choose(R, BASE58, 22), hexs(R, 20)),
              "CIRCLECI_TOKEN=%s<token>" % prefix],
             ["https://circleci.com/changelog/new-format-for-api-access-tokens/",
              "https://circleci.com/docs/managing-api-tokens/"])
    rule("circleci.token.legacy", "CircleCI API token (legacy 40-hex form, in context)", "medium",
         r"(?i:\bcircle[a-z0-9_.-]{0,16}(?:token|api_?key))" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["CIRCLE_TOKEN=%s" % hexs(R, 40),
          "curl -H 'Circle-Token: %s' https://circleci.com/api/v2/me" % hexs(R, 40)],
         ["CIRCLE_SHA1=%s" % hexs(R, 40),
          "CIRCLE_TOKEN=%s" % hexs(R, 30)],
         ["https://circleci.com/docs/managing-api-tokens/"])


def other_ci():
    rule("travis.api-token", "Travis CI API token (in context)", "medium",
         r"(?i:\btravis[a-z0-9_.-]{0,16}(?:token|api_?key))" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{22})\b",
         ["TRAVIS_API_TOKEN=%s" % alnum(R, 22),
          '{"travis_token": "%s"}' % alnum(R, 22)],
         ["TRAVIS_API_TOKEN=%s" % alnum(R, 15),
          "TRAVIS_COMMIT=%s" % hexs(R, 40)],
         ["https://docs.travis-ci.com/user/triggering-builds/"])
    rule("buildkite.api-token", "Buildkite API access token", "high",
         r"\b(?<secret>bkua_[0-9a-f]{40})\b",
         ["BUILDKITE_API_TOKEN=bkua_%s" % hexs(R, 40),
          'curl -H "Authorization: Bearer bkua_%s" https://api.buildkite.com/v2/user' % hexs(R, 40)],
         ["BUILDKITE_API_TOKEN=bkua_%s" % hexs(R, 32),
          "BUILDKITE_API_TOKEN=bkxx_%s" % hexs(R, 40)],
         ["https://buildkite.com/docs/apis/managing-api-tokens"])
    rule("octopus.api-key", "Octopus Deploy API key", "medium",
         r"\b(?<secret>API-[A-Z0-9]{25,32})\b",
         ["curl -H 'X-Octopus-ApiKey: API-%s' https://octopus.contoso.com/api" % fakes._choose(R, UPPER_ALNUM, 27),
          "OCTOPUS_API_KEY=API-%s" % fakes._choose(R, UPPER_ALNUM, 27)],
         ["OCTOPUS_API_KEY=API-%s" % fakes._choose(R, UPPER_ALNUM, 16),
          "see API-%s in the design notes" % fakes._choose(R, UPPER_ALNUM, 27)],
         ["https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key"],
         keywords=["octopus", "apikey", "api_key", "api-key"])
    rule("harness.access-token", "Harness personal access or service account token", "high",
         r"\b(?<secret>(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20})\b",
         ["HARNESS_API_KEY=pat.%s.%s.%s" % (urlsafe(R, 22), hexs(R, 24), alnum(R, 20)),
          "curl -H 'x-api-key: sat.%s.%s.%s' https://app.harness.io/ng/api/user/currentUser"
          % (urlsafe(R, 22), hexs(R, 24), alnum(R, 20))],
         ["HARNESS_API_KEY=pat.%s.%s" % (urlsafe(R, 22), hexs(R, 24)),
          "HARNESS_API_KEY=pat.%s.%s.%s" % (urlsafe(R, 22), hexs(R, 24), alnum(R, 12))],
         ["https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/"])


def code_quality():
    rule("sonarqube.token", "SonarQube / SonarCloud token", "high",
         r"\b(?<secret>sq[pua]_[0-9a-f]{40})\b",
         ["SONAR_TOKEN=squ_%s" % hexs(R, 40),
          "mvn sonar:sonar -Dsonar.token=sqp_%s -Dsonar.host.url=https://sonar.contoso.com" % hexs(R, 40),
          "sonar-scanner -Dsonar.login=sqa_%s" % hexs(R, 40)],
         ["SONAR_TOKEN=squ_%s" % hexs(R, 30),
          "SONAR_TOKEN=sqx_%s" % hexs(R, 40)],
         ["https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/"])
    rule("sonarqube.token.legacy", "SonarQube token (legacy 40-hex form, in context)", "medium",
         r"(?i:(?:\b|-d)sonar[._-]?(?:login|token|auth[._-]?token))" + ASSIGN_OR_COMMA + r"(?<secret>[0-9a-f]{40})\b",
         ["mvn sonar:sonar -Dsonar.login=%s" % hexs(R, 40),
          "properties.put('sonar.login', '%s')" % hexs(R, 40),
          '$sonarLogin = "%s"' % hexs(R, 40)],
         ["sonarqube-scanner/-/sonarqube-scanner-2.5.0.tgz#%s" % hexs(R, 40),
          "/d:sonar.login=$(SONAR_LOGIN)",
          "sonar.login=%s" % hexs(R, 32)],
         ["https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/"])
    rule("dependencytrack.api-key", "OWASP Dependency-Track API key", "high",
         r"\b(?<secret>odt_[A-Za-z0-9]{32,40})\b",
         ["DTRACK_API_KEY=odt_%s" % alnum(R, 32),
          "curl -H 'X-Api-Key: odt_%s' https://dtrack.contoso.com/api/v1/project" % alnum(R, 32)],
         ["DTRACK_API_KEY=odt_%s" % alnum(R, 20),
          "DTRACK_API_KEY=%s" % alnum(R, 32)],
         ["https://docs.dependencytrack.org/integrations/rest-api/"])
    rule("stackhawk.api-key", "StackHawk API key", "high",
         r"\b(?<secret>hawk\.[A-Za-z0-9_-]{20}\.[A-Za-z0-9_-]{20})\b",
         ['HAWK_API_KEY="hawk.%s.%s"' % (urlsafe(R, 20), urlsafe(R, 20)),
          "hawk init --api-key hawk.%s.%s" % (urlsafe(R, 20), urlsafe(R, 20))],
         ['HAWK_API_KEY="hawk.%s"' % urlsafe(R, 20),
          'HAWK_API_KEY="hawk.%s.%s"' % (urlsafe(R, 20), urlsafe(R, 12))],
         ["https://docs.stackhawk.com/apis/"])
    rule("saucelabs.access-key", "Sauce Labs access key (in context)", "medium",
         r"(?i:\bsauce[a-z0-9_.-]{0,16}(?:access_?key|key|token))" + ASSIGN + r"(?<secret>" + UUID + r")\b",
         ["SAUCE_USERNAME=hush-test\nSAUCE_ACCESS_KEY=%s" % fakes.guid(R),
          '{"sauce:options": {"username": "hush-test", "sauceAccessKey": "%s"}}' % fakes.guid(R)],
         ["SAUCE_ACCESS_KEY=%s" % fakes.guid(R)[:30],
          "SAUCE_TUNNEL_ID=%s" % fakes.guid(R)],
         ["https://docs.saucelabs.com/basics/acct-team-mgmt/managing-user-info/#access-key"])
    rule("codeclimate.reporter-id", "Code Climate test reporter ID (in context)", "medium",
         r"(?i:\b(?:cc_?test_?reporter_?id|code_?climate[a-z0-9_.-]{0,16}(?:token|id|key)))" + ASSIGN +
         r"(?<secret>[0-9a-f]{64})\b",
         ["CC_TEST_REPORTER_ID: %s" % hexs(R, 64),
          "RAILS_ENV=test CODECLIMATE_REPO_TOKEN=%s bundle exec rake" % hexs(R, 64)],
         ["CC_TEST_REPORTER_ID: %s" % hexs(R, 40),
          "CC_TEST_REPORTER_ID: ${{ secrets.CC_TEST_REPORTER_ID }}"],
         ["https://docs.codeclimate.com/docs/finding-your-test-coverage-token"])
    rule("snyk.api-token", "Snyk API token (in context)", "medium",
         r"(?i:\bsnyk)(?:[a-z0-9_.-]{0,16}(?i:token|api_?key|auth)" + ASSIGN + r"|[ \t]{1,4}auth[ \t]{1,4})"
         r"(?<secret>" + UUID + r")\b",
         ["SNYK_TOKEN=%s" % fakes.guid(R),
          "snyk auth %s" % fakes.guid(R),
          '{"snykApiKey": "%s"}' % fakes.guid(R)],
         ["SNYK_ORG_ID=%s" % fakes.guid(R),
          "SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}"],
         ["https://docs.snyk.io/snyk-api/authentication-for-api"])
    rule("codecov.upload-token", "Codecov upload token (in context)", "medium",
         r"(?i:\bcodecov[a-z0-9_.-]{0,16}token)" + ASSIGN + r"(?<secret>" + UUID + r")\b",
         ["CODECOV_TOKEN=%s" % fakes.guid(R),
          '{"codecov_token": "%s"}' % fakes.guid(R)],
         ["CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}",
          "CODECOV_COMMIT=%s" % fakes.guid(R)],
         ["https://docs.codecov.com/docs/codecov-tokens"])


def coverage_services():
    rule("codacy.project-token", "Codacy project / API token (in context)", "medium",
         r"(?i:\bcodacy[a-z0-9_.-]{0,16}(?:token|api_?key))" + ASSIGN + r"(?<secret>[0-9a-f]{32})\b",
         ["CODACY_PROJECT_TOKEN=%s" % hexs(R, 32),
          '{"codacyApiToken": "%s"}' % hexs(R, 32)],
         ["CODACY_PROJECT_TOKEN=%s" % hexs(R, 24),
          "CODACY_PROJECT_TOKEN=${{ secrets.CODACY_PROJECT_TOKEN }}"],
         ["https://docs.codacy.com/codacy-api/api-tokens/"])
    rule("coveralls.repo-token", "Coveralls repository token (in context)", "medium",
         r"(?i:\bcoveralls[a-z0-9_.-]{0,16}token)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{32,40})\b",
         ["COVERALLS_REPO_TOKEN=%s" % alnum(R, 33),
          '{"coveralls_repo_token": "%s"}' % alnum(R, 33)],
         ["COVERALLS_REPO_TOKEN=%s" % alnum(R, 20),
          "COVERALLS_SERVICE_NAME=github-actions"],
         ["https://docs.coveralls.io/api-introduction"])
    rule("percy.token", "Percy project token (in context)", "medium",
         r"(?i:\bpercy[_-]?token)" + ASSIGN + r"(?<secret>(?:web_|auto_|app_|ss_|vmw_)?[0-9a-f]{64})\b",
         ["PERCY_TOKEN=web_%s npx percy exec -- npm test" % hexs(R, 64),
          '{"percy_token": "%s"}' % hexs(R, 64)],
         ["PERCY_TOKEN=%s" % hexs(R, 40),
          "PERCY_TOKEN=${{ secrets.PERCY_TOKEN }}"],
         ["https://www.browserstack.com/docs/percy/get-started/set-env-var"])
    rule("drone.token", "Drone CI personal token (in context)", "medium",
         r"(?i:\bdrone[_-]?token)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["export DRONE_SERVER=https://drone.contoso.com\nexport DRONE_TOKEN=%s" % alnum(R, 32),
          '{"drone_token": "%s"}' % alnum(R, 32)],
         ["DRONE_TOKEN=%s" % alnum(R, 20),
          "DRONE_TOKEN=$DRONE_SECRET"],
         ["https://docs.drone.io/cli/setup/"])


def add_rules():
    jenkins()
    teamcity()
    circleci()
    other_ci()
    code_quality()
    coverage_services()
