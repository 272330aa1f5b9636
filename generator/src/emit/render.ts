import { hasOperations } from '../model/api-model.js';
import { byKey } from '../model/order.js';
import type { ApiModel } from '../model/types.js';
import type { PlatformConfig } from '../platforms.js';
import { emitBarrel } from './barrel.js';
import { emitClient } from './client.js';
import { emitEvents } from './events.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { emitOperationsMarkdown, emitReadme } from './markdown.js';
import { emitModels } from './models.js';
import { emitNamespacedRoot, namespacePlatform, type NamespacePart } from './namespaced-root.js';
import { emitOpenApiJson } from './openapi-json.js';
import { emitOperationsIndex } from './operations-index.js';
import { emitResource } from './resource.js';
import { emitSchema } from './schema.js';
import { emitTesting } from './testing.js';
import { createEmitProject } from './typescript-file.js';

export type { NamespacePart } from './namespaced-root.js';

/** Every output file of one platform, in memory, sorted by path. Writes nothing. */
export async function renderPlatform(platform: PlatformConfig, api: ApiModel, project = createEmitProject()): Promise<GeneratedFile[]> {
  const context: EmitContext = { platform, api };
  // A spec of events only (no paths) has no client, no test handlers and no operation index.
  const client = hasOperations(api)
    ? [emitClient(project, context), emitTesting(project, context), emitOperationsIndex(project, context)]
    : [];
  const files = [
    await emitSchema(project, api),
    ...api.resources.map((resource) => emitResource(project, context, resource)),
    ...client,
    emitModels(project, context),
    emitEvents(project, context),
    emitOpenApiJson(context),
    emitOperationsMarkdown(context),
    emitBarrel(project, context),
  ];
  const paths = [...files.map((file) => file.path), 'README.md'].sort();
  files.push(emitReadme(context, paths));
  return files.sort(byKey((file) => file.path));
}

/** A platform of several specs: each rendered into its namespace's directory, and the shared files above them. */
export async function renderNamespacedPlatform(platform: PlatformConfig, parts: readonly NamespacePart[]): Promise<GeneratedFile[]> {
  const project = createEmitProject();
  const files: GeneratedFile[] = [];
  for (const { namespace, model } of parts)
    for (const file of await renderPlatform(namespacePlatform(platform, namespace), model, project))
      files.push({ ...file, path: `${namespace}/${file.path}` });
  files.push(...emitNamespacedRoot(project, platform, parts));
  return files.sort(byKey((file) => file.path));
}
