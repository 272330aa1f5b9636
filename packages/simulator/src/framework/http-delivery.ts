import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A request a simulator sends out of its own accord (a webhook), to a receiver it does not control. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReceiverAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Why no answer came: `timeout`, `econnrefused`, `nxdomain`, `socket_closed_remotely` (reset or closed
 * unanswered), `invalid_uri`, or another Node error code in lower case.
 */
export interface TransportError {
  error: string;
}

/**
 * Names reserved for documentation and tests (RFC 2606, RFC 6761): they never reach a real host, so the
 * answer is `nxdomain` without a DNS lookup (seeded data points at such hosts).
 */
const RESERVED_HOST = /(^|\.)(example|test|invalid)$|(^|\.)example\.(com|net|org)$/i;

/**
 * Sends one request on a fresh connection and reports the answer or why there was none; never rejects.
 * The request and the answer together must finish within `timeoutMs`.
 */
export function sendOutgoingRequest(outgoing: OutgoingRequest, timeoutMs: number): Promise<ReceiverAnswer | TransportError> {
  let url: URL;
  try {
    url = new URL(outgoing.url);
  } catch {
    return Promise.resolve({ error: 'invalid_uri' });
  }
  if (RESERVED_HOST.test(url.hostname)) return Promise.resolve({ error: 'nxdomain' });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const length = outgoing.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(outgoing.body)) };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ReceiverAnswer | TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(url, { method: outgoing.method, headers: { ...outgoing.headers, ...length }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => finish({ status: response.statusCode ?? 0, headers: flatHeaders(response.headers), body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', (error) => finish({ error: errorName(error) }));
    });
    const timer = setTimeout(() => {
      finish({ error: 'timeout' });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => finish({ error: errorName(error) }));
    request.end(outgoing.body);
  });
}

export const isTransportError = (result: ReceiverAnswer | TransportError): result is TransportError => 'error' in result;

function errorName(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'econnrefused';
    case 'ENOTFOUND':
      return 'nxdomain';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'socket_closed_remotely';
    default:
      return error.code?.toLowerCase() ?? 'closed';
  }
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
}
