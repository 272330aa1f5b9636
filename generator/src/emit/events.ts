import { VariableDeclarationKind, type Project } from 'ts-morph';
import { propertyKey } from '../model/names.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { docText, renderTypeScript } from './typescript-file.js';
import { valueLiteral } from './value-literal.js';

/** `events.ts`: the webhook payload type of each event name, and the event names at run time. */
export function emitEvents(project: Project, { platform, api }: EmitContext): GeneratedFile {
  const { eventsInterface } = platform.names;
  return renderTypeScript(project, api, 'events.ts', (file) => {
    const uses = (name: string) => api.webhooks.some((webhook) => webhook.payloadType.includes(`${name}[`));
    const schemaTypes = ['components', 'webhooks'].filter(uses);
    if (schemaTypes.length > 0)
      file.addImportDeclaration({ moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: schemaTypes });

    file.addInterface({
      name: eventsInterface,
      isExported: true,
      docs: [`The payload of each ${platform.title} webhook event, by event name.`],
      properties: api.webhooks.map((webhook) => ({
        name: propertyKey(webhook.event),
        type: webhook.payloadType,
        ...(webhook.summary ? { docs: [docText(webhook.summary)] } : {}),
      })),
    });

    file.addVariableStatement({
      isExported: true,
      docs: ['Every webhook event name the spec declares, sorted.'],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: 'webhookEventNames',
          type: `readonly (keyof ${eventsInterface})[]`,
          initializer: valueLiteral(api.webhooks.map((webhook) => webhook.event)),
        },
      ],
    });
  });
}
