import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'dom', 'x');

/** Fixture pages by path, as X's URLs are. */
export const X_PAGES: Record<string, string> = {
  '/home': 'home-inline.html',
  '/compose/post': 'compose-modal.html',
  '/compose/reply': 'reply-dialog.html',
  '/compose/thread': 'thread-modal.html',
  '/broken/button': 'broken-button.html',
  '/broken/editor': 'broken-editor.html',
};

const FIXTURE_HOSTS = new Set(['x.com', 'twitter.com']);

/**
 * Like X's own policy where it matters: previews and uploads are blob: URLs, styles may be inline.
 * Checkpost's panel (shadow DOM, blob: thumbnails) must work under it.
 */
const X_LIKE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self' blob:",
  "object-src 'none'",
].join('; ');

/** The host name a TLS ClientHello asks for (its server_name extension), read from the first bytes. */
function serverName(hello: Buffer): string | null {
  // record header 5, handshake header 4, version 2, random 32
  let at = 5 + 4 + 2 + 32;
  if (at >= hello.length) return null;
  at += 1 + hello[at]!; // session id
  at += 2 + hello.readUInt16BE(at); // cipher suites
  at += 1 + hello[at]!; // compression methods
  const end = at + 2 + hello.readUInt16BE(at);
  at += 2;
  while (at + 4 <= end && at + 4 <= hello.length) {
    const type = hello.readUInt16BE(at);
    const length = hello.readUInt16BE(at + 2);
    if (type === 0) return hello.toString('latin1', at + 4 + 5, at + 4 + length); // list length 2, name type 1, name length 2
    at += 4 + length;
  }
  return null;
}

function hostHeader(request: Buffer): string | null {
  return /\r\nhost:\s*([^\r\n:]+)/i.exec(request.toString('latin1'))?.[1] ?? null;
}

/** A 1x1 grey PNG for the avatars and timeline photos of the fixtures. */
const GREY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4BwAA3QDd1Ok9yQAAAABJRU5ErkJggg==', 'base64');

export interface HostHit {
  at: number;
  host: string;
  url: string;
}

export interface FixtureServer {
  port: number;
  /** Every request and TLS handshake that reached the server, fixture or not, in order. */
  hits: HostHit[];
  /** Hosts other than the fixture's that anything tried to reach since `since` (ms, Date.now()). */
  foreignHostsSince(since: number): string[];
  close(): Promise<void>;
}

function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=x.com',
      '-addext',
      'subjectAltName=DNS:x.com,DNS:twitter.com',
    ],
    {
      stdio: 'ignore',
    },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

/**
 * Serves X's composer fixtures over HTTPS for x.com and twitter.com. Chromium is pointed at it
 * with `--host-resolver-rules=MAP * 127.0.0.1:<port>`, so every host name any part of the browser
 * (pages, content scripts, service worker, offscreen document) tries to reach lands here and is
 * recorded: the fixture's hosts get pages, any other host is a request that should not exist.
 */
export async function startFixtureServer(certDir: string): Promise<FixtureServer> {
  const hits: HostHit[] = [];
  const hostOf = (request: IncomingMessage) => (request.headers.host ?? '').replace(/:\d+$/, '');

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const host = hostOf(request);
    const path = new URL(request.url ?? '/', 'https://x.com').pathname;
    if (!FIXTURE_HOSTS.has(host)) {
      response.writeHead(404).end();
      return;
    }
    const page = X_PAGES[path];
    if (page !== undefined) {
      const html = readFileSync(join(FIXTURES, page), 'utf8').replace('</body>', '<script src="/static/fake-x.js"></script></body>');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': X_LIKE_CSP }).end(html);
      return;
    }
    if (path === '/static/fake-x.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(import.meta.dirname, 'fake-x.js')));
    } else if (path === '/static/x.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync(join(import.meta.dirname, 'fixture.css')));
    } else if (path.endsWith('.png')) {
      response.writeHead(200, { 'content-type': 'image/png' }).end(GREY_PNG);
    } else {
      response.writeHead(404).end();
    }
  };

  const https = createHttpsServer(selfSignedCertificate(certDir), handle);
  const http = createHttpServer(handle);
  await Promise.all([https, http].map((backend) => new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve))));
  const backendPort = (backend: typeof http | typeof https) => (backend.address() as AddressInfo).port;

  // The resolver rule sends every host and port here: note the host each connection asks for (TLS
  // server name or HTTP Host header), pass the fixture's on to the servers above, refuse the rest.
  const front = createNetServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (first) => {
      const tls = first[0] === 0x16;
      const host = (tls ? serverName(first) : hostHeader(first)) ?? '(unknown)';
      hits.push({ at: Date.now(), host, url: tls ? '(TLS)' : (first.toString('latin1').split(' ', 2)[1] ?? '') });
      if (!FIXTURE_HOSTS.has(host)) {
        socket.destroy();
        return;
      }
      const upstream = connect(backendPort(tls ? https : http), '127.0.0.1', () => {
        upstream.write(first);
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as AddressInfo).port;

  return {
    port,
    hits,
    foreignHostsSince: (since) => [...new Set(hits.filter((hit) => hit.at >= since && !FIXTURE_HOSTS.has(hit.host)).map((hit) => hit.host))],
    close: () =>
      new Promise((resolve) => {
        https.closeAllConnections();
        http.closeAllConnections();
        https.close();
        http.close();
        front.close(() => resolve());
      }),
  };
}
