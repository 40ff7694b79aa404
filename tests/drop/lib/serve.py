"""A throwaway HTTP server for the drop tests: serves a folder on 127.0.0.1
at a free port, which it writes to a file once it listens.  A path under
/slow/ is served after NB_SLOW seconds (default 3), so a test can keep a
drop busy while it holds its lock."""
import http.server
import os
import sys
import time

root, portfile = sys.argv[1], sys.argv[2]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=root, **kwargs)

    def do_GET(self):
        if self.path.startswith("/slow/"):
            time.sleep(float(os.environ.get("NB_SLOW", "3")))
            self.path = self.path[5:]
        super().do_GET()

    def log_message(self, *args):
        pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(srv.server_port))
os.rename(portfile + ".tmp", portfile)
srv.serve_forever()
