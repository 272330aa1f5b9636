import { doNotEdit, type EmitContext, type GeneratedFile } from './generated-file.js';

/**
 * `openapi.json`: the bundled spec in a stable key order, the contract the simulator and the wire tests
 * validate against. JSON has no comments, so the DO NOT EDIT notice is its first (extension) field.
 */
export function emitOpenApiJson({ api }: EmitContext): GeneratedFile {
  const document = { 'x-pbxkit-generated': doNotEdit(api), ...api.document };
  return { path: 'openapi.json', content: `${JSON.stringify(document, null, 2)}\n` };
}
