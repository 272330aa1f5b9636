import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HookRequest } from './request-encoding.js';

export interface HookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A transport failure, named as Kazoo's HTTP client names it (`econnrefused`, `timeout`, `nxdomain`, ...). */
export interface TransportError {
  clientError: string;
}

/**
 * Names reserved for documentation and tests (RFC 2606, RFC 6761): they never reach a real host, so the
 * simulator answers `nxdomain` without a DNS lookup (the seeded hooks point at `hooks.example.com`).
 */
const RESERVED_HOST = /(^|\.)(example|test|invalid)$|(^|\.)example\.(com|net|org)$/i;

/** Sends the request on a fresh connection; the request and the answer together must finish within `timeoutMs`. */
export function sendHookRequest(hook: HookRequest, timeoutMs: number): Promise<HookResponse | TransportError> {
  let url: URL;
  try {
    url = new URL(hook.url);
  } catch {
    return Promise.resolve({ clientError: 'invalid_uri' });
  }
  if (RESERVED_HOST.test(url.hostname)) return Promise.resolve({ clientError: 'nxdomain' });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HookResponse | TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(url, { method: hook.method, headers: { ...hook.headers, ...(hook.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(hook.body)) }) }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => finish({ status: response.statusCode ?? 0, headers: flatHeaders(response.headers), body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', (error) => finish({ clientError: clientErrorOf(error) }));
    });
    const timer = setTimeout(() => {
      finish({ clientError: 'timeout' });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => finish({ clientError: clientErrorOf(error) }));
    request.end(hook.body);
  });
}

export const isTransportError = (result: HookResponse | TransportError): result is TransportError => 'clientError' in result;

function clientErrorOf(error: Error & { code?: string }): string {
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
