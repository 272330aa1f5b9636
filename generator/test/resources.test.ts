import { SyntaxKind } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationTable, parseTypeScript } from './emitted.js';
import { Workspace } from './workspace.js';

describe('resource modules', () => {
  const workspace = new Workspace();
  const resource = (name: string) => parseTypeScript(`/${name}.ts`, workspace.read(`resources/${name}.ts`));
  beforeAll(() => workspace.generate());
  afterAll(() => workspace.remove());

  it('declare one typed member per operation, in path then HTTP method order', () => {
    const members = resource('recordings')
      .getInterfaceOrThrow('RecordingsResource')
      .getProperties()
      .map((property) => [property.getName(), property.getTypeNodeOrThrow().getText()]);
    expect(members).toEqual([
      ['list', "PagedOperation<operations['listRecordings'], 'data'>"],
      ['import', "Operation<operations['importRecording']>"],
      ['get', "Operation<operations['getRecording'], 'data'>"],
      ['downloadAudio', "Operation<operations['downloadRecordingAudio']>"],
    ]);
  });

  it('document each method with summary, description, METHOD /path, @see and @deprecated', () => {
    const recordings = resource('recordings').getInterfaceOrThrow('RecordingsResource');
    const [list] = recordings.getPropertyOrThrow('list').getJsDocs();
    expect(list!.getDescription().trim().split('\n')).toEqual([
      'List recordings.',
      '',
      'Newest first. Filter with a JSON array of conditions.',
      'Each page holds at most `limit` items.',
      '',
      '`GET /recordings`',
    ]);
    expect(list!.getTags().map((tag) => tag.getText().trim())).toEqual(['@see https://docs.tinypbx.test/recordings#list']);
    const [get] = recordings.getPropertyOrThrow('get').getJsDocs();
    expect(get!.getTags().map((tag) => tag.getTagName())).toEqual(['deprecated']);
    expect(recordings.getJsDocs()[0]!.getDescription().trim()).toBe('Call recordings and their audio.');
  });

  it('bind every operation with its tuple options', () => {
    expect(operationTable(resource('recordings'))).toEqual({
      list: {
        httpMethod: 'GET',
        path: '/recordings',
        options: { envelope: "'data'", paging: 'pageNumberPaging', serialize: "{ filter: 'json' }" },
      },
      import: { httpMethod: 'POST', path: '/recordings', options: { idempotent: 'true' } },
      get: { httpMethod: 'GET', path: '/recordings/{id}', options: { envelope: "'data'" } },
      downloadAudio: { httpMethod: 'GET', path: '/recordings/{id}.mp3', options: { parseAs: "'blob'" } },
    });
    expect(operationTable(resource('auth'))).toEqual({
      login: { httpMethod: 'POST', path: '/login', options: { anonymous: 'true' } },
      ping: { httpMethod: 'GET', path: '/ping', options: { parseAs: "'text'" } },
    });
    expect(operationTable(resource('apiTokens'))).toEqual({
      delete: { httpMethod: 'DELETE', path: '/apitokens/{token}', options: { secretParams: "['token']" } },
    });
  });

  it('import a paginator and PagedOperation only where an operation pages', () => {
    const imports = (name: string) =>
      resource(name)
        .getImportDeclarationOrThrow('@pbxkit/core')
        .getNamedImports()
        .map((specifier) => `${specifier.isTypeOnly() ? 'type ' : ''}${specifier.getName()}`);
    expect(imports('recordings')).toEqual([
      'defineResource', 'pageNumberPaging', 'type Operation', 'type OperationTable', 'type PagedOperation', 'type Transport',
    ]);
    expect(imports('auth')).toEqual(['defineResource', 'type Operation', 'type OperationTable', 'type Transport']);
  });

  it('export an operations table named after the tag, checked against OperationTable', () => {
    const table = resource('apiTokens').getVariableDeclarationOrThrow('apiTokensOperations');
    expect(table.getVariableStatementOrThrow().isExported()).toBe(true);
    expect(table.getInitializerIfKindOrThrow(SyntaxKind.SatisfiesExpression).getTypeNode()?.getText()).toBe('OperationTable');
  });
});
