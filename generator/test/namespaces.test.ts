import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { PlatformConfig } from '../src/platforms.js';
import { typeErrors } from './compile.js';
import { operationTable, parseTypeScript } from './emitted.js';
import { mutatedFixture, outputPath, tinyPlatform, Workspace } from './workspace.js';

/** Two daemons of one platform behind one host: `alpha` as the fixture is, `beta` with a tag of its own namespace. */
const alpha = mutatedFixture((document) => {
  document.servers = [{ url: 'https://{host}/api/alpha/1.0', variables: { host: { default: 'pbx.test' } } }];
});
const beta = mutatedFixture((document) => {
  document.servers = [{ url: 'https://pbx.test/api/beta/0.1' }];
  document.tags.find((tag: { name: string }) => tag.name === 'auth')['x-pbxkit-namespace'] = 'gamma';
  delete document.webhooks['line.changed']; // alpha declares the `status` channel
});

/** A spec of socket events only: no paths, one channel. */
const feed = mutatedFixture((document) => {
  document.paths = {};
  delete document.tags;
  delete document.webhooks['call.ended'];
  delete document.webhooks['recording.ready'];
  document.webhooks['line.changed'].post['x-pbxkit-event-channel'] = 'feed';
});

const platform: PlatformConfig = {
  ...tinyPlatform,
  specs: [
    { path: 'spec/alpha.yaml', namespace: 'alpha' },
    { path: 'spec/beta.yaml', namespace: 'beta' },
    { path: 'spec/feed.yaml', namespace: 'feed' },
  ],
};

const usage = `
import type { Transport } from '@pbxkit/core';
import { createBetaApi, createTinyApi, feedEventNames, type Alpha, type Feed, type TinyApi, type TinyFeedEvents } from './generated/index.js';
import { createTinyHandlers } from './generated/testing.js';

declare const transport: Transport;
const api: TinyApi = createTinyApi(transport);

export async function use(): Promise<void> {
  const page = await api.alpha.list({ query: { page: 2 } });
  const first: Alpha.Recording | undefined = page.items[0];
  await api.gamma.login({ body: { email: 'ann@example.test', password: 'x' } });
  const betaOnly = createBetaApi(transport);
  await betaOnly.beta.get({ path: { id: 1 } });
  // @ts-expect-error alpha is not part of the beta client
  void betaOnly.alpha;
  void first;
}
export const feedNames: readonly (keyof TinyFeedEvents)[] = feedEventNames;
export const registered: Feed.TinyFeedEvents['line.changed']['registered'] = true;
export const handlers = createTinyHandlers('https://pbx.test').beta.listRecordings({ data: [], total: 0 });
`;

describe('a platform of several specs', () => {
  const workspace = new Workspace();
  beforeAll(async () => {
    mkdirSync(join(workspace.root, 'spec'), { recursive: true });
    writeFileSync(join(workspace.root, 'spec/alpha.yaml'), alpha);
    writeFileSync(join(workspace.root, 'spec/beta.yaml'), beta);
    writeFileSync(join(workspace.root, 'spec/feed.yaml'), feed);
    const result = await generate({ root: workspace.root, platforms: [platform] });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    writeFileSync(join(workspace.root, 'out', 'usage.ts'), usage);
  });
  afterAll(() => workspace.remove());

  it('puts each spec in its namespace directory, its operations flat on the namespace, paths under the server path', () => {
    const table = operationTable(parseTypeScript('/alpha.ts', workspace.read('alpha/resources/alpha.ts')));
    expect(table.list).toMatchObject({ httpMethod: 'GET', path: '/api/alpha/1.0/recordings' });
    expect(Object.keys(operationTable(parseTypeScript('/beta.ts', workspace.read('beta/resources/beta.ts'))))).not.toContain('login');
    const gamma = operationTable(parseTypeScript('/gamma.ts', workspace.read('beta/resources/gamma.ts')));
    expect(gamma.login).toMatchObject({ httpMethod: 'POST', path: '/api/beta/0.1/login' });
    expect(workspace.read('alpha/client.ts')).toContain('export function createAlphaApi(transport: Transport): AlphaApi');
    expect(workspace.read('README.md')).toContain('| [`beta`](beta/OPERATIONS.md) | `spec/beta.yaml` |');
  });

  it('combines the namespaces in one client whose parts can also be created alone, and type-checks', () => {
    const client = workspace.read('client.ts');
    expect(client).toMatch(/export interface TinyApi extends AlphaApi, BetaApi \{\s*\}/);
    expect(client).toMatch(/return \{\s+\.\.\.createAlphaApi\(transport\),\s+\.\.\.createBetaApi\(transport\),\s+\};/);
    expect(typeErrors(workspace.root)).toBe('');
  });

  it('gives a spec of events only its types and events but no client, and exports its channel platform-wide', async () => {
    expect(existsSync(join(workspace.output, 'feed/events.ts'))).toBe(true);
    for (const file of ['client.ts', 'testing.ts', 'operations.ts']) expect(existsSync(join(workspace.output, 'feed', file))).toBe(false);
    for (const file of ['client.ts', 'testing.ts', 'operations.ts']) expect(workspace.read(file)).not.toMatch(/'\.\/feed\/|Feed/);
    const events = parseTypeScript('/events.ts', workspace.read('events.ts'));
    expect(events.getExportDeclarations().map((declaration) => [declaration.getModuleSpecifierValue(), declaration.getNamedExports().map((named) => named.getName())])).toEqual([
      ['./alpha/events.js', ['TinyStatusEvents', 'statusEventNames']],
      ['./feed/events.js', ['TinyFeedEvents', 'feedEventNames']],
    ]);
    expect((await import(pathToFileURL(join(workspace.output, 'events.ts')).href)).feedEventNames).toEqual(['line.changed']);
  });

  it('refuses one channel declared by two specs', async () => {
    const result = await generate({ root: workspace.root, platforms: [{ ...platform, specs: [...platform.specs, { path: 'spec/feed.yaml', namespace: 'feedAgain' }] }], check: true });
    expect(result.platforms).toEqual([]);
    expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringMatching(/the `feed` channel is already declared in spec\/feed\.yaml/) }));
  });

  it('refuses a spec without a namespace among several, and writes nothing', async () => {
    const ws = new Workspace();
    try {
      const result = await generate({ root: ws.root, platforms: [{ ...platform, specs: [{ path: 'spec/openapi.yaml' }, { path: 'spec/openapi.yaml', namespace: 'x' }] }] });
      expect(result.platforms).toEqual([]);
      expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringMatching(/needs a namespace on each/) }));
      expect(outputPath).toBe('out/generated');
    } finally {
      ws.remove();
    }
  });
});
