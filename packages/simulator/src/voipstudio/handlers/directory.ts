import { json } from '../../framework/reply.js';
import { formatDateTime } from '../datetime.js';
import { invalidField, notFound } from '../errors.js';
import type { Contact, Queue } from '../records.js';
import { callerOf, deleteHandler, getHandler, idOf, itemReply, listHandler, type Deps, type VsContext, type VsHandlers } from './common.js';

/** Contact fields a client may not set. */
const SYSTEM_CONTACT_FIELDS = new Set(['id', 'created_at', 'user_id', 'internal', 'rel_user_id']);
const MEMBER_FIELDS = ['id', 'first_name', 'last_name', 'ext', 'email', 'status'] as const;

/** queueGroups, customers, contacts, queues, ddis and callMeBack. */
export function directoryHandlers(deps: Deps): VsHandlers {
  const { store, sessions, now } = deps;

  const applyContactInput = (contact: Contact, input: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(input)) if (!SYSTEM_CONTACT_FIELDS.has(key)) contact[key] = value;
    return contact;
  };

  /** With `include=users`, member ids become member objects limited to `fields[users]` (id always kept). */
  const queueView = (queue: Queue, context: VsContext) => {
    const include = String(context.query.include ?? '').split(',');
    if (!include.includes('users')) return queue;
    const agents = store.queueAgents.get(queue.id);
    const requested = context.query['fields[users]'];
    const fields: readonly string[] = requested === undefined ? MEMBER_FIELDS : ['id', ...String(requested).split(',').map((f) => f.trim())];
    return {
      ...queue,
      users: queue.users.map((id) => {
        const user = store.users.get(id);
        const member: Record<string, unknown> = { id, first_name: user?.first_name ?? null, last_name: user?.last_name ?? null, ext: user?.ext, email: user?.email, status: agents?.get(id) ?? false };
        return Object.fromEntries(Object.entries(member).filter(([key]) => fields.includes(key)));
      }),
    };
  };

  return {
    listQueueGroups: listHandler(deps, 'listQueueGroups', { rows: () => store.queueGroups.all() }),
    getQueueGroup: getHandler(() => store.queueGroups),
    deleteQueueGroup: deleteHandler(() => store.queueGroups),
    createQueueGroup: ({ body }) => itemReply(store.queueGroups.insert((id) => ({ id, name: (body as { name: string }).name })), 201),
    updateQueueGroup: (context) => {
      const group = store.queueGroups.get(idOf(context));
      if (!group) return notFound();
      group.name = (context.body as { name: string }).name;
      return itemReply(group);
    },

    deleteCustomer: (context) => {
      if (idOf(context) !== store.account.customerId) return notFound();
      store.account.deleted = true;
      sessions.clear();
      return { status: 204 };
    },

    listContacts: listHandler(deps, 'listContacts', { rows: () => store.contacts.all() }),
    getContact: getHandler(() => store.contacts),
    deleteContact: deleteHandler(() => store.contacts),
    createContact: (context) => {
      const input = context.body as Record<string, unknown>;
      const contact = store.contacts.insert((id) =>
        applyContactInput(
          { id, created_at: formatDateTime(now()), user_id: callerOf(context).userId, first_name: null, last_name: null, group_name: null, global: false, internal: false, rel_user_id: null },
          input,
        ),
      );
      return itemReply(contact, 201);
    },
    updateContact: (context) => {
      const contact = store.contacts.get(idOf(context));
      return contact ? itemReply(applyContactInput(contact, context.body as Record<string, unknown>)) : notFound();
    },
    updateContacts: ({ body }) => {
      const changes = body as { id: number; group_name: string }[];
      const missing = changes.findIndex((change) => !store.contacts.get(change.id));
      if (missing >= 0) return invalidField(`${missing}.id`, 'Contact not found.');
      const updated = changes.map((change) => applyContactInput(store.contacts.get(change.id)!, { group_name: change.group_name }));
      return json(200, { data: updated, total: updated.length });
    },

    listQueues: listHandler(deps, 'listQueues', { rows: () => store.queues.all(), view: queueView }),
    getQueue: getHandler(() => store.queues, queueView),
    updateQueue: (context) => {
      const queue = store.queues.get(idOf(context));
      if (!queue) return notFound();
      const { users, ...fields } = context.body as { users?: { id: number; status: boolean }[] } & Record<string, unknown>;
      const unknown = (users ?? []).findIndex((member) => !store.users.get(member.id));
      if (unknown >= 0) return invalidField(`users.${unknown}.id`);
      const problem = applyQueueFields(queue, fields);
      if (problem) return invalidField(problem);
      const agents = store.queueAgents.get(queue.id) ?? new Map<number, boolean>();
      store.queueAgents.set(queue.id, agents);
      for (const member of users ?? []) {
        if (!queue.users.includes(member.id)) queue.users.push(member.id);
        agents.set(member.id, member.status);
      }
      return itemReply(queueView(queue, context));
    },

    listDdis: listHandler(deps, 'listDdis', { rows: () => store.ddis.all() }),
    listCallMeBackSettings: listHandler(deps, 'listCallMeBackSettings', { rows: () => store.callMeBack.all() }),
    deleteCallMeBackSettings: deleteHandler(() => store.callMeBack),
  };
}

const QUEUE_FIELD_TYPES = { name: 'string', ring_strategy: 'string', ring_time: 'number', skip_busy: 'boolean' } as const;

/** Sets the known queue fields; answers the name of the first field with a wrong type. Unknown fields are ignored. */
function applyQueueFields(queue: Queue, fields: Record<string, unknown>): string | undefined {
  for (const [key, type] of Object.entries(QUEUE_FIELD_TYPES)) {
    if (fields[key] !== undefined && typeof fields[key] !== type) return key;
  }
  Object.assign(queue, Object.fromEntries(Object.entries(fields).filter(([key]) => key in QUEUE_FIELD_TYPES)));
  return undefined;
}
