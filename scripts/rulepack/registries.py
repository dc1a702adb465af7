"""Package and container registries: Docker Hub, JFrog Artifactory, NuGet,
RubyGems, crates.io, Gradle (credentials blocks, plugin portal, Develocity),
Clojars.  npm and PyPI are written elsewhere.  Fake-value helpers: common.py."""

import base64

from rulepack.common import *  # noqa: F401,F403

R = rng_for("devtools_registries")


def docker():
    rule("dockerhub.pat", "Docker Hub personal access token", "high",
         r"\b(?<secret>dckr_pat_[A-Za-z0-9_-]{27})",
         ["docker login -u hush-test -p dckr_pat_%s" % urlsafe(R, 27),
          "DOCKERHUB_TOKEN=dckr_pat_%s" % urlsafe(R, 27)],
         ["DOCKERHUB_TOKEN=dckr_pat_%s" % urlsafe(R, 20),
          "DOCKERHUB_TOKEN=dckr_xyz_%s" % urlsafe(R, 27)],
         ["https://docs.docker.com/security/for-developers/access-tokens/"])
    rule("dockerhub.org-access-token", "Docker Hub organization access token", "high",
         r"\b(?<secret>dckr_oat_[A-Za-z0-9_-]{27,40})",
         ["docker login -u contoso -p dckr_oat_%s" % urlsafe(R, 32),
          '{"username": "contoso", "password": "dckr_oat_%s"}' % urlsafe(R, 32)],
         ["DOCKER_TOKEN=dckr_oat_%s" % urlsafe(R, 16),
          "DOCKER_TOKEN=dckr_xat_%s" % urlsafe(R, 32)],
         ["https://docs.docker.com/security/for-admins/access-tokens/"])
    rule("docker.config-auth", "Registry credentials in a Docker config.json (auths.*.auth)", "medium",
         r"(?i:\"auth\")[ \t]{0,4}:[ \t]{0,4}\"(?<secret>[A-Za-z0-9+/]{8,600}={0,2})\"",
         ['{"auths": {"https://index.docker.io/v1/": {"auth": "%s"}}}'
          % base64.b64encode(b"hush-test:" + alnum(R, 20).encode()).decode(),
          '{\n\t"auths": {\n\t\t"registry.contoso.com": {\n\t\t\t"auth": "%s"\n\t\t}\n\t}\n}'
          % base64.b64encode(b"hush-test:" + alnum(R, 24).encode()).decode()],
         ['{"type": "oauth2", "auth": "%s"}' % base64.b64encode(alnum(R, 20).encode()).decode(),
          '{"auths": {"registry.contoso.com": {}}, "credsStore": "desktop"}'],
         ["https://docs.docker.com/reference/cli/docker/login/#credential-stores"],
         keywords=["auths"])


def jfrog():
    rule("artifactory.api-key", "JFrog Artifactory API key", "high",
         r"\b(?<secret>AKCp[A-Za-z0-9]{69})\b",
         ["ARTIFACTORY_API_KEY=AKCp%s" % alnum(R, 69),
          "jfrog rt dl --url=https://contoso.jfrog.io/artifactory --apikey=AKCp%s generic-local/hush.txt" % alnum(R, 69),
          "curl -H 'X-JFrog-Art-Api: AKCp%s' https://contoso.jfrog.io/artifactory/api/repositories" % alnum(R, 69)],
         ["ARTIFACTORY_API_KEY=AKCp%s" % alnum(R, 40),
          "ARTIFACTORY_API_KEY=AKCx%s" % alnum(R, 69)],
         ["https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key"])
    rule("artifactory.reference-token", "JFrog Artifactory reference token", "high",
         r"\b(?<secret>cmVmdGtuOjAxOj[A-Za-z0-9+/]{40,80}={0,2})",
         ["curl -H 'Authorization: Bearer %s' https://contoso.jfrog.io/artifactory/api/system/ping"
          % base64.b64encode(b"reftkn:01:1893456000:" + alnum(R, 27).encode()).decode(),
          "JFROG_ACCESS_TOKEN=%s" % base64.b64encode(b"reftkn:01:1893456000:" + alnum(R, 27).encode()).decode()],
         ["JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj%s" % alnum(R, 20),
          "JFROG_ACCESS_TOKEN=%s" % base64.b64encode(b"reftkn:02:1893456000:" + alnum(R, 27).encode()).decode()],
         ["https://jfrog.com/help/r/jfrog-platform-administration-documentation/reference-tokens"])


def nuget():
    rule("nuget.api-key", "NuGet.org API key", "high",
         r"\b(?<secret>oy2[a-z0-9]{43})\b",
         ["dotnet nuget push hush.1.0.0.nupkg --api-key oy2%s --source https://api.nuget.org/v3/index.json"
          % fakes._choose(R, LOWER_ALNUM, 43),
          "NUGET_API_KEY=oy2%s" % fakes._choose(R, LOWER_ALNUM, 43)],
         ["NUGET_API_KEY=oy2%s" % fakes._choose(R, LOWER_ALNUM, 30),
          "NUGET_API_KEY=oy3%s" % fakes._choose(R, LOWER_ALNUM, 43)],
         ["https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys"])
    rule("nuget.config.cleartext-password", "NuGet.config ClearTextPassword", "high",
         r"(?i:<add[ \t]{1,8}key[ \t]{0,4}=[ \t]{0,4}\"cleartextpassword\"[ \t]{1,8}value[ \t]{0,4}=[ \t]{0,4}\")"
         r"(?<secret>[^\"\r\n]{1,256})\"",
         ['<add key="Username" value="hush-test" />\n<add key="ClearTextPassword" value="%s" />' % alnum(R, 24),
          '    <add key="ClearTextPassword" value="%s" />' % (alnum(R, 12) + "!" + alnum(R, 6))],
         ['<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
          '<add key="Password" value="AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA" />'],
         ["https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials"])


def ruby_rust_clojure():
    rule("rubygems.api-key", "RubyGems.org API key", "high",
         r"\b(?<secret>rubygems_[0-9a-f]{48})\b",
         ["---\n:rubygems_api_key: rubygems_%s" % hexs(R, 48),
          "curl -H 'Authorization:rubygems_%s' https://rubygems.org/api/v1/web_hooks.json" % hexs(R, 48)],
         [":rubygems_api_key: rubygems_%s" % hexs(R, 40),
          ":rubygems_api_key: %s" % hexs(R, 32)],
         ["https://guides.rubygems.org/api-key-scopes/"])
    rule("cratesio.api-token", "crates.io API token", "medium",
         r"\b(?<secret>cio[A-Za-z0-9]{32})\b",
         ["[registry]\ntoken = \"cio%s\"" % alnum(R, 32),
          "CARGO_REGISTRY_TOKEN=cio%s" % alnum(R, 32)],
         ["CARGO_REGISTRY_TOKEN=cio%s" % alnum(R, 20),
          "CARGO_REGISTRY_TOKEN=%s" % alnum(R, 32)],
         ["https://doc.rust-lang.org/cargo/reference/registry-authentication.html",
          "https://blog.rust-lang.org/2020/06/18/Rust.1.44.0.html"],
         entropy_min=3.5)
    rule("clojars.deploy-token", "Clojars deploy token", "high",
         r"\b(?<secret>CLOJARS_[0-9a-f]{60})\b",
         ["CLOJARS_PASSWORD=CLOJARS_%s" % hexs(R, 60),
          '{:url "https://repo.clojars.org" :username "hush-test" :password "CLOJARS_%s"}' % hexs(R, 60)],
         ["CLOJARS_PASSWORD=CLOJARS_%s" % hexs(R, 40),
          "CLOJARS_USERNAME=hush-test"],
         ["https://github.com/clojars/clojars-web/wiki/Deploy-Tokens"])


def gradle():
    rule("gradle.credentials.password", "Password in a Gradle credentials block", "medium",
         r"\bcredentials[ \t]{0,4}(?:\([^)\r\n]{0,64}\)[ \t]{0,4})?\{[^}]{0,300}\bpassword[ \t]{0,4}=?[ \t]{0,4}"
         r"[\"'](?<secret>[^\"'\r\n$]{1,128})[\"']",
         ["credentials {\n    username 'hush-test'\n    password '%s'\n}" % alnum(R, 18),
          'maven {\n  url "https://nexus.contoso.com/repository/releases"\n  credentials {\n'
          '    username = "hush-test"\n    password = "%s"\n  }\n}' % alnum(R, 20)],
         ["credentials {\n    username 'hush-test'\n    password project.findProperty('repoPassword')\n}",
          'credentials {\n    username "hush-test"\n    password "${System.getenv(\'REPO_PASSWORD\')}"\n}'],
         ["https://docs.gradle.org/current/userguide/declaring_repositories.html#sec:handling_credentials"],
         multiline=True, opener=r"\bcredentials[ \t]{0,4}[({]")
    rule("gradle.plugin-portal.secret", "Gradle Plugin Portal publishing secret", "medium",
         r"(?i:\bgradle[._]publish[._]secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["gradle.publish.key=%s\ngradle.publish.secret=%s" % (alnum(R, 32), alnum(R, 32)),
          "GRADLE_PUBLISH_SECRET=%s" % alnum(R, 32)],
         ["gradle.publish.key=%s" % alnum(R, 32),
          "gradle.publish.secret=%s" % alnum(R, 20)],
         ["https://docs.gradle.org/current/userguide/publishing_gradle_plugins.html"])
    rule("gradle.develocity.access-key", "Develocity (Gradle Enterprise) access key", "high",
         r"(?i:\b(?:gradle_enterprise|develocity)_access_key)" + ASSIGN +
         r"[A-Za-z0-9.-]{1,100}=(?<secret>[a-z0-9]{52})\b",
         ["DEVELOCITY_ACCESS_KEY=develocity.contoso.com=%s" % fakes._choose(R, LOWER_ALNUM, 52),
          "GRADLE_ENTERPRISE_ACCESS_KEY=ge.contoso.com=%s" % fakes._choose(R, LOWER_ALNUM, 52)],
         ["DEVELOCITY_ACCESS_KEY=develocity.contoso.com=%s" % fakes._choose(R, LOWER_ALNUM, 30),
          "DEVELOCITY_SERVER=develocity.contoso.com"],
         ["https://docs.gradle.com/develocity/gradle-plugin/current/#via_environment_variable"])


def add_rules():
    docker()
    jfrog()
    nuget()
    ruby_rust_clojure()
    gradle()
