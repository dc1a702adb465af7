"""Power Platform rules (patterns/powerplatform.json): signatures of Logic Apps
and Power Automate trigger and run-history URLs, Dataverse connection
strings."""

from rulepack.common import *  # noqa: F401,F403


def logic_apps():
    R = first_pack_rng(skip=206)
    tail = QCHAR + r"{0,600}?" + QSEP + r"sig=(?<secret>" + B64URL + r"{43})"
    u1 = fakes.logic_apps_trigger_url(rng=R)
    u2 = fakes.logic_apps_trigger_url(region="eastus2", rng=R).replace("&", "\\u0026")
    rule("powerplatform.logicapps.trigger-sig",
         "Logic Apps trigger URL signature", "high",
         r"\.logic\.azure\.(?:com|us|cn)(?::443)?/workflows/[0-9a-fA-F]{32}/triggers/"
         r"[^/?#\"' \t\r\n]{1,80}/paths/invoke\?" + tail,
         ['POST %s HTTP/1.1' % u1,
          '{"value": "%s"}' % u2],
         ["https://prod-12.westeurope.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
          "?api-version=2016-10-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=tooShortForASig"
          % fakes._choose(R, fakes.HEX, 32),
          "https://prod-12.westeurope.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
          "?api-version=2016-10-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=@{parameters('sig')}"
          % fakes._choose(R, fakes.HEX, 32)],
         ["https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app"])
    u3 = fakes.power_automate_trigger_url(rng=R)
    rule("powerplatform.flow.trigger-sig",
         "Power Automate HTTP trigger URL signature", "high",
         r"\.environment\.api\.powerplatform\.com(?::443)?/powerautomate/automations/direct/"
         r"workflows/[0-9a-fA-F]{32}/triggers/[^/?#\"' \t\r\n]{1,80}/paths/invoke\?" + tail,
         ['"HTTP_URL": "%s"' % u3],
         ["https://hush-example.environment.api.powerplatform.com/powerautomate/flows/%s/details"
          % fakes.guid(R),
          "https://%s.environment.api.powerplatform.com:443/powerautomate/automations/direct/"
          "workflows/%s/triggers/manual/paths/invoke?api-version=1&sv=1.0&sig=REDACTED"
          % (fakes._choose(R, fakes.HEX, 30), fakes._choose(R, fakes.HEX, 32))],
         ["https://learn.microsoft.com/en-us/power-automate/oauth-authentication"])
    u4 = fakes.logic_apps_standard_trigger_url(rng=R)
    rule("powerplatform.logicapps-standard.trigger-sig",
         "Logic Apps Standard trigger URL signature", "high",
         r"\.azurewebsites\.net(?::443)?/api/[^/?#\"' \t\r\n]{1,80}/triggers/"
         r"[^/?#\"' \t\r\n]{1,80}/invoke\?" + tail,
         ["2024-05-02T10:11:12Z callback url %s (hush test)" % u4],
         ["https://hush-example-la.azurewebsites.net/api/order-flow/triggers/manual/invoke"
          "?api-version=2022-05-01&sv=1.0",
          "https://hush-example-fn.azurewebsites.net/api/HttpTrigger?code=%s" % fakes.function_key(R)],
         ["https://learn.microsoft.com/en-us/azure/logic-apps/create-single-tenant-workflows-azure-portal"])
    c1 = fakes.run_content_link(rng=R)
    c2 = fakes.run_content_link(kind="ActionInputs", rng=R).replace("&", "\\u0026")
    rule("powerplatform.logicapps.content-link-sig",
         "Logic Apps / Power Automate run-history content link signature", "high",
         r"/contents/(?:Action|Trigger)[A-Za-z]{0,24}(?:Inputs|Outputs)\?" + tail,
         ['"outputsLink": {"uri": "%s", "contentVersion": "fake"}' % c1,
          '"inputsLink":{"uri":"%s"}' % c2],
         ['"outputsLink": {"uri": "https://prod-07.westeurope.logic.azure.com/workflows/x/runs/y/'
          'actions/HTTP/contents/ActionOutputs?api-version=2016-10-01", "contentSize": 120}',
          "/contents/ActionOutputs?sig=abc"],
         ["https://learn.microsoft.com/en-us/rest/api/logic/workflow-run-actions/get"])


def dataverse():
    R = first_pack_rng(skip=3059)
    rule("powerplatform.dataverse.client-secret",
         "Dataverse connection string client secret", "high",
         r"(?i:AuthType[ \t]{0,2}=[ \t]{0,2}ClientSecret)[^\r\n]{0,400}?"
         r"(?i:\b(?:ClientSecret|Secret)[ \t]{0,2}=)[ \t]{0,2}(?<secret>" + CSVALUE + r")",
         ["AuthType=ClientSecret;Url=https://hush-example.crm4.dynamics.com;ClientId=%s;ClientSecret=%s"
          % (fakes.guid(R), fakes.password(R, 24).replace(";", "!")),
          "AuthType=ClientSecret; Url=https://contoso-fake.crm.dynamics.com; ClientId=%s; Secret='%s'"
          % (fakes.guid(R), fakes.password(R, 20).replace("'", "!").replace(";", "!"))],
         ["AuthType=ClientSecret;Url=https://hush-example.crm.dynamics.com;ClientId=%s" % fakes.guid(R),
          "AuthType=Certificate;Url=https://hush-example.crm.dynamics.com;Thumbprint=ABC;ClientSecret=x1"],
         ["https://learn.microsoft.com/en-us/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect"])
    rule("powerplatform.dataverse.password",
         "Dataverse connection string password", "high",
         r"(?i:AuthType[ \t]{0,2}=[ \t]{0,2}(?:OAuth|Office365))[^\r\n]{0,400}?"
         r"(?i:\b(?:Password|Pwd)[ \t]{0,2}=)[ \t]{0,2}(?<secret>" + CSVALUE + r")",
         ["AuthType=OAuth;Username=hush@contoso.example;Password=%s;Url=https://hush-example.crm.dynamics.com;"
          "AppId=51f81489-12ee-4a9e-aaae-a2591f45987d;RedirectUri=app://58145B91-0C36-4500-8554-080854F2AC97"
          % fakes.password(R).replace(";", "!")],
         ["AuthType=OAuth;Username=hush@contoso.example;Url=https://hush-example.crm.dynamics.com;LoginPrompt=Auto",
          "AuthType=OAuth;Username=hush@contoso.example;Password=********;Url=https://x.crm.dynamics.com"],
         ["https://learn.microsoft.com/en-us/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect"])


def add_rules():
    logic_apps()
    dataverse()
