/**
 * A loopback-only static server for the built renderer, sending the same security headers
 * (CSP included) as the app's app:// protocol, so CSP violations show up in e2e too.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mimeType, SECURITY_HEADERS } from '../../../src-main/app/csp';
import { resolveStaticFile } from '../../../src-main/app/static-files';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const file = request.method === 'GET' ? resolveStaticFile(root, new URL(request.url ?? '/', 'http://x').pathname) : null;
    if (!file) {
      response.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
