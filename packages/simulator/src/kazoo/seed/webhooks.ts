import type { Random } from '../../framework/random.js';
import type { Stored } from '../documents.js';
import type { Webhook, WebhookAttempt } from '../records.js';
import { modbId } from '../time.js';
import type { AccountDirectory } from './directory.js';
import { seededDoc } from './doc.js';

const DAY = 86_400;

/** A CRM integration's hooks (one auto-disabled) and a few weeks of their delivery attempts. */
export function seedWebhooks(random: Random, now: number, directory: AccountDirectory): { webhooks: Stored<Webhook>[]; attempts: Stored<WebhookAttempt>[] } {
  const { accountId } = directory;
  const hook = (fields: Webhook, extra: Record<string, unknown> = {}) =>
    seededDoc('webhook', accountId, random.string(32), { ...fields, ...extra }, now - random.int(40, 200) * DAY, now - random.int(1, 30) * DAY);
  const webhooks = [
    hook({ name: 'CRM call start', uri: 'https://hooks.example.com/kazoo/channel-create', hook: 'channel_create', http_verb: 'post', format: 'json', retries: 2, enabled: true, include_subaccounts: false }),
    hook({ name: 'CRM call end', uri: 'https://hooks.example.com/kazoo/channel-destroy', hook: 'channel_destroy', http_verb: 'post', format: 'form-data', retries: 3, enabled: true, include_internal_legs: false }),
    hook({ name: 'Directory sync', uri: 'https://hooks.example.com/kazoo/users', hook: 'object', http_verb: 'put', format: 'json', retries: 1, enabled: true, custom_data: { type: 'user', action: 'doc_edited' } }),
    hook(
      { name: 'Voicemail alerts', uri: 'https://alerts.example.net/voicemail', hook: 'notifications', http_verb: 'post', format: 'json', retries: 2, enabled: false, custom_data: { type: 'voicemail_new' } },
      { pvt_disable_reason: 'too many failed attempts' },
    ),
  ];
  const attempts = Array.from({ length: 60 }, () => {
    const target = random.pick(webhooks);
    const time = now - random.int(300, 25 * DAY);
    const failed = target.enabled === false || random.chance(0.15);
    const fields: WebhookAttempt = {
      hook_id: target.id,
      result: failed ? 'failure' : 'success',
      reason: failed ? 'bad response code' : undefined,
      response_code: failed ? '503' : '200',
      response_body: failed ? 'Service Unavailable' : '{"ok":true}',
      retries_left: failed ? 0 : target.retries,
      hook_event: target.hook,
      event_id: random.string(32),
      uri: target.uri,
      method: target.http_verb,
      timestamp: time,
    };
    if (!failed) delete fields.reason;
    return seededDoc('webhook_attempt', accountId, modbId(time, random.string(32)), fields, time);
  });
  return { webhooks, attempts };
}
