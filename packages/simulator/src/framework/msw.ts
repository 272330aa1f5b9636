import { http, type HttpHandler } from 'msw';

/**
 * msw handlers that answer every request under `baseUrl` from the app, in-process. What follows
 * `baseUrl` is served under the app's own base path, so any base URL works (the real API host, or a
 * made-up `http://sim.test/api`).
 */
export function mswHandlers(app: { basePath: string; fetch(request: Request): Promise<Response> }, baseUrl: string): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const basePathname = new URL(base).pathname.replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, ({ request }) => {
      if (basePathname === app.basePath) return app.fetch(request);
      const url = new URL(request.url);
      const target = new URL(app.basePath + url.pathname.slice(basePathname.length) + url.search, url.origin);
      return app.fetch(new Request(target, request));
    }),
  ];
}
