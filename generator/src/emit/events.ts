import { VariableDeclarationKind, type Project, type SourceFile } from 'ts-morph';
import { pascalCase, propertyKey } from '../model/names.js';
import type { WebhookModel } from '../model/types.js';
import type { PlatformConfig } from '../platforms.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { docText, renderTypeScript } from './typescript-file.js';
import { valueLiteral } from './value-literal.js';

/** The events of one channel (or the HTTP webhooks): an interface of payloads and a list of names. */
export interface EventGroup {
  /** `x-pbxkit-event-channel`; undefined for the HTTP webhooks. */
  channel: string | undefined;
  interfaceName: string;
  namesConst: string;
  webhooks: WebhookModel[];
}

/**
 * The HTTP webhooks (`eventsInterface` and `webhookEventNames`; also when there are none, unless the spec
 * has only socket events), then each channel: `<prefix><Channel>Events` and `<channel>EventNames`.
 */
export function eventGroups(platform: PlatformConfig, webhooks: readonly WebhookModel[]): EventGroup[] {
  const channels = [...new Set(webhooks.flatMap((webhook) => (webhook.channel ? [webhook.channel] : [])))].sort();
  const http = webhooks.filter((webhook) => webhook.channel === undefined);
  const groups: EventGroup[] = channels.map((channel) => ({
    channel,
    interfaceName: `${platform.names.prefix}${pascalCase(channel)}Events`,
    namesConst: `${channel}EventNames`,
    webhooks: webhooks.filter((webhook) => webhook.channel === channel),
  }));
  if (http.length > 0 || groups.length === 0)
    groups.unshift({ channel: undefined, interfaceName: platform.names.eventsInterface, namesConst: 'webhookEventNames', webhooks: http });
  return groups;
}

function addGroup(file: SourceFile, title: string, { channel, interfaceName, namesConst, webhooks }: EventGroup): void {
  const where = channel ? `event on the \`${channel}\` channel` : 'webhook event';
  file.addInterface({
    name: interfaceName,
    isExported: true,
    docs: [`The payload of each ${title} ${where}, by event name.`],
    properties: webhooks.map((webhook) => ({
      name: propertyKey(webhook.event),
      type: webhook.payloadType,
      ...(webhook.summary ? { docs: [docText(webhook.summary)] } : {}),
    })),
  });
  file.addVariableStatement({
    isExported: true,
    docs: [channel ? `Every event name of the \`${channel}\` channel the spec declares, sorted.` : 'Every webhook event name the spec declares, sorted.'],
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      { name: namesConst, type: `readonly (keyof ${interfaceName})[]`, initializer: valueLiteral(webhooks.map((webhook) => webhook.event)) },
    ],
  });
}

/**
 * `events.ts`: per group the payload type of each event name and the names at run time; and, when an HTTP
 * webhook has fields that are not strings, `webhookFieldTypes`, from which a receiver decodes form-encoded
 * or query-string values.
 */
export function emitEvents(project: Project, { platform, api }: EmitContext): GeneratedFile {
  return renderTypeScript(project, api, 'events.ts', (file) => {
    const uses = (name: string) => api.webhooks.some((webhook) => webhook.payloadType.includes(`${name}[`));
    const schemaTypes = ['components', 'webhooks'].filter(uses);
    if (schemaTypes.length > 0)
      file.addImportDeclaration({ moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: schemaTypes });

    for (const group of eventGroups(platform, api.webhooks)) addGroup(file, platform.title, group);

    const typed = api.webhooks.filter((webhook) => webhook.channel === undefined && Object.keys(webhook.fieldTypes).length > 0);
    if (typed.length > 0)
      file.addVariableStatement({
        isExported: true,
        docs: [
          docText(
            'The top-level payload fields of each webhook event that are not strings: `integer`, `number`, `boolean`, or `gregorian` (Gregorian seconds, an integer).',
            'Webhooks sent form-encoded or as a query string carry every value as a string; decode these.',
          ),
        ],
        declarationKind: VariableDeclarationKind.Const,
        declarations: [
          {
            name: 'webhookFieldTypes',
            initializer: `${valueLiteral(Object.fromEntries(typed.map((webhook) => [webhook.event, webhook.fieldTypes])))} as const`,
          },
        ],
      });
  });
}
