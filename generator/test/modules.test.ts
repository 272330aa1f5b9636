import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { SyntaxKind } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeScript } from './emitted.js';
import { Workspace } from './workspace.js';

describe('schema, client, models, events and operations modules', () => {
  const workspace = new Workspace();
  const parsed = (file: string) => parseTypeScript(`/${file}`, workspace.read(file));
  const load = (file: string) => import(pathToFileURL(join(workspace.output, file)).href);
  beforeAll(() => workspace.generate());
  afterAll(() => workspace.remove());

  it('schema.ts types binary bodies and binary properties as Blob', () => {
    const schema = parsed('schema.ts');
    const download = schema.getInterfaceOrThrow('operations').getPropertyOrThrow('downloadRecordingAudio');
    const audio = download
      .getDescendantsOfKind(SyntaxKind.PropertySignature)
      .find((property) => property.getName() === '"audio/mpeg"');
    expect(audio?.getTypeNodeOrThrow().getText()).toBe('Blob');
    const upload = schema
      .getInterfaceOrThrow('components')
      .getDescendantsOfKind(SyntaxKind.PropertySignature)
      .find((property) => property.getName() === 'audio');
    expect(upload?.getTypeNodeOrThrow().getText()).toBe('Blob');
  });

  it('client.ts wires one readonly property per resource', () => {
    const client = parsed('client.ts');
    expect(
      client
        .getInterfaceOrThrow('TinyApi')
        .getProperties()
        .map((property) => [property.getName(), property.isReadonly(), property.getTypeNodeOrThrow().getText()]),
    ).toEqual([
      ['apiTokens', true, 'ApiTokensResource'],
      ['auth', true, 'AuthResource'],
      ['recordings', true, 'RecordingsResource'],
    ]);
    const factory = client.getFunctionOrThrow('createTinyApi');
    const returned = factory.getFirstDescendantByKindOrThrow(SyntaxKind.ObjectLiteralExpression);
    expect(returned.getProperties().map((property) => property.getText())).toEqual([
      '...apiTokensApi(transport)',
      '...authApi(transport)',
      '...recordingsApi(transport)',
    ]);
    const recordings = parsed('resources/recordings.ts').getFunctionOrThrow('recordingsApi');
    expect(recordings.getReturnTypeNodeOrThrow().getText()).toBe('{ readonly recordings: RecordingsResource; }');
  });

  it('models.ts aliases every component schema', () => {
    const aliases = parsed('models.ts')
      .getTypeAliases()
      .map((alias) => [alias.getName(), alias.getTypeNodeOrThrow().getText()]);
    expect(aliases).toContainEqual(['Recording', "components['schemas']['Recording']"]);
    expect(aliases.map(([name]) => name)).toEqual([
      'Credentials', 'Direction', 'Error', 'Gregorian', 'Nonce', 'Recording', 'RecordingImport', 'RecordingReady', 'Session',
    ]);
  });

  it('models.ts lists the values of a string enum at run time, and of nothing else', async () => {
    const values = parsed('models.ts')
      .getVariableDeclarations()
      .map((declaration) => [declaration.getName(), declaration.getTypeNodeOrThrow().getText()]);
    expect(values).toEqual([['DirectionValues', 'readonly Direction[]']]);
    expect((await load('models.ts')).DirectionValues).toEqual(['inbound', 'outbound']);
  });

  it('events.ts maps each webhook to its payload type and lists the names at run time', async () => {
    const events = parsed('events.ts')
      .getInterfaceOrThrow('TinyWebhookEvents')
      .getProperties()
      .map((property) => [property.getName(), property.getTypeNodeOrThrow().getText()]);
    expect(events).toEqual([
      ["'call.ended'", "NonNullable<webhooks['call.ended']['post']['requestBody']>['content']['application/json']"],
      ["'recording.ready'", "components['schemas']['RecordingReady']"],
    ]);
    expect((await load('events.ts')).webhookEventNames).toEqual(['call.ended', 'recording.ready']);
  });

  it('events.ts puts the events of a socket channel in a map and a name list of their own', async () => {
    const channel = parsed('events.ts')
      .getInterfaceOrThrow('TinyStatusEvents')
      .getProperties()
      .map((property) => property.getName());
    expect(channel).toEqual(["'line.changed'"]);
    const module = await load('events.ts');
    expect(module.statusEventNames).toEqual(['line.changed']);
    expect(module.webhookEventNames).not.toContain('line.changed');
  });

  it('events.ts lists the non-string top-level fields of each HTTP webhook, Gregorian seconds by their serializer mark', async () => {
    expect((await load('events.ts')).webhookFieldTypes).toEqual({
      'call.ended': { answered: 'boolean', call_id: 'integer', ended_at: 'gregorian' },
      'recording.ready': { recording_id: 'integer' },
    });
  });

  it('operations.ts indexes every operation at run time', async () => {
    const { operationIndex } = await load('operations.ts');
    expect(operationIndex).toHaveLength(7);
    expect(operationIndex).toContainEqual({
      operationId: 'downloadRecordingAudio',
      resource: 'recordings',
      method: 'downloadAudio',
      httpMethod: 'GET',
      path: '/recordings/{id}.mp3',
      paged: false,
      binary: true,
      variants: [],
    });
    expect(operationIndex.filter((entry: { paged: boolean }) => entry.paged).map((entry: { operationId: string }) => entry.operationId)).toEqual([
      'listRecordings',
    ]);
  });

  it('index.ts re-exports everything but testing.ts', () => {
    const specifiers = parsed('index.ts')
      .getExportDeclarations()
      .map((declaration) => declaration.getModuleSpecifierValue());
    expect(specifiers).toContain('./client.js');
    expect(specifiers).toContain('./resources/recordings.js');
    expect(specifiers).not.toContain('./testing.js');
  });
});
