/**
 * A loopback-only static server for the built renderer, sending the same security headers
 * (CSP included) as the app's app:// protocol, so CSP violations show up in e2e too, and serving
 * the page with the unlock screen in it as main does (src-main/app/first-screen-html.ts), from the
 * app state of the page under test (`useFirstScreenInfo`).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mimeType, SECURITY_HEADERS } from '../../../src-main/app/csp';
import { isIndexPath, readFirstScreens, withFirstScreen, type FirstScreenInfo } from '../../../src-main/app/first-screen-html';
import { resolveStaticFile } from '../../../src-main/app/static-files';

export interface StaticServer {
  origin: string;
  /** Where the page's first screen comes from from now on (each launch has its own app state). */
  useFirstScreenInfo(source: (() => FirstScreenInfo | null) | null): void;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const screens = readFirstScreens(root);
  let firstScreenInfo: (() => FirstScreenInfo | null) | null = null;
  const server: Server = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    const file = request.method === 'GET' ? resolveStaticFile(root, pathname) : null;
    if (!file) {
      response.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-store' };
    if (isIndexPath(pathname)) {
      response.writeHead(200, headers).end(withFirstScreen(await readFile(file, 'utf8'), screens, firstScreenInfo?.() ?? null));
      return;
    }
    response.writeHead(200, headers).end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    useFirstScreenInfo: (source) => {
      firstScreenInfo = source;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
