#!/usr/bin/env python3
"""Writes tests/csp/corpus.json: allowlists and URLs for the CSP differential test.

Each URL is judged twice in Chromium (tests/csp_browser.rs): by our guard (compiled to wasm)
and by the browser's own CSP. The recorded `browser` verdicts (filled in from a Chromium run
with `--record`, see tests/csp_browser.rs) let the native test hold the CLI to the same answers.
Hosts are fictional; IP literals are loopback only: allowed fetches must not leave the machine.
Existing `browser` verdicts are kept for URLs that are still in the corpus.
"""
import json, os, sys

LISTS = {
    # Ten entries, as a production manifest might have (also the benchmark's list).
    "prod": [
        "https://api.example.com/v1/",
        "https://exact.example.org/hooks/sync",
        "https://*.cdn.example.net/assets/",
        "https://ports.example.com:8443/p/",
        "https://sync.customer-sync.example/api/",
        "https://xn--bcher-kva.example/books/",
        "https://default443.example.com:443/d/",
        "https://upper.example.com/CaseSensitive/",
        "https://enc.example.com/a%20b/",
        "https://anyport.example.com:*/any/",
    ],
    # A development manifest: http for local servers.
    "dev": [
        "http://localhost:8888/dev/",
        "http://127.0.0.1:8899/local/",
        "https://*.example.com/wild/",
        "http://plain.example.com/h/",
    ],
}

def variants(entry):
    """Tricky spellings around one entry."""
    scheme, rest = entry.split("://", 1)
    hostport, path = rest.split("/", 1)
    path = "/" + path
    host, _, port = hostport.partition(":")
    hp = hostport if port not in ("", "*") else host
    if port == "*":
        hp = host + ":9999"
    base = f"{scheme}://{hp}"
    prefix = path.endswith("/")
    inside = path + "x" if prefix else path
    out = [
        base + inside, base + path, base + inside + "?q=1&r=/../x", base + inside + "#frag/../x",
        scheme.upper() + "://" + hp + inside, f"{scheme}://{hp.upper()}{inside}",
        f"{scheme}://{host}.{(':' + port) if port not in ('', '*') else ''}{inside}",
        f"{scheme}://user:pass@{hp}{inside}", f"{scheme}://{hp}@evil.example.com{inside}",
        f"{scheme}://evil.example.com@{hp}{inside}", f"{scheme}://{hp}\\{inside[1:]}",
        f"{scheme}:\\\\{hp}{inside}", f"{scheme}://{hp}{inside}".replace(host, host[:3] + "\t" + host[3:], 1),
        f"{scheme}://{hp}{inside}\n", f" {scheme}://{hp}{inside}", f"{scheme}://{hp}{path}%2e%2e/escape",
        f"{scheme}://{hp}{path}..%2fescape", f"{scheme}://{hp}{path}%2F..%2Fx", f"{scheme}://{hp}{path}../x",
        f"{scheme}://{hp}{path}./x", f"{scheme}://{hp}{path}x/../y", f"{scheme}://{hp}{path}%2e/x",
        f"{scheme}://{hp}{path.rstrip('/')}", f"{scheme}://{hp}{path.rstrip('/')}0/x",
        f"{scheme}://{hp}{path.upper()}x", f"{scheme}://{hp}/{path[1:].replace('/', '//', 1)}x",
        f"{scheme}://{hp}", f"{scheme}://{hp}/", f"{scheme}://{hp}{path}%zz",
        f"{scheme}://{hp}{path}ü", f"{scheme}://{hp}{''.join('%%%02X' % ord(c) if c.isalnum() else c for c in path)}x",
    ]
    if scheme == "https":
        out += [f"http://{hp}{inside}", f"wss://{hp}{inside}", f"ftp://{hp}{inside}"]
    else:
        out += [f"https://{hp}{inside}", f"https://{host}:443{inside}", f"https://{host}{inside}"]
    for p in ["443", "80", "8443", "0443", "65535", "99999", "8888"]:
        out.append(f"{scheme}://{host}:{p}{inside}")
    if host.startswith("*."):
        apex = host[2:]
        out = [u.replace("*.", "a.") for u in out]
        out += [f"{scheme}://{apex}{inside}", f"{scheme}://b.a.{apex}{inside}",
                f"{scheme}://evil{apex}{inside}", f"{scheme}://x.{apex}.evil.com{inside}",
                f"{scheme}://X.{apex.upper()}{inside}", f"{scheme}://x.{apex}.{inside}",
                f"{scheme}://.{apex}{inside}", f"{scheme}://*.{apex}{inside}"]
    return out

EXTRA = {
    "prod": [
        "https://bücher.example/books/x", "https://BÜCHER.example/books/x",
        "https://XN--BCHER-KVA.example/books/x", "https://xn--bcher-kva.example./books/x",
        "https://b\u00fccher.example/Books/x", "https://xn--bcher-kva.example/books/%C3%BC",
        "https://enc.example.com/a b/x", "https://enc.example.com/a%20b/x",
        "https://enc.example.com/a+b/x", "https://enc.example.com/a%2520b/x",
        "https://enc.example.com/A%20B/x", "https://upper.example.com/casesensitive/x",
        "https://upper.example.com/CaseSensitive/x", "https://upper.example.com/CASESENSITIVE/x",
        "https://api.stripe.com/v1/customers", "https://files.stripe.com/v1/files",
        "https://API.STRIPE.COM/v1/customers", "https://api.stripe.com./v1/customers",
        "https://connect.stripe.com/oauth", "https://stripe.com/", "https://evilstripe.com/v1/",
        "data:text/plain,hello", "javascript:alert(1)", "blob:https://api.example.com/0000",
        "file:///etc/passwd", "about:blank", "//api.example.com/v1/x", "/v1/x", "api.example.com/v1/x",
        "https://[::1]/v1/x", "https://[::ffff:7f00:1]/v1/x", "https://127.0.0.1/v1/x",
        "https://api.example.com:/v1/x", "https://api.example.com:443:443/v1/x",
        "https:api.example.com/v1/x", "https:/api.example.com/v1/x", "https:///api.example.com/v1/x",
        "https://api.example.com/v1/x?", "https://api.example.com/v1/x#",
        "https://api.example.com/v1/" + "a" * 2000, "https://api.example.com/v1/a;b=c",
        "https://api.example.com/v1/%00", "https://api.example.com/v1/\u00a0",
        "https://api.example.com\u3002com/v1/x", "https://api\uff0eexample\uff0ecom/v1/x",
        "https://api.example.com%2F@evil.example.com/v1/x", "https://api.example.com%40evil.example.com/v1/",
        "https://api.example.com/v1/..", "https://api.example.com/v1/.", "https://api.example.com/v1/%2e",
        "https://api.example.com/v1/%2E%2E/x", "https://api.example.com/v1/.%2e/x",
        "https://exact.example.org/hooks/sync/", "https://exact.example.org/hooks/sync?x=1",
        "https://exact.example.org/hooks%2Fsync", "https://exact.example.org/hooks/%73ync",
        "https://exact.example.org/hooks/sync/..", "https://exact.example.org/hooks/x/../sync",
        "https://ports.example.com/p/x", "https://ports.example.com:8443/p/x",
        "https://ports.example.com:08443/p/x", "https://anyport.example.com/any/x",
        "https://anyport.example.com:1/any/x", "https://default443.example.com/d/x",
        "https://default443.example.com:443/d/x", "https://default443.example.com:8443/d/x",
        "https://sync.customer-sync.example/api/customers/cus_123",
        "https://sync.customer-sync.example/api", "https://sync.customer-sync.example/apix/",
        "https://sync.customer-sync.example/API/customers",
    ],
    "dev": [
        "http://localhost:8888/dev/x", "http://LOCALHOST:8888/dev/x", "http://localhost.:8888/dev/x",
        "http://localhost:8889/dev/x", "http://localhost/dev/x", "https://localhost:8888/dev/x",
        "http://127.0.0.1:8899/local/x", "http://127.1:8899/local/x", "http://0x7f.0.0.1:8899/local/x",
        "http://2130706433:8899/local/x", "http://0177.0.0.1:8899/local/x", "http://[::1]:8899/local/x",
        "http://[::ffff:127.0.0.1]:8899/local/x", "http://127.0.0.1.:8899/local/x",
        "http://localhost:8899/local/x", "http://127.0.0.2:8899/local/x",
        "https://example.com/wild/x", "https://a.example.com/wild/x", "https://a.b.example.com/wild/x",
        "http://a.example.com/wild/x", "https://plain.example.com/h/x", "https://plain.example.com:443/h/x",
        "http://plain.example.com:80/h/x", "https://plain.example.com:80/h/x", "http://plain.example.com:443/h/x",
    ],
}

def main():
    path = os.path.join(os.path.dirname(__file__), "..", "tests", "csp", "corpus.json")
    old = {}
    if os.path.exists(path):
        for c in json.load(open(path))["cases"]:
            if "browser" in c:
                old[(c["list"], c["url"])] = c["browser"]
    cases, seen = [], set()
    for name, entries in LISTS.items():
        urls = [u for e in entries for u in variants(e)] + EXTRA[name]
        for u in urls:
            if (name, u) in seen:
                continue
            seen.add((name, u))
            case = {"list": name, "url": u}
            if (name, u) in old:
                case["browser"] = old[(name, u)]
            cases.append(case)
    json.dump({"lists": LISTS, "cases": cases}, open(path, "w"), indent=1, ensure_ascii=False)
    open(path, "a").write("\n")
    print(f"{len(cases)} cases ({sum('browser' in c for c in cases)} with recorded browser verdicts)")

if __name__ == "__main__":
    main()
