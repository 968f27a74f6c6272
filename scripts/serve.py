#!/usr/bin/env python3
"""Serve a folder on 127.0.0.1 with the MIME types the explorer needs (application/wasm)."""
import argparse
import functools
import http.server
import sys

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript',
                      '.txb': 'application/octet-stream', '.html': 'text/html'}

    def log_message(self, fmt, *args):
        pass

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--port', type=int, default=8000)
    ap.add_argument('root')
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.root)
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', a.port), handler)
    print(f'Transcript Explorer: http://127.0.0.1:{a.port}/', flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)

if __name__ == '__main__':
    main()
