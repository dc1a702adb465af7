"""IoT platform credentials (patterns/iot.json): Adafruit IO, Blynk,
particle.io, ThingsBoard, Ubidots, ThingSpeak, Samsara.

Most IoT device tokens have no prefix; they are recognised by the API URL or
the request they sit in (`blynk.cloud/external/api/...?token=`,
`api.particle.io ... access_token=`, ThingsBoard's `/api/v1/{token}/telemetry`).
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("iot")

_fake = Fakes(R)
_alnum, _hex, _b64url = _fake.alnum, _fake.hex, _fake.b64url


def add_rules():
    rule("adafruit.io-key", "Adafruit IO key", "high",
         r"\b(?<secret>aio_[A-Za-z0-9]{28})\b",
         ['#define IO_KEY "aio_%s"' % _alnum(28),
          "ADAFRUIT_IO_KEY=aio_%s" % _alnum(28),
          "curl -H \"X-AIO-Key: aio_%s\" https://io.adafruit.com/api/v2/hush-test/feeds" % _alnum(28)],
         ["ADAFRUIT_IO_KEY=aio_%s" % _alnum(20),
          '#define IO_KEY "aio_<your key>"',
          "aio_%s_extra" % _alnum(28)],
         ["https://io.adafruit.com/api/docs/#authentication"])

    # ---- Blynk ------------------------------------------------------------
    blynk_refs = ["https://docs.blynk.io/en/blynk.cloud/device-https-api/get-datastream-value",
                  "https://docs.blynk.io/en/blynk.cloud/device-https-api/update-datastream-value"]
    rule("blynk.device-token.url", "Blynk device auth token in an HTTPS API URL", "high",
         r"(?i:blynk\.cloud)/external/api/[A-Za-z0-9/_.-]{1,64}\?(?:[^ \t\r\n\"'<>#]{0,200}&)?token="
         r"(?<secret>[A-Za-z0-9_-]{32})",
         ['curl "https://blynk.cloud/external/api/get?token=%s&V1"' % _b64url(32),
          "GET https://fra1.blynk.cloud/external/api/update?token=%s&v2=1" % _b64url(32),
          "https://lon1.blynk.cloud/external/api/batch/update?V1=5&token=%s" % _b64url(32)],
         ['curl "https://blynk.cloud/external/api/get?token={token}&V1"',
          "https://blynk.cloud/external/api/get?token=%s&V1" % _b64url(20),
          "https://contoso.example.org/external/api/get?token=%s" % _b64url(32)],
         blynk_refs)
    rule("blynk.device-token", "Blynk device auth token (firmware define)", "medium",
         r"(?i:blynk_?auth(?:_?token)?)(?:[ \t]{1,8}\"|" + ASSIGN + r")(?<secret>[A-Za-z0-9_-]{32})\b",
         ['#define BLYNK_AUTH_TOKEN "%s"' % _alnum(32),
          "BLYNK_AUTH_TOKEN=%s" % _alnum(32),
          '{"blynkAuth": "%s"}' % _alnum(32)],
         ['#define BLYNK_AUTH_TOKEN "YourAuthToken"',
          '#define BLYNK_AUTH_TOKEN "%s"' % _alnum(20),
          '#define BLYNK_TEMPLATE_ID "TMPL%s"' % _alnum(8)],
         ["https://docs.blynk.io/en/getting-started/activating-devices/manual-device-activation"])
    org_refs = ["https://docs.blynk.io/en/blynk.cloud/platform-https-api/authentication"]
    rule("blynk.organization-token", "Blynk organization (platform API) access token", "high",
         r"(?i:blynk\.cloud)/api/[^\r\n]{0,200}?(?i:bearer)[ \t]{1,4}(?<secret>[A-Za-z0-9_-]{40})\b",
         ['curl https://fra1.blynk.cloud/api/organization/profile -H "Authorization: Bearer %s"' % _alnum(40),
          'GET https://blynk.cloud/api/devices/list {"headers": {"Authorization": "Bearer %s"}}' % _alnum(40)],
         ['curl https://fra1.blynk.cloud/api/organization/profile -H "Authorization: Bearer $TOKEN"',
          'curl https://fra1.blynk.cloud/api/organization/profile -H "Authorization: Bearer %s"' % _alnum(30)],
         org_refs)
    rule("blynk.organization-token.header-first",
         "Blynk organization access token (header before the URL)", "high",
         r"(?i:bearer)[ \t]{1,4}(?<secret>[A-Za-z0-9_-]{40})\b[^\r\n]{0,200}?(?i:blynk\.cloud)/api/",
         ['curl -H "Authorization: Bearer %s" https://fra1.blynk.cloud/api/organization/profile' % _alnum(40),
          'curl -H "Authorization: Bearer %s" https://blynk.cloud/api/devices/list' % _alnum(40)],
         ['curl -H "Authorization: Bearer %s" https://contoso.com/api/organization/profile' % _alnum(40),
          'curl -H "Authorization: Bearer <token>" https://fra1.blynk.cloud/api/organization/profile'],
         org_refs)
    oa2 = "oa2-client-id_"

    def client_id():
        return oa2 + _b64url(32)
    rule("blynk.oauth-client-secret", "Blynk organization OAuth client secret (id:secret)", "high",
         r"\boa2-client-id_[A-Za-z0-9_-]{8,64}:(?<secret>[A-Za-z0-9]{40})\b",
         ["curl -X POST https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials -u %s:%s"
          % (client_id(), _alnum(40)),
          "BLYNK_CLIENT=%s:%s" % (client_id(), _alnum(40))],
         ["curl -X POST https://fra1.blynk.cloud/oauth2/token -u %s:$CLIENT_SECRET" % client_id(),
          "-u %s:%s" % (client_id(), _alnum(20))],
         org_refs)
    rule("blynk.oauth-client-secret.param", "Blynk organization OAuth client secret (form parameter)", "high",
         r"\boa2-client-id_[A-Za-z0-9_-]{8,64}[^\r\n]{0,64}?(?i:client_?secret)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{40})\b",
         ["curl -X POST 'https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials&client_id=%s&client_secret=%s'"
          % (client_id(), _alnum(40)),
          '{"client_id": "%s", "client_secret": "%s"}' % (client_id(), _alnum(40))],
         ['{"client_id": "%s", "client_secret": "<secret>"}' % client_id(),
          "client_id=%s&client_secret=%s" % (client_id(), _alnum(16))],
         org_refs)

    # ---- particle.io --------------------------------------------------------
    particle_refs = ["https://docs.particle.io/reference/cloud-apis/api/#authentication"]
    rule("particle.access-token", "particle.io access token (API URL first)", "high",
         r"(?i:api\.particle\.io)/v1/[^\r\n]{0,200}?(?:access_token=|(?i:bearer)[ \t]{1,4})"
         r"(?<secret>[0-9a-f]{40})\b",
         ['curl https://api.particle.io/v1/devices -H "Authorization: Bearer %s"' % _hex(40),
          "curl https://api.particle.io/v1/devices -d access_token=%s" % _hex(40),
          'curl "https://api.particle.io/v1/devices/events?access_token=%s"' % _hex(40)],
         ["curl https://api.particle.io/v1/devices -d access_token=$PARTICLE_TOKEN",
          "curl https://api.particle.io/v1/devices -d access_token=%s" % _hex(32)],
         particle_refs)
    rule("particle.access-token.before-url", "particle.io access token (before the API URL)", "high",
         r"(?:access_token=|(?i:bearer)[ \t]{1,4})(?<secret>[0-9a-f]{40})\b[^\r\n]{0,200}?(?i:api\.particle\.io)/v1/",
         ['curl -H "Authorization: Bearer %s" https://api.particle.io/v1/devices' % _hex(40),
          "curl -d access_token=%s https://api.particle.io/v1/devices" % _hex(40)],
         ["curl -d access_token=%s https://api.contoso.com/v1/devices" % _hex(40),
          "curl -d access_token=%s https://api.particle.io/v1/devices" % _hex(30)],
         particle_refs)
    rule("particle.access-token.assignment", "particle.io access token (key name)", "medium",
         r"(?i:particle[a-z0-9_.-]{0,24}?(?:token|key|secret))" + ASSIGN + r"(?<secret>[0-9a-f]{40})\b",
         ["PARTICLE_ACCESS_TOKEN=%s" % _hex(40),
          '{"particleToken": "%s"}' % _hex(40)],
         ["PARTICLE_ACCESS_TOKEN=%s" % _hex(30),
          "PARTICLE_DEVICE_ID=%s" % _hex(24)],
         particle_refs)

    # ---- ThingsBoard --------------------------------------------------------
    tb_refs = ["https://thingsboard.io/docs/reference/http-api/"]
    rule("thingsboard.access-token.url", "ThingsBoard device access token in an HTTP/CoAP API URL", "medium",
         r"/api/v1/(?<secret>[A-Za-z0-9]{20})/(?:telemetry|attributes|rpc|claim|firmware|software)\b",
         ["curl -X POST http://thingsboard.contoso.com:8080/api/v1/%s/telemetry -d '{\"temperature\": 25}'"
          % fakes._choose(R, LOWER_ALNUM, 20),
          "coap-client -m post coap://coap.thingsboard.cloud/api/v1/%s/telemetry -f telemetry.json"
          % _alnum(20)],
         ["curl http://thingsboard.contoso.com:8080/api/v1/$ACCESS_TOKEN/telemetry",
          "http://thingsboard.contoso.com/api/v1/%s/telemetry" % _alnum(12),
          "http://thingsboard.contoso.com/api/v1/%s/devices" % _alnum(20)],
         tb_refs)
    rule("thingsboard.access-token.mqtt", "ThingsBoard device access token as MQTT user name", "medium",
         r"v1/devices/me/(?:telemetry|attributes|rpc)[^\r\n]{0,120}?[ \t]-u[ \t]{1,4}[\"']?(?<secret>[A-Za-z0-9]{20})\b",
         ['mosquitto_pub -d -q 1 -h "thingsboard.contoso.com" -p 1883 -t "v1/devices/me/telemetry" -u "%s" -m "{temperature:25}"'
          % fakes._choose(R, LOWER_ALNUM, 20),
          "mosquitto_pub -t v1/devices/me/attributes -h tb.contoso.com -u %s -m '{}'" % _alnum(20)],
         ['mosquitto_pub -t "v1/devices/me/telemetry" -u "$ACCESS_TOKEN" -m "{}"',
          'mosquitto_pub -t "v1/devices/me/telemetry" -u "%s" -m "{}"' % _alnum(10)],
         ["https://thingsboard.io/docs/reference/mqtt-api/"])
    rule("thingsboard.provision-device-secret", "ThingsBoard device provisioning secret", "medium",
         r"(?i:provision_?device_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{8,64})\b",
         ['{"deviceName": "hush-test-sensor", "provisionDeviceKey": "%s", "provisionDeviceSecret": "%s"}'
          % (fakes._choose(R, LOWER_ALNUM, 20), fakes._choose(R, LOWER_ALNUM, 20)),
          "PROVISION_DEVICE_SECRET=%s" % _alnum(20)],
         ['{"provisionDeviceSecret": "<secret>"}',
          '{"provisionDeviceKey": "%s"}' % fakes._choose(R, LOWER_ALNUM, 20)],
         ["https://thingsboard.io/docs/user-guide/device-provisioning/"])

    # ---- others -------------------------------------------------------------
    rule("ubidots.token", "Ubidots API token", "high",
         r"\b(?<secret>BB(?:FF|US)-[A-Za-z0-9]{30})\b",
         ["UBIDOTS_TOKEN=BBFF-%s" % _alnum(30),
          'curl -H "X-Auth-Token: BBUS-%s" https://industrial.api.ubidots.com/api/v2.0/devices/' % _alnum(30)],
         ["UBIDOTS_TOKEN=BBFF-%s" % _alnum(20),
          "UBIDOTS_TOKEN=BBFF-<token>"],
         ["https://docs.ubidots.com/reference/authentication"])
    rule("thingspeak.api-key.url", "ThingSpeak API key in an API URL", "high",
         r"(?i:api\.thingspeak\.com)/[^ \t\r\n\"'<>#?]{1,80}\?(?:[^ \t\r\n\"'<>#]{0,100}&)?api_key="
         r"(?<secret>[A-Z0-9]{16})\b",
         ["GET https://api.thingspeak.com/update?api_key=%s&field1=42"
          % fakes._choose(R, fakes.string.ascii_uppercase + fakes.string.digits, 16),
          '"url": "https://api.thingspeak.com/channels/1234/feeds.json?results=2&api_key=%s"'
          % fakes._choose(R, fakes.string.ascii_uppercase + fakes.string.digits, 16)],
         ["https://api.thingspeak.com/update?api_key=YOUR_WRITE_KEY&field1=0",
          "https://api.thingspeak.com/update?api_key=%s" % _alnum(10).upper()],
         ["https://www.mathworks.com/help/thingspeak/writedata.html"])
    rule("thingspeak.api-key", "ThingSpeak API key (key name)", "medium",
         r"(?i:thingspeak[a-z0-9_.-]{0,24}?(?:key|token))" + ASSIGN + r"(?<secret>[A-Z0-9]{16})\b",
         ["THINGSPEAK_WRITE_API_KEY=%s" % fakes._choose(R, fakes.string.ascii_uppercase + fakes.string.digits, 16),
          'const char* thingspeakApiKey = "%s";' % fakes._choose(R, fakes.string.ascii_uppercase + fakes.string.digits, 16)],
         ["THINGSPEAK_WRITE_API_KEY=%s" % _alnum(12).upper(),
          "THINGSPEAK_CHANNEL_ID=1234567"],
         ["https://www.mathworks.com/help/thingspeak/writedata.html"])
    rule("samsara.api-token", "Samsara API token", "high",
         r"\b(?<secret>samsara_api_[A-Za-z0-9]{30})\b",
         ["SAMSARA_API_TOKEN=samsara_api_%s" % _alnum(30),
          'curl https://api.samsara.com/fleet/vehicles -H "Authorization: Bearer samsara_api_%s"' % _alnum(30)],
         ["SAMSARA_API_TOKEN=samsara_api_%s" % _alnum(12),
          "SAMSARA_API_TOKEN=samsara_api_<token>"],
         ["https://developers.samsara.com/docs/authentication"])
    rule("arduino.cloud-client-secret", "Arduino Cloud API client secret", "medium",
         r"(?i:arduino[a-z0-9_.-]{0,24}?client_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{40,80})\b",
         ["ARDUINO_CLIENT_SECRET=%s" % _alnum(64),
          '{"arduinoCloudClientSecret": "%s", "clientId": "%s"}' % (_alnum(64), _alnum(32))],
         ["ARDUINO_CLIENT_SECRET=<client secret>",
          "ARDUINO_CLIENT_ID=%s" % _alnum(32)],
         ["https://docs.arduino.cc/arduino-cloud/api/arduino-iot-api/"])
    rule("tuya.access-secret", "Tuya IoT platform access secret", "medium",
         r"(?i:tuya[a-z0-9_.-]{0,24}?(?:access_?secret|client_?secret|secret))" + ASSIGN + r"(?<secret>[0-9a-f]{32})\b",
         ["TUYA_ACCESS_SECRET=%s" % _hex(32),
          '{"tuya": {"accessId": "%s"}, "tuyaClientSecret": "%s"}' % (fakes._choose(R, LOWER_ALNUM, 20), _hex(32))],
         ["TUYA_ACCESS_ID=%s" % fakes._choose(R, LOWER_ALNUM, 20),
          "TUYA_ACCESS_SECRET=%s" % _hex(20)],
         ["https://developer.tuya.com/en/docs/iot/authentication-method"])
    rule("balena.api-key", "balenaCloud API key", "medium",
         r"(?i:balena[a-z0-9_.-]{0,24}?(?:api_?key|token))" + ASSIGN + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["BALENA_API_KEY=%s" % _alnum(32),
          '{"balenaToken": "%s", "fleet": "hush-test"}' % _alnum(32)],
         ["BALENA_API_KEY=<api key>",
          "BALENA_API_KEY=%s" % _alnum(20)],
         ["https://docs.balena.io/learn/accounts/account/#api-keys"])
