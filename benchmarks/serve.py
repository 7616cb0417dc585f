"""Serve archive.wsgi on loopback with the standard library's WSGI server, one request at a time.

    DATABASE_URL=... SECRET_KEY=... python benchmarks/serve.py 127.0.0.1 8123

The benchmark measures this process: time to first byte over a real socket, and its peak memory
(/proc/<pid>/status VmHWM, reset between measurements). Responses stream as the application yields them.
"""

import sys
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's signature
        pass


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    from archive.wsgi import application

    server = make_server(host, port, application, server_class=WSGIServer, handler_class=QuietHandler)
    print(f"serving on http://{host}:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
