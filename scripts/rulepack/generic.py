"""Generic credentials (patterns/generic.json): key-name rules (password,
secret, API key, token assignments) and credentials found by where they are
written rather than by their format: command lines (psexec, Connect-VIServer,
curl -u, sshpass), .netrc, .NET (NetworkCredential, DirectoryEntry,
<appSettings>), PHPMailer, React build-time variables, Django and JWT signing
secrets, hard-coded password comparisons, quoted passwords and passwords
stated in prose.

They carry no checksum or prefix, so each is scored (scanner/score.c):
"password" for values people choose, "generic" for machine-made ones."""

from rulepack.common import *  # noqa: F401,F403

# A command-line argument: up to whitespace, quotes or a shell operator.
ARG = r"""[^ \t\r\n"'`;|&<>]"""
CWE = "https://cwe.mitre.org/data/definitions/798.html"


def assignments():
    R = first_pack_rng(skip=13617)
    # Values never start with '@' or '[' (workflow / ARM expressions), '$' (shell
    # variables and substitutions), '/' (paths, routes) or '#' (selectors, anchors).
    VALUE = r"""(?<secret>[^@\[$/# \t\r\n"'<>;,&`][^ \t\r\n"'<>;,&`]{%d,%d})"""
    # Values are graded by scanner/score.c ("score"): words, defaults and
    # documented values stay low, code, paths and hashes are dropped.
    G = fakes.make_rng(0x5C0DE)  # negatives' own RNG: R's sequence stays as it was

    rule("generic.password", "Password assignment", "medium",
         r"(?i:\b[a-z0-9_]{0,32}(?:password|passwd|pwd))" + ASSIGN + VALUE % (5, 127),
         ['{"username": "hush-example", "password": "%s"}' % fakes.password(R).replace(",", "!").replace("&", "!"),
          "DB_PASSWORD=%s" % fakes._choose(R, fakes.ALNUM, 18),
          "login failed for user=svc password=%s (hush test)" % fakes._choose(R, fakes.ALNUM, 14)],
         ['"password": "@parameters(\'sqlPassword\')"',
          '"password": "Content not shown due to security configuration."',
          "password: ${DB_PASSWORD}",
          "password=aaaaaaab",
          'export PGPASSWORD="$gdcapi_db_password"',
          "put '/forgot-password' => '/sites/passwords#update'",
          '"passwordPolicy": "strong-and-long"',
          "password = env.HUSH_TEST_PASSWORD",
          "var pwd = getHushTestPassword();",
          'smtp_password: "smtp_password"',
          "password = hushtest (one word: low)",
          'IAMUserChangePassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"'],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="password")
    rule("generic.secret", "Secret assignment", "medium",
         r"(?i:\b[a-z0-9_]{0,32}(?:secret|secret_?key))" + ASSIGN + VALUE % (11, 255),
         ['{"clientSecret": "%s"}' % fakes._choose(R, fakes.ALNUM + "-_.", 32),
          "WEBHOOK_SECRET=%s" % fakes._choose(R, fakes.HEX, 40)],
         ['"clientSecret": "@{body(\'Get_secret\')?[\'value\']}"',
          "secret: <your-secret-here>",
          "secret=hello-world-hello",
          '"secret_sha256": "%s"' % fakes._choose(G, fakes.HEX, 64),
          "client_secret = %s" % fakes.guid(G),
          "CLIENT_SECRET_FILE=~/.config/hush-test/client_secret.json"],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="generic")
    rule("generic.api-key", "API key assignment", "medium",
         r"(?i:\b[a-z0-9_-]{0,32}(?:api_?key|apikey|api-key|api_?secret))" + ASSIGN + VALUE % (15, 255),
         ["X-API-Key: %s" % fakes._choose(R, fakes.ALNUM, 40),
          '{"apiKey": "%s"}' % fakes._choose(R, fakes.ALNUM, 32)],
         ["apiKey: @parameters('apiKey')",
          '"api_key": "%%API_KEY%%"',
          "api_key=1111111111111111",
          "api_key=a1b2c3d4-e5f6-g7h8-i9j0-k1l2m3n4o5p6",
          "publishable_api_key = %s" % fakes._choose(G, fakes.ALNUM, 32)],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="generic")
    rule("generic.token", "Token assignment", "medium",
         r"(?i:\b(?:access_?token|auth_?token|api_?token|secret_?token|token))" + ASSIGN + VALUE % (15, 1023),
         ['{"token": "%s"}' % fakes._choose(R, fakes.ALNUM + "-_", 48),
          "AUTH_TOKEN=%s" % fakes._choose(R, fakes.ALNUM, 32)],
         ["token: {{ secrets.DEPLOY_TOKEN }}",
          '"token": "abcdefabcdefabcdef"',
          '"token_type": "Bearer"',
          'token = "hushTestTokenName"'],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="generic")


# The rules below draw from the "credentials" stream (they were their own
# module once); assignments() above has its own RNG.
R = rng_for("credentials")


def pw(n=14):
    """A password-looking fake without quotes, spaces or shell operators."""
    return fakes._choose(R, fakes.ALNUM + "!#%*+-.?@^_~", n)


def written_in_place():
    rule("netrc.password", ".netrc password", "medium",
         r"\bmachine[ \t]{1,8}[^ \t\r\n]{1,253}[ \t]{1,8}(?:login[ \t]{1,8}[^ \t\r\n]{1,128}[ \t]{1,8})?"
         r"password[ \t]{1,8}(?<secret>" + ARG + r"{3,128})",
         ["machine api.contoso.test login hush-bot password %s" % pw(),
          "machine ftp.contoso.test login hush password %s account hush-test" % pw()],
         ["machine api.contoso.test login hush-bot",
          "machine api.contoso.test login hush-bot password $NETRC_PASSWORD"],
         ["https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html"], score="password")

    # The multi-line form: "password <value>" alone on its line, as .netrc
    # writes it under "machine" and "login" lines.
    rule("netrc.password-line", ".netrc password line", "medium",
         r"^[ \t]{0,16}password[ \t]{1,8}(?<secret>" + ARG + r"{3,128})[ \t]{0,8}$",
         ["machine git.contoso.test\n  login hush\n  password %s\n" % pw(),
          "default\n\tlogin anonymous\n\tpassword %s\n" % pw()],
         ["  password $NETRC_PASSWORD",
          "password reset link sent to hush@contoso.test",
          "Password %s" % pw()],
         ["https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html"], score="password")

    rule("psexec.password", "PsExec command-line password", "medium",
         r"(?i:\bpsexec(?:64)?(?:\.exe)?)(?:[ \t][^\r\n]{0,300}?)?[ \t]-p[ \t]{1,4}[\"']?"
         r"(?<secret>" + ARG + r"{3,128})",
         [r"PsExec.exe \\hush-test-01 -u CONTOSO\hush-admin -p %s cmd /c whoami" % pw(),
          r'system("psexec \\\\10.0.0.7 -u Administrator -p %s shutdown -r -t 0");' % pw()],
         [r"PsExec.exe \\hush-test-01 -u CONTOSO\hush-admin cmd /c whoami",
          r"psexec \\hush-test-01 -u hush -p %PSEXEC_PASSWORD% -i calc.exe",
          r"psexec \\hush-test-01 -u hush -p $Password -i calc.exe"],
         ["https://learn.microsoft.com/en-us/sysinternals/downloads/psexec"], score="password")

    rule("vmware.powercli.password", "VMware PowerCLI Connect-VIServer password", "medium",
         r"(?i:\bConnect-VIServer)(?:[ \t][^\r\n]{0,300}?)?[ \t](?i:-Password)[ \t:]{1,4}[\"']?"
         r"(?<secret>" + ARG + r"{3,128})",
         ["Connect-VIServer -Server vc.contoso.test -User hush@vsphere.local -Password %s" % pw(),
          "$null = connect-viserver vc.contoso.test -user hush@vsphere.local -password '%s'" % pw()],
         ['Connect-VIServer "$endpoint" -User "$username" -Password "$password" | Out-Null',
          "Connect-VIServer $host -User $user -Password $pass",
          "Connect-VIServer -Server vc.contoso.test -Credential $cred"],
         ["https://developer.broadcom.com/powercli/latest/vmware.vimautomation.core/commands/connect-viserver"], score="password")

    rule("dotnet.network-credential.password", ".NET NetworkCredential password", "medium",
         r"\bNetworkCredential[ \t]{0,4}\([ \t]{0,4}@?\"[^\"\r\n]{1,128}\"[ \t]{0,4},[ \t]{0,4}@?\""
         r"(?<secret>[^\"\r\n]{3,128})\"",
         ['smtp.Credentials = new NetworkCredential("hush-bot@contoso.test", "%s");' % pw(),
          '$wc.Credentials = New-Object System.Net.NetworkCredential("hush", "%s")' % pw()],
         ['smtp.Credentials = new NetworkCredential(user, password);',
          'new NetworkCredential("hush-bot@contoso.test", "")',
          'new NetworkCredential("hush", "$env:HUSH_PASSWORD")'],
         ["https://learn.microsoft.com/en-us/dotnet/api/system.net.networkcredential.-ctor"], score="password")

    rule("dotnet.directory-entry.password", ".NET DirectoryEntry password", "medium",
         r"\bDirectoryEntry[ \t]{0,4}\([ \t]{0,4}@?\"[^\"\r\n]{1,256}\"[ \t]{0,4},[ \t\r\n]{0,64}@?\""
         r"[^\"\r\n]{1,128}\"[ \t]{0,4},[ \t\r\n]{0,64}@?\"(?<secret>[^\"\r\n]{3,128})\"",
         ['var root = new DirectoryEntry("LDAP://dc01.contoso.test", "CONTOSO\\\\hush", "%s");' % pw(),
          'new DirectoryEntry("LDAP://CONTOSO.TEST",\n          "hush-admin@contoso.test",\n          "%s");'
          % pw()],
         ['new DirectoryEntry("LDAP://dc01.contoso.test")',
          'new DirectoryEntry("LDAP://dc01.contoso.test", user, password)'],
         ["https://learn.microsoft.com/en-us/dotnet/api/system.directoryservices.directoryentry.-ctor"],
         multiline=True, opener=r"\bDirectoryEntry[ \t]{0,4}\(", score="password")

    rule("dotnet.app-settings.secret", ".NET appSettings secret value", "medium",
         r"<add[ \t]{1,4}key=\"[A-Za-z0-9_.:-]{0,64}(?i:password|passwd|pwd|secret|api_?key|token)"
         r"[A-Za-z0-9_.:-]{0,32}\"[ \t]{1,4}value=\"(?<secret>[^\"\r\n]{3,256})\"",
         ['<add key="FromEmailPassword" value="%s"/>' % pw(),
          '<add key="Hush.ApiKey" value="%s" />' % fakes._choose(R, fakes.ALNUM, 32)],
         ['<add key="FromEmailAddress" value="hush-bot@contoso.test"/>',
          '<add key="PasswordMinLength" value="12" />',
          '<add key="SmtpPassword" value="#{SmtpPassword}#" />'],
         ["https://learn.microsoft.com/en-us/dotnet/framework/configure-apps/file-schema/appsettings/add-element-for-appsettings"], score="password")

    rule("phpmailer.password", "PHPMailer SMTP password", "medium",
         r"->Password[ \t]{0,16}=[ \t]{0,8}['\"](?<secret>[^'\"\r\n]{3,128})['\"]",
         ["$mail->Password   = '%s';                       //SMTP password" % pw(),
          '$mailer->Password = "%s";' % pw()],
         ["$mail->Password = getenv('SMTP_PASSWORD');",
          "$mail->Password = 'secret'; // documentation value: low",
          "$mail->Username = 'hush-bot@contoso.test';"],
         ["https://github.com/PHPMailer/PHPMailer#a-simple-example"], score="password")

    rule("reactapp.password", "React app build-time password (REACT_APP_*)", "medium",
         r"\bREACT_APP_[A-Z0-9_]{0,40}(?:PASSWORD|PASSWD|PASS|PWD)[ \t]{0,4}=[ \t]{0,4}[\"']?"
         r"(?<secret>[^$ \t\r\n\"'#]{3,128})",
         ["REACT_APP_ADMIN_PASSWORD=%s" % pw(),
          "  REACT_APP_SMTP_PASS='%s'   # hush test" % pw()],
         ["REACT_APP_FORGOT_PASSWORD=$REACT_APP_BASE_URL/#/forgot_password",
          "const password = process.env.REACT_APP_FIREBASE_PASSWORD",
          "REACT_APP_MAILER_PASSWORD=smtp_password"],
         ["https://create-react-app.dev/docs/adding-custom-environment-variables/"], score="password")

    # A user name is no secret, but a REACT_APP_ one ships in the public
    # bundle, usually next to its password: reported at low, never redacted.
    rule("reactapp.username", "React app build-time user name (REACT_APP_*)", "low",
         r"\bREACT_APP_[A-Z0-9_]{0,40}USER(?:NAME)?[ \t]{0,4}=[ \t]{0,4}[\"']?"
         r"(?<secret>[A-Za-z0-9@._+-]{2,128})",
         ["REACT_APP_AUTH_USERNAME=hush-bot",
          "# REACT_APP_DB_USER=hush_app"],
         ["REACT_APP_FORGOT_USERNAME=$REACT_APP_BASE_URL/#/forgot_username",
          "REACT_APP_USER_POOL_ID=${USER_POOL_ID}"],
         ["https://create-react-app.dev/docs/adding-custom-environment-variables/"],
         redact=False)

    dj = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)"
    rule("django.secret-key", "Django SECRET_KEY", "high",
         r"(?<secret>django-insecure-[a-z0-9!@#$%^&*(=+_)-]{50})",
         ["SECRET_KEY = 'django-insecure-%s'" % fakes._choose(R, dj, 50),
          'DJANGO_SECRET_KEY="django-insecure-%s"' % fakes._choose(R, dj, 50)],
         ["SECRET_KEY = 'django-insecure-%s'" % fakes._choose(R, dj, 30),
          "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']"],
         ["https://docs.djangoproject.com/en/5.1/ref/settings/#secret-key",
          "https://docs.djangoproject.com/en/5.1/howto/deployment/checklist/#secret-key"])

    rule("django.secret-key.setting", "Django SECRET_KEY setting", "medium",
         r"(?:^|[ \t])(?:DJANGO_)?SECRET_KEY[ \t]{0,4}=[ \t]{0,4}['\"](?<secret>[^'\"\r\n]{20,128})['\"]",
         ["SECRET_KEY = '%s'" % fakes._choose(R, dj.replace("'", ""), 50),
          ' SECRET_KEY="%s"' % fakes._choose(R, dj, 50)],
         ["SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
          "SECRET_KEY = 'hmm'",
          "SECRET_KEY = 'change-this-secret-key-in-production'"],
         ["https://docs.djangoproject.com/en/5.1/ref/settings/#secret-key"], score="generic")

    rule("jwt.signing-secret", "JWT signing secret", "medium",
         r"(?i:\bjwt[_.-]?(?:signing[_.-]?)?secret(?:[_.-]?key)?)[\"']?[ \t]{0,4}[:=][ \t]{0,4}"
         r"[\"'](?<secret>[^\r\n]{8,256}?)[\"'][ \t]{0,4}(?:$|[,;#}]|//)",
         ['jwtsecret: "%s"' % pw(24),
          "JWT_SECRET='%s'" % fakes._choose(R, fakes.HEX, 64),
          '{"jwt_secret": "%s", "ttl": 3600}' % pw(32)],
         ["JWT_SECRET=${JWT_SECRET}",
          "jwt_secret: 'your-256-bit-secret'",
          'jwtSecret: "jwtSecretKeyName"'],
         ["https://datatracker.ietf.org/doc/html/rfc7518#section-3.2"], score="generic")

    rule("generic.password.quoted", "Quoted password assignment", "medium",
         # Not after a quoted key: JSON members are json.secret-field's (structure.json).
         # A bare "pass" only with "=": "PASS: ..." is a test result line.
         r"(?i:\b[a-z0-9_]{0,32}(?:(?:password|passwd|passphrase|pwd)[ \t]{0,16}(?:=>|:=|[:=])"
         r"|pass[ \t]{0,16}(?:=>|:=|=)))"
         r"[ \t]{0,4}\\?[\"'](?<secret>[^\"'\\ \t\r\n][^\"'\\\r\n]{2,126}[^\"'\\ \t\r\n])\\?[\"']",
         ["PASS = '%s'" % pw(),
          "$password = \\\"%s\\\";" % pw(),
          "admin_passphrase: \"correct %s staple\"" % pw(8)],
         ["password = ''",
          "PASS = 'hushtest' (one word: low)",
          "$password = \"$_POST[pw]\";",
          '{"password": "hush test phrase"}',
          'PASS: "Run size-3e" "-Wl,--no-as-needed"'],
         [CWE], score="password")

    rule("generic.password.comparison", "Hard-coded password comparison", "medium",
         r"(?i:\b[a-z0-9_.]{0,32}(?:password|passwd|passphrase|pwd|secret))[ \t]{0,4}(?:===?|!==?)"
         r"[ \t]{0,4}['\"](?<secret>[^'\"\r\n]{4,128})['\"]",
         ['if username == "hush-admin" and password == "%s":' % pw(),
          "if creds.Secret != '%s' {" % pw(),
          "if (req.body.password === \"%s\") {" % pw()],
         ['if password == "":',
          "if (password !== confirmPassword) {",
          'if password == "password":'],
         ["https://cwe.mitre.org/data/definitions/259.html"], score="password")

    rule("generic.password.prose", "Password stated in prose", "low",
         r"(?i:\bpassword(?:[ \t]{1,4}for[ \t]{1,4}(?:the[ \t]{1,4})?user[ \t]{1,4}['\"][^'\"\r\n]{1,64}['\"])?"
         r"[ \t]{1,4}(?:is|was|will be|should be)[ \t]{1,4})['\"](?<secret>[^'\"\r\n]{3,64})['\"]",
         ["The default password is '%s' (hush-test appliance)." % pw(10),
          "2. Ensure the password for user 'hush' is \"%s\" or change the .env file." % pw(10)],
         ["The password is '<your password>' and must be changed on first login.",
          "The password is stored in Key Vault."],
         [CWE], score="password")

    rule("curl.user-password", "curl -u user:password", "medium",
         r"\bcurl(?:[ \t][^\r\n]{0,300}?)?[ \t](?:-u|--user)[ \t]{1,4}[\"']?[^: \t\r\n\"'`]{1,128}:"
         r"(?<secret>" + ARG + r"{3,128})",
         ["curl -u hush-bot:%s https://api.contoso.test/v1/items" % pw(),
          "curl -sS --user 'hush:%s' -X POST https://ci.contoso.test/job/build" % pw()],
         ["curl -u hush-bot https://api.contoso.test/v1/items",
          "curl -u hush:$API_PASSWORD https://api.contoso.test"],
         ["https://curl.se/docs/manpage.html#-u"], score="password")

    rule("sshpass.password", "sshpass -p password", "medium",
         r"\bsshpass[ \t]{1,4}-p[ \t]{0,4}[\"']?(?<secret>" + ARG + r"{3,128})",
         ["sshpass -p '%s' ssh hush@build.contoso.test uptime" % pw(),
          "sshpass -p%s scp release.tar.gz hush@files.contoso.test:" % pw()],
         ["sshpass -e ssh hush@build.contoso.test",
          "sshpass -p \"$SSHPASS\" ssh hush@build.contoso.test"],
         ["https://linux.die.net/man/1/sshpass"], score="password")

    rule("android.build-config-field.secret", "Android buildConfigField secret", "medium",
         r"\bbuildConfigField[ \t]{0,4}\(?[ \t]{0,4}['\"]String['\"][ \t]{0,4},[ \t]{0,4}['\"]"
         r"[A-Za-z0-9_]{0,40}(?i:key|secret|token|password)[A-Za-z0-9_]{0,20}['\"][ \t]{0,4},[ \t]{0,4}"
         r"['\"]\\?\"(?<secret>[^\"'\\\r\n]{8,256})\\?\"",
         ["buildConfigField 'String', 'API_KEY', '\"%s\"'" % fakes._choose(R, fakes.HEX, 32),
          'buildConfigField("String", "HUSH_CLIENT_SECRET", "\\"%s\\"")' % fakes._choose(R, fakes.ALNUM, 40)],
         ["buildConfigField 'String', 'API_KEY', '\"\" + apiKey + \"\"'",
          "buildConfigField 'String', 'BASE_URL', '\"https://api.contoso.test/\"'",
          "buildConfigField 'String', 'API_KEY', project.property('hushApiKey')"],
         ["https://developer.android.com/build/gradle-tips#share-custom-fields-and-resource-values-with-your-app-code"], score="generic")

    rule("docker.cli.password", "docker login password argument", "medium",
         r"\bdocker(?:[ \t]{1,4}--[a-z-]{1,32}(?:[ =]" + ARG + r"{1,128})?){0,3}[ \t]{1,4}login"
         r"(?:[ \t]" + r"[^\r\n]{0,300}?)?[ \t](?:-p|--password)(?:[ \t]{1,4}|=)[\"']?(?<secret>" + ARG + r"{3,256})",
         ["docker login -u hush-ci -p %s registry.contoso.test" % pw(),
          "docker login registry.contoso.test --username hush --password '%s'" % pw()],
         ["docker login -u hush-ci --password-stdin registry.contoso.test",
          "docker login -u hush-ci -p $REGISTRY_PASSWORD registry.contoso.test"],
         ["https://docs.docker.com/reference/cli/docker/login/"], score="password")

    rule("smbclient.password", "smbclient user%password", "medium",
         r"\bsmbclient(?:[ \t][^\r\n]{0,300}?)?[ \t](?:-U|--user(?:name)?)[ \t=]{1,4}[\"']?"
         r"[^% \t\r\n\"'`]{1,128}%(?<secret>" + ARG + r"{3,128})",
         ["smbclient //files.contoso.test/hush -U CONTOSO/hush%%%s -c 'ls'" % pw(),
          "smbclient -L files.contoso.test --user='hush%%%s'" % pw()],
         ["smbclient //files.contoso.test/hush -U hush -c 'ls'",
          "smbclient -L files.contoso.test -U hush%$SMB_PASSWORD"],
         ["https://www.samba.org/samba/docs/current/man-html/smbclient.1.html"], score="password")

    rule("windows.net-use.password", "net use password", "medium",
         r"(?i:\bnet[ \t]{1,4}use)[ \t][^\r\n]{0,300}?[ \t](?<secret>" + ARG + r"{3,128})"
         r"[ \t]{1,4}(?i:/user:)",
         [r"net use Z: \\files.contoso.test\hush %s /user:CONTOSO\hush /persistent:no" % pw()],
         [r"net use Z: \\files.contoso.test\hush * /user:CONTOSO\hush",
          r"net use Z: \\files.contoso.test\hush /user:CONTOSO\hush"],
         ["https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/gg651155(v=ws.11)"], score="password")

    rule("cifs.mount-password", "CIFS mount password option", "medium",
         r"(?i:\buser(?:name)?=)[^, \t\r\n]{1,128},(?:[A-Za-z0-9_]{1,32}(?:=[^, \t\r\n]{0,128})?,){0,6}"
         r"(?i:pass(?:word)?=)(?<secret>[^, \t\r\n\"'`]{3,128})",
         ["mount -t cifs //files.contoso.test/hush /mnt/hush -o username=hush,password=%s,vers=3.0" % pw(),
          "//files.contoso.test/hush /mnt/hush cifs username=hush,uid=1000,password=%s 0 0" % pw()],
         ["mount -t cifs //files.contoso.test/hush /mnt/hush -o credentials=/etc/hush.cred",
          "-o username=hush,password=${SMB_PASSWORD}"],
         ["https://www.samba.org/samba/docs/current/man-html/mount.cifs.8.html"], score="password")

    rule("wget.password", "wget password option", "medium",
         r"\bwget(?:[ \t][^\r\n]{0,300}?)?[ \t]--(?:http-|ftp-|proxy-)?password=[\"']?(?<secret>" + ARG + r"{3,128})",
         ["wget --user=hush --password=%s https://files.contoso.test/hush.tar.gz" % pw(),
          "wget -q --ftp-user=hush --ftp-password='%s' ftp://ftp.contoso.test/pub/" % pw()],
         ["wget --user=hush --ask-password https://files.contoso.test/hush.tar.gz",
          "wget --password=$WGET_PASSWORD https://files.contoso.test/"],
         ["https://www.gnu.org/software/wget/manual/wget.html#Download-Options"], score="password")

    rule("openssl.pass-argument", "OpenSSL pass:phrase argument", "medium",
         r"(?i:-(?:passin|passout|pass|password|k)[ \t]{1,4})[\"']?pass:(?<secret>" + ARG + r"{3,128})",
         ["openssl pkcs12 -export -in hush.crt -inkey hush.key -out hush.p12 -passout pass:%s" % pw(),
          "openssl rsa -in hush-enc.key -out hush.key -passin 'pass:%s'" % pw()],
         ["openssl rsa -in hush-enc.key -passin env:HUSH_KEY_PASS",
          "openssl rsa -in hush-enc.key -passin file:/run/secrets/pass"],
         ["https://docs.openssl.org/3.0/man1/openssl-passphrase-options/"], score="password")

    rule("java.keytool.password", "keytool / jarsigner store or key password", "medium",
         r"(?i:-(?:storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass))"
         r"[ \t]{1,4}[\"']?(?<secret>" + ARG + r"{3,128})",
         ["keytool -importkeystore -srckeystore hush.p12 -srcstorepass %s -destkeystore hush.jks" % pw(),
          "jarsigner -keystore hush.jks -storepass '%s' -keypass %s hush.apk hush" % (pw(), pw())],
         ["keytool -list -keystore hush.jks",
          "keytool -list -keystore hush.jks -storepass:env HUSH_STOREPASS",
          "keytool -list -keystore cacerts -storepass changeit (default: low)"],
         ["https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html"], score="password")

    rule("htpasswd.cli.password", "htpasswd -b password argument", "medium",
         r"\bhtpasswd(?:[ \t]{1,4}-[a-zA-Z]{1,6}){0,3}[ \t]{1,4}-[a-zA-Z]{0,5}b[a-zA-Z]{0,5}"
         r"(?:[ \t]{1,4}-[a-zA-Z]{1,6}){0,3}[ \t]{1,4}(?:" + ARG + r"{1,256}[ \t]{1,4})?"
         + ARG + r"{1,128}[ \t]{1,4}[\"']?(?<secret>" + ARG + r"{3,128})",
         ["htpasswd -bc /etc/nginx/.htpasswd hush-admin %s" % pw(),
          "htpasswd -B -b /etc/hush/htpasswd hush '%s'" % pw()],
         ["htpasswd -c /etc/nginx/.htpasswd hush-admin",
          "htpasswd -bc /etc/nginx/.htpasswd hush-admin $ADMIN_PASSWORD"],
         ["https://httpd.apache.org/docs/2.4/programs/htpasswd.html"], score="password")

    rule("generic.bearer.short-token", "Short bearer token in an Authorization header", "medium",
         r"(?i:authorization" + HEADER_EQ + r"bearer[ \t]{1,4})(?<secret>[A-Za-z0-9._~+/-]{8,17}={0,2})(?:$|[ \t\"',;])",
         ["Authorization: Bearer %s" % fakes._choose(R, fakes.ALNUM + "._-", 16),
          '{"name": "Authorization", "value": "Bearer %s"}' % fakes._choose(R, fakes.ALNUM, 14)],
         ["Authorization: Bearer mF_9.B5f-4.1JqM (RFC 6750 example: low)",
          "Authorization: Bearer undefined",
          "Authorization: Bearer ${TOKEN}"],
         ["https://datatracker.ietf.org/doc/html/rfc6750#section-2.1"], score="generic")


def add_rules():
    assignments()
    written_in_place()
