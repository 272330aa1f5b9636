import { Agent, createServer, request, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendInit {
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body in chunks without a Content-Length (chunked transfer encoding). */
  chunked?: boolean;
}

/**
 * A real Node HTTP server around `listener` on a free port, and a keep-alive client for it (Node's own
 * `http.request`, which sends any method, header and bytes as given).
 */
export async function serve(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });

  const send = (method: string, path: string, init: SendInit = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const body = init.body ?? '';
      const headers = { ...init.headers, ...(!init.chunked && body.length > 0 && { 'content-length': String(Buffer.byteLength(body)) }) };
      const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (init.chunked) for (let at = 0; at < body.length; at += 512) req.write(body.slice(at, at + 512));
      else if (body.length > 0) req.write(body);
      req.end();
    });

  const close = async () => {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url: `http://127.0.0.1:${port}`, send, close };
}
