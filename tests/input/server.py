#!/usr/bin/env python3
"""A local HTTP server for the input tests: serves tests/data/pages and the
awkward responses a URL reader meets (redirects, 404, slow, huge, gzip, a
feed that changes between reads).  Binds 127.0.0.1 on a free port and
writes the port to the file given as argv[1]; argv[2] is the pages folder,
argv[3] a file where the last User-Agent is written."""
import gzip
import http.server
import os
import sys
import threading
import time

PORT_FILE, PAGES, UA_FILE = sys.argv[1], sys.argv[2], sys.argv[3]
reads = {"changing": 0}
lock = threading.Lock()


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b"", extra=[("Location", where)])

    def do_GET(self):
        with open(UA_FILE, "w") as f:
            f.write(self.headers.get("User-Agent", ""))
        p = self.path.split("?")[0]
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        if p.startswith("/pages/"):
            name = os.path.basename(p)
            path = os.path.join(PAGES, name)
            if not os.path.exists(path):
                return self.send(404, b"not here")
            ctype = ("application/rss+xml" if name.endswith(".xml")
                     else "application/atom+xml" if name.endswith(".atom")
                     else "text/html")  # no charset: the page declares it
            return self.send(200, open(path, "rb").read(), ctype)
        if p == "/redirect":
            return self.redirect("/redirect2")
        if p == "/redirect2":
            return self.redirect("/pages/news-furniture.html")
        if p == "/loop":
            return self.redirect("/loop")
        if p == "/to-file":
            return self.redirect("file:///etc/passwd")
        if p == "/slow":
            time.sleep(8)
            return self.send(200, b"<p>too late</p>")
        if p == "/huge":  # no Content-Length: the size cap must stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"filler words " * 5000 + b"</p>\n"
            sent = 0
            try:
                while sent < 200 << 20:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if p == "/huge-declared":  # Content-Length says too much up front
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(500 << 20))
            self.end_headers()
            try:
                self.wfile.write(b"<p>start</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if p == "/cp1252-header":  # charset only in the HTTP header
            body = ("<html><body><p>L\u2019\u00e9t\u00e9 est arriv\u00e9 : "
                    "le march\u00e9 ouvre d\u00e9sormais \u00e0 7 heures, "
                    "et l\u2019entr\u00e9e co\u00fbte 2 \u20ac.</p></body></html>")
            return self.send(200, body.encode("cp1252"), "text/html; charset=windows-1252")
        if p == "/gzip":
            body = gzip.compress(open(os.path.join(PAGES, "blog-wordpress.html"), "rb").read())
            return self.send(200, body, extra=[("Content-Encoding", "gzip")])
        if p == "/changing.xml":
            with lock:
                reads["changing"] += 1
                n = reads["changing"]
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
                    '<item><title>Edition %d</title><link>%s/e/%d</link>'
                    '<description>This is edition number %d of the changing feed.</description>'
                    '</item></channel></rss>' % (n, base, n, n)).encode()
            return self.send(200, body, "application/rss+xml")
        if p == "/local-feed.xml":
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>l</title>'
                    '<item><title>Ferry strike ends</title>'
                    '<link>%s/pages/news-furniture.html</link>'
                    '<description>Crews return on Wednesday.</description></item>'
                    '<item><title>Broken link</title><link>%s/missing</link>'
                    '<description>The summary stays when the page fails.</description></item>'
                    '</channel></rss>' % (base, base)).encode()
            return self.send(200, body, "application/rss+xml")
        if p == "/dead-links.xml":  # every item links to a closed port
            items = "".join('<item><title>Dead %d</title><link>http://127.0.0.1:1/%d</link>'
                            '<description>Summary %d stays in place.</description></item>'
                            % (i, i, i) for i in range(6))
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>d</title>'
                    '%s</channel></rss>' % items).encode()
            return self.send(200, body, "application/rss+xml")
        return self.send(404, b"<p>not found</p>")


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
srv.daemon_threads = True
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
srv.serve_forever()
