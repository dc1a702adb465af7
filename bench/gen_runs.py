#!/usr/bin/env python3
"""Writes JSON Lines of Logic Apps / Power Automate run actions with NO secrets,
for measuring the JSON views (bench/views.sh).

    python3 bench/gen_runs.py BYTES [SEED] > runs.jsonl   (whole lines, at most BYTES)

Deterministic for a given BYTES and SEED.  Lines mimic run-history exports
written by .NET tools: `&`, `'`, `<`, `>` escaped as \\u0026 etc., `/` as `\\/`
in some, GUID correlation ids, content hashes, URLs with harmless queries.
Nothing here may look like a credential: no sig=/code=/key= parameters, no
members named like secrets, no eyJ prefixes.
"""
import random
import sys

ACTIONS = ["HTTP", "Compose", "Parse_JSON", "Condition", "Send_an_email", "List_rows",
           "Apply_to_each", "Update_item", "Get_items", "Initialize_variable"]
HOSTS = ["api.contoso.com", "orders.contoso.com", "hush-example.contoso.com"]
WORDS = ("order invoice customer shipment pending approved rejected north south east west "
         "blue green amber large small express standard warehouse").split()


def guid(r):
    h = "%032x" % r.getrandbits(128)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def words(r, n):
    return " ".join(r.choice(WORDS) for _ in range(n))


def line(r, n):
    wf, run = "%032x" % r.getrandbits(128), "08585%012d" % r.getrandbits(40)
    action = r.choice(ACTIONS) + ("_%d" % r.randint(1, 9) if r.random() < 0.5 else "")
    host = r.choice(HOSTS)
    slash = "\\/" if r.random() < 0.3 else "/"
    uri = "https:%s%s%s%sapi%sv2%sorders?page=%d\\u0026size=%d\\u0026sort=%s" % (
        slash, slash, host, slash, slash, slash, r.randint(1, 99), r.choice([25, 50, 100]),
        r.choice(WORDS))
    items = ",".join('{"id":%d,"name":"%s","note":"it\\u0027s %s \\u003E %d"}'
                     % (r.randint(1, 10**6), words(r, 2), words(r, 3), r.randint(1, 500))
                     for _ in range(r.randint(2, 6)))
    md5 = "%032x" % r.getrandbits(128)
    return ('{"id":"\\/workflows\\/%s\\/runs\\/%s\\/actions\\/%s","name":"%s",'
            '"type":"Microsoft.Logic\\/workflows\\/runs\\/actions","properties":{"status":"Succeeded",'
            '"code":"OK","startTime":"2026-11-%02dT%02d:%02d:%02d.%07dZ","endTime":"2026-11-%02dT%02d:%02d:%02d.%07dZ",'
            '"correlation":{"actionTrackingId":"%s","clientTrackingId":"%s"},'
            '"inputs":{"method":"GET","uri":"%s","headers":{"Accept":"application\\/json",'
            '"x-ms-client-request-id":"%s"}},"outputs":{"statusCode":200,"headers":{'
            '"Content-Type":"application\\/json; charset=utf-8","x-ms-request-id":"%s"},'
            '"body":{"value":[%s],"summary":"%s \\u0026 %s"}},'
            '"outputsLink":{"contentVersion":"%s","contentSize":%d,"contentHash":{"algorithm":"md5","value":"%s"}},'
            '"trackedProperties":{"line":%d,"region":"%s"}}}\n') % (
        wf, run, action, action,
        r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 9999999),
        r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 9999999),
        guid(r), guid(r), uri, guid(r), guid(r), items, words(r, 4), words(r, 3),
        md5[:22], r.randint(100, 90000), md5, n, r.choice(WORDS))


def main(argv):
    limit = int(argv[1])
    r = random.Random(int(argv[2]) if len(argv) > 2 else 4711)
    out, written, n = sys.stdout, 0, 0
    while written < limit:
        text = line(r, n)
        if written + len(text) > limit:
            break  # whole lines only: the file ends a little under BYTES
        out.write(text)
        written += len(text)
        n += 1


if __name__ == "__main__":
    main(sys.argv)
