/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read the way the GitHub toolkit reads them, with the CONNECT tunnel done
 * here so that the request's abort signal (the run's deadline and cancel) covers the tunnel too: a proxy that
 * accepts the connection and never answers CONNECT must not outlive the run.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { getProxyUrl } from '@actions/http-client/lib/proxy';

/** The proxy for this URL, or undefined when none is set or NO_PROXY (or a loopback host) bypasses it. */
export function proxyFor(url: URL): URL | undefined {
  // A plain URL from the href: the toolkit's URL decodes user and password, which openTunnel does itself.
  const proxy = getProxyUrl(url);
  return proxy ? new URL(proxy.href) : undefined;
}

/** A proxy's refusal to open the tunnel: the request never reached the server. */
export const PROXY_REFUSED = 'PROXY_CONNECT_REFUSED';

/**
 * Opens a CONNECT tunnel through `proxy` to the URL's host and port; for an https URL, the TLS session with the
 * server runs inside it (certificates checked as usual). `signal` aborts the tunnel wherever it is.
 */
export function openTunnel(proxy: URL, url: URL, signal: AbortSignal): Promise<Socket> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const headers: Record<string, string> = { Host: authority };
  if (proxy.username || proxy.password) {
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  const transport = proxy.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const connect = transport.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
      signal,
    });
    const refused = (status: number | undefined) => {
      const why =
        status === 407 ? ' (407: the proxy wants credentials; check the user and password in HTTPS_PROXY)' : '';
      return Object.assign(
        new Error(`the proxy ${proxy.host} refused to open a tunnel to ${authority}: HTTP ${status ?? '?'}${why}`),
        { code: PROXY_REFUSED },
      );
    };
    connect.once('connect', (res: http.IncomingMessage, socket: Socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        return reject(refused(res.statusCode));
      }
      if (signal.aborted) {
        socket.destroy();
        return reject(signal.reason as Error);
      }
      if (url.protocol !== 'https:') return resolve(socket);
      resolve(tls.connect({ socket, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'] }));
    });
    // A proxy that answers CONNECT like an ordinary request (no tunnel) refuses it too.
    connect.once('response', (res: http.IncomingMessage) => {
      res.resume();
      reject(refused(res.statusCode));
    });
    connect.on('error', reject);
    connect.end();
  });
}
