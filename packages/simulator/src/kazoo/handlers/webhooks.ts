import { WebhookObjectActionValues, WebhookObjectTypeValues } from '@pbxkit/kazoo';
import type { SimReply } from '../../framework/reply.js';
import { isWithin } from '../auth.js';
import { isJsonObject, privateFields, publicView, type Json, type Stored } from '../documents.js';
import type { ValidationData } from '../envelope.js';
import type { Webhook, WebhookAttempt } from '../records.js';
import { accountIdOf, nowSeconds, param, reply, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';
import { listing } from './listing.js';
import { WEBHOOK_SAMPLES } from './webhook-samples.js';

type StoredHook = Stored<Webhook>;

/** The hooks the webhooks app offers (`GET /webhooks`); `all` is added to the `hook` enum at start. */
export const AVAILABLE_HOOKS = [
  { id: 'channel_create', name: 'Channel Create', description: 'Receive notifications when a channel is created' },
  { id: 'channel_answer', name: 'Channel Answer', description: 'Receive notifications when a channel is answered' },
  { id: 'channel_bridge', name: 'Channel Bridge', description: 'Receive notifications when two channels are bridged' },
  { id: 'channel_destroy', name: 'Channel Destroy', description: 'Receive notifications when a channel is destroyed' },
  {
    id: 'object',
    name: 'Object',
    description: 'Receive notifications when objects (users, devices, callflows, ...) change',
    modifiers: {
      type: { type: 'array', description: 'The type of object', items: WebhookObjectTypeValues },
      action: { type: 'array', description: 'What happened to the object', items: WebhookObjectActionValues },
    },
  },
  {
    id: 'notifications',
    name: 'Notifications Webhook',
    description: 'Receive notifications (voicemail, faxes, registrations, ...)',
    modifiers: { type: { type: 'array', description: 'The notification type', items: ['voicemail_new', 'missed_call', 'inbound_fax', 'outbound_fax', 'register', 'deregister', 'new_user', 'low_balance'] } },
  },
  { id: 'parking', name: 'Call Parking', description: 'Receive notifications when calls are parked, retrieved or abandoned' },
  { id: 'sms', name: 'SMS', description: 'Receive notifications about SMS messages' },
  { id: 'mms', name: 'MMS', description: 'Receive notifications about MMS messages' },
] as const;

const HOOKS = [...AVAILABLE_HOOKS.map((hook) => hook.id), 'all'];

/** webhooks: the available hooks and samples, an account's hooks, their attempts, and bulk re-enable. */
export function webhookRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;

  /** Retries 0-4; an `object` hook filters on `custom_data.type` and `custom_data.action`, which only work together. */
  const check = (doc: Json): ValidationData => {
    const errors: ValidationData = {};
    if (doc.retries !== undefined && (!Number.isInteger(doc.retries) || (doc.retries as number) < 0 || (doc.retries as number) > 4)) {
      errors.retries = { [Number.isInteger(doc.retries) && (doc.retries as number) < 0 ? 'minimum' : 'maximum']: { message: 'Value must be between 0 and 4', target: [0, 4], value: doc.retries } };
    }
    if (typeof doc.uri === 'string' && !/^https?:\/\/[^\s/]+/.test(doc.uri)) errors.uri = { format: { message: 'Field is not in the correct format', target: 'uri', value: doc.uri } };
    const custom = doc.custom_data;
    if (doc.hook === 'object' && isJsonObject(custom) && (custom.type === undefined) !== (custom.action === undefined)) {
      const missing = custom.type === undefined ? 'custom_data.type' : 'custom_data.action';
      errors[missing] = { required: { message: 'An object hook filters on custom_data.type and custom_data.action together' } };
    }
    return errors;
  };

  const view = (hook: StoredHook): Json => ({ ...publicView(hook), ...(typeof hook.pvt_disable_reason === 'string' ? { disable_reason: hook.pvt_disable_reason } : {}) });

  const attempts = (context: KzContext, rows: Stored<WebhookAttempt>[]) => listing(deps, context, rows, { view: publicView, time: (attempt) => attempt.timestamp });

  /** `PATCH` with `{data: {"re-enable": true}}` (the contract requires it) turns auto-disabled hooks back on. */
  const reenable = (hooks: (context: KzContext) => StoredHook[]) => (context: KzContext): SimReply => {
    for (const hook of hooks(context).filter((h) => h.enabled === false && typeof h.pvt_disable_reason === 'string')) {
      const { pvt_disable_reason: _reason, ...kept } = privateFields(hook);
      store.webhooks.replace(hook, { ...(publicView(hook) as unknown as Webhook), enabled: true }, kept, nowSeconds(deps));
    }
    return reply(deps, context, 200, 'hooks updated');
  };

  return {
    ...crudRoutes(deps, {
      path: '/accounts/{account_id}/webhooks',
      idParam: 'webhook_id',
      table: (s) => s.webhooks,
      rules: {
        required: ['hook', 'name', 'uri'],
        enums: { hook: HOOKS, http_verb: ['get', 'post', 'put'], format: ['form-data', 'json'] },
        defaults: { http_verb: 'post', format: 'form-data', retries: 2, enabled: true, include_internal_legs: true },
        check,
      },
      summary: (hook) => ({ id: hook.id, name: hook.name, uri: hook.uri, hook: hook.hook, enabled: hook.enabled, ...(typeof hook.pvt_disable_reason === 'string' ? { disable_reason: hook.pvt_disable_reason } : {}) }),
      view,
      key: (hook) => hook.name.toLowerCase(),
      afterDelete: (hook) => {
        for (const attempt of store.webhookAttempts.inAccount(hook.pvt_account_id).filter((a) => a.hook_id === hook.id)) store.webhookAttempts.delete(attempt.id);
      },
    }),

    'PATCH /accounts/{account_id}/webhooks': reenable((context) => store.webhooks.inAccount(accountIdOf(context))),
    'PATCH /accounts/{account_id}/descendants/webhooks': reenable((context) => {
      const root = accountIdOf(context);
      return store.webhooks.all().filter((hook) => {
        const account = store.accounts.find(hook.pvt_account_id);
        return account !== undefined && account.id !== root && isWithin(account, root);
      });
    }),

    'GET /accounts/{account_id}/webhooks/attempts': (context) => attempts(context, store.webhookAttempts.inAccount(accountIdOf(context))),
    'GET /accounts/{account_id}/webhooks/{webhook_id}/attempts': (context) => {
      const id = param(context, 'webhook_id');
      if (!store.webhooks.get(accountIdOf(context), id)) return envelopes.badIdentifier(context.request, id);
      return attempts(context, store.webhookAttempts.inAccount(accountIdOf(context)).filter((a) => a.hook_id === id));
    },

    'GET /webhooks': (context) => reply(deps, context, 200, AVAILABLE_HOOKS, { paging: { page_size: AVAILABLE_HOOKS.length } }),
    'GET /webhooks/samples': (context) => samplesList(context),
    'GET /webhooks/samples/{sample_id}': (context) => sampleReply(context),
    'GET /accounts/{account_id}/webhooks/samples': (context) => samplesList(context),
    'GET /accounts/{account_id}/webhooks/samples/{sample_id}': (context) => sampleReply(context),
  };

  function samplesList(context: KzContext): SimReply {
    const names = Object.keys(WEBHOOK_SAMPLES).map((hook) => `webhooks_${hook}`);
    return reply(deps, context, 200, names, { paging: { page_size: names.length } });
  }

  function sampleReply(context: KzContext): SimReply {
    const id = param(context, 'sample_id');
    const samples = WEBHOOK_SAMPLES[id.replace(/^webhooks_/, '')];
    if (!samples) return envelopes.error(context.request, 404, 'bad identifier', [id]);
    return reply(deps, context, 200, samples, { paging: { page_size: samples.length } });
  }
}
