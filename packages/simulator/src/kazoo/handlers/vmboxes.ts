import type { SimReply } from '../../framework/reply.js';
import { clientFields, privateFields, publicView, type Json, type Stored } from '../documents.js';
import type { ValidationData } from '../envelope.js';
import { buildFilter } from '../query/filters.js';
import { voicemailNewEvents } from '../realtime/voicemail-events.js';
import type { Vmbox, VoicemailMessage } from '../records.js';
import { attachmentKey } from '../store.js';
import { modbId, prettyDateTime } from '../time.js';
import { randomHex } from '../tokens.js';
import { zipArchive } from '../../framework/media/zip.js';
import { audioOf, framesFor, storeUpload } from './binary.js';
import { accountIdOf, dataOf, download, locationOf, nowSeconds, param, queryOf, reply, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';
import { listing } from './listing.js';

type StoredBox = Stored<Vmbox>;
type StoredMessage = Stored<VoicemailMessage>;

const FOLDERS = ['new', 'saved', 'deleted'] as const;
type Folder = (typeof FOLDERS)[number];

/** How long messages are kept (`max_message_age`, 93 days) plus Crossbar's hour: the listings' default range. */
const RETENTION_SECONDS = 93 * 86_400 + 3_600;

/** vmboxes and their messages: folders, moves and copies between boxes, deletes, raw audio (with ranges), ZIP download. */
export function vmboxRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const messagesOf = (box: StoredBox) => store.voicemailMessages.inAccount(box.pvt_account_id).filter((message) => message.source_id === box.id);
  const visible = (message: StoredMessage) => message.folder !== 'deleted';

  const check = (doc: Json, scope: { accountId: string; id?: string }): ValidationData => {
    const taken = store.vmboxes.inAccount(scope.accountId).some((box) => box.id !== scope.id && box.mailbox === doc.mailbox);
    return taken ? { mailbox: { unique: { message: 'Invalid mailbox number or already exists', cause: doc.mailbox } } } : {};
  };

  const withBox = (then: (box: StoredBox, context: KzContext) => SimReply) => (context: KzContext) => {
    const box = store.vmboxes.get(accountIdOf(context), param(context, 'vm_box_id'));
    return box ? then(box, context) : envelopes.badIdentifier(context.request, param(context, 'vm_box_id'));
  };
  const withMessage = (then: (message: StoredMessage, box: StoredBox, context: KzContext) => SimReply) =>
    withBox((box, context) => {
      const id = param(context, 'vm_msg_id');
      const message = store.voicemailMessages.get(box.pvt_account_id, id);
      return message && message.source_id === box.id ? then(message, box, context) : envelopes.badIdentifier(context.request, id);
    });

  /** Without `created_from`, message listings cover the retention period rather than Crossbar's 31 days. */
  const messageListing = (context: KzContext, rows: StoredMessage[], view: (message: StoredMessage) => Json) =>
    listing(deps, context, rows.filter(visible), { view, time: (message) => message.timestamp, ...(queryOf(context).has('created_from') ? {} : { defaultRangeSeconds: RETENTION_SECONDS }) });

  const save = (message: StoredMessage, fields: Partial<VoicemailMessage>): StoredMessage =>
    store.voicemailMessages.replace(message, { ...message, ...fields }, privateFields(message), nowSeconds(deps));

  const folderOf = (context: KzContext, fallback?: Folder): Folder | undefined | 'invalid' => {
    const folder = dataOf(context).folder ?? queryOf(context).get('folder') ?? fallback;
    if (folder === undefined) return undefined;
    return FOLDERS.includes(folder as Folder) ? (folder as Folder) : 'invalid';
  };
  const folderError = (context: KzContext) =>
    envelopes.invalidField(context.request, 'folder', 'enum', { message: 'Value not found in enumerated list of values', target: FOLDERS, value: dataOf(context).folder ?? queryOf(context).get('folder') });

  /** Moves a message into another box, copies it into several, or files it (`source_id` decides). */
  const change = (context: KzContext, message: StoredMessage, folder: Folder): StoredMessage[] | string => {
    const target = dataOf(context).source_id;
    const boxes = (Array.isArray(target) ? target : target === undefined ? [] : [target]).map((id) => store.vmboxes.get(message.pvt_account_id, String(id)));
    if (boxes.some((box) => box === undefined)) return 'invalid_source_id';
    if (typeof target === 'string') return [save(message, { source_id: boxes[0]!.id })];
    if (Array.isArray(target)) {
      return boxes.map((box) => {
        const id = modbId(message.timestamp, randomHex());
        return store.voicemailMessages.insert(message.pvt_account_id, id, { ...message, source_id: box!.id, media_id: id, folder: 'new' } as VoicemailMessage, nowSeconds(deps));
      });
    }
    return [save(message, { folder })];
  };

  const outcome = (succeeded: string[], failed: Record<string, string>) => ({ succeeded, failed });

  return {
    ...crudRoutes(deps, {
      path: '/accounts/{account_id}/vmboxes',
      idParam: 'vm_box_id',
      table: (s) => s.vmboxes,
      rules: {
        required: ['mailbox', 'name'],
        enums: { media_extension: ['mp3', 'mp4', 'wav'] },
        defaults: { require_pin: false, is_setup: false, check_if_owner: true, media_extension: 'mp3', notify_email_addresses: [] },
        check,
      },
      summary: (box) => ({ id: box.id, name: box.name, mailbox: box.mailbox, ...(box.owner_id ? { owner_id: box.owner_id } : {}), messages: messagesOf(box).filter(visible).length }),
      key: (box) => box.mailbox,
      afterDelete: (box) => {
        for (const message of messagesOf(box)) store.voicemailMessages.delete(message.id);
      },
    }),

    'GET /accounts/{account_id}/vmboxes/messages': (context) =>
      messageListing(context, store.voicemailMessages.inAccount(accountIdOf(context)), (message) => ({ [message.source_id]: messageView(message, true) })),
    'GET /accounts/{account_id}/vmboxes/{vm_box_id}/messages': withBox((box, context) => messageListing(context, messagesOf(box), (message) => messageView(message, true))),

    'PUT /accounts/{account_id}/vmboxes/{vm_box_id}/messages': withBox((box, context) => {
      const fields = clientFields(dataOf(context));
      const folder = folderOf(context, 'new');
      if (folder === 'invalid') return folderError(context);
      const now = nowSeconds(deps);
      const id = modbId(now, randomHex());
      const realm = store.accounts.find(box.pvt_account_id)?.realm ?? '';
      const defaults = { caller_id_number: 'anonymous', caller_id_name: 'anonymous', call_id: randomHex(), from: `anonymous@${realm}`, to: `${box.mailbox}@${realm}`, length: 1, timestamp: now };
      const message = store.voicemailMessages.insert(box.pvt_account_id, id, { ...defaults, ...fields, folder, source_id: box.id, media_id: id } as VoicemailMessage, now, { pvt_has_audio: false });
      deps.events.emit(voicemailNewEvents(box, message));
      return reply(deps, context, 201, messageView(message), { revision: message._rev, headers: { Location: locationOf(context, id) } });
    }),

    'POST /accounts/{account_id}/vmboxes/{vm_box_id}/messages': withBox((box, context) => {
      const ids = dataOf(context).messages;
      if (!Array.isArray(ids) || ids.length === 0) return envelopes.invalidField(context.request, 'messages', 'required', { message: 'Field is required but missing' });
      const folder = folderOf(context, 'saved');
      if (folder === 'invalid' || folder === undefined) return folderError(context);
      const succeeded: string[] = [];
      const failed: Record<string, string> = {};
      for (const id of ids.map(String)) {
        const message = messagesOf(box).find((m) => m.id === id);
        const changed = message ? change(context, message, folder) : 'not_found';
        if (typeof changed === 'string') failed[id] = changed;
        else succeeded.push(...changed.map((m) => m.id));
      }
      return reply(deps, context, 200, outcome(succeeded, failed));
    }),

    'DELETE /accounts/{account_id}/vmboxes/{vm_box_id}/messages': withBox((box, context) => {
      const ids = dataOf(context).messages;
      const folder = folderOf(context);
      if (folder === 'invalid') return folderError(context);
      const narrowed = buildFilter(queryOf(context));
      const candidates = messagesOf(box).filter(visible).filter(narrowed);
      const named = Array.isArray(ids) ? ids.map(String) : undefined;
      const selected = named ? candidates.filter((m) => named.includes(m.id)) : candidates.filter((m) => folder === undefined || m.folder === folder);
      for (const message of selected) save(message, { folder: 'deleted' });
      const failed = Object.fromEntries((named ?? []).filter((id) => !selected.some((m) => m.id === id)).map((id) => [id, 'not_found']));
      return reply(deps, context, 200, outcome(selected.map((m) => m.id), failed));
    }),

    'POST /accounts/{account_id}/vmboxes/{vm_box_id}/messages/raw': withBox((box, context) => {
      const ids = dataOf(context).messages;
      if (!Array.isArray(ids) || ids.length === 0) return envelopes.invalidField(context.request, 'messages', 'required', { message: 'Field is required but missing' });
      const messages = ids.map((id) => messagesOf(box).find((m) => m.id === String(id)));
      const unknown = ids.find((_, i) => messages[i] === undefined);
      if (unknown !== undefined) return envelopes.badIdentifier(context.request, String(unknown));
      const files = messages.map((message) => ({ name: fileName(message!, box), data: messageAudio(message!) }));
      return download(context, zipArchive(files), 'application/zip');
    }),

    'GET /accounts/{account_id}/vmboxes/{vm_box_id}/messages/{vm_msg_id}': withMessage((message, _box, context) =>
      reply(deps, context, 200, messageView(message), { revision: message._rev }),
    ),
    'POST /accounts/{account_id}/vmboxes/{vm_box_id}/messages/{vm_msg_id}': withMessage((message, _box, context) => {
      const folder = folderOf(context, 'saved');
      if (folder === 'invalid' || folder === undefined) return folderError(context);
      const changed = change(context, message, folder);
      if (typeof changed === 'string') return envelopes.invalidField(context.request, 'source_id', 'not_found', { message: 'No such voicemail box', cause: dataOf(context).source_id });
      return reply(deps, context, 200, messageView(changed[0]!), { revision: changed[0]!._rev });
    }),
    'DELETE /accounts/{account_id}/vmboxes/{vm_box_id}/messages/{vm_msg_id}': withMessage((message, _box, context) => {
      save(message, { folder: 'deleted' });
      return reply(deps, context, 200, messageView(message), { revision: message._rev });
    }),

    'GET /accounts/{account_id}/vmboxes/{vm_box_id}/messages/{vm_msg_id}/raw': withMessage((message, box, context) => {
      if (message.pvt_has_audio === false) return envelopes.badIdentifier(context.request, `${message.id}/raw`);
      const audio = messageAudio(message);
      const headers = { 'Content-Disposition': `attachment; filename="${fileName(message, box)}"`, 'Accept-Ranges': 'bytes' };
      const range = /^bytes=(\d*)-(\d*)$/.exec(context.request.headers.get('range') ?? '');
      if (!range || (range[1] === '' && range[2] === '')) return download(context, audio, 'audio/mpeg', headers);
      const start = range[1] === '' ? Math.max(0, audio.length - Number(range[2])) : Number(range[1]);
      const end = range[1] === '' || range[2] === '' ? audio.length - 1 : Math.min(Number(range[2]), audio.length - 1);
      return download(context, audio.slice(start, end + 1), 'audio/mpeg', { ...headers, 'Content-Range': `bytes ${start}-${end}/${audio.length}` }, 206);
    }),
    'PUT /accounts/{account_id}/vmboxes/{vm_box_id}/messages/{vm_msg_id}/raw': withMessage((message, _box, context) => {
      if (!(context.body instanceof Uint8Array)) return envelopes.invalidField(context.request, 'content', 'required', { message: 'Please provide an audio file' });
      storeUpload(store, 'voicemail', message.id, context.request, context.body);
      const { pvt_has_audio: _none, ...kept } = privateFields(message);
      const saved = store.voicemailMessages.replace(message, publicView(message) as unknown as VoicemailMessage, kept, nowSeconds(deps));
      return reply(deps, context, 201, messageView(saved), { revision: saved._rev });
    }),
  };

  function messageAudio(message: StoredMessage): Uint8Array {
    return audioOf(store, 'voicemail', message.id, framesFor(message.length)).bytes;
  }
}

/** The message metadata (its id is `media_id`); listings add `transcribed`. */
function messageView(message: StoredMessage, listed = false): Json {
  const { id: _id, source_id: _box, ...metadata } = publicView(message);
  return listed ? { ...metadata, transcribed: message.transcription !== undefined } : metadata;
}

/** `<caller id>_<YYYY-MM-DD_HH-MM-SS>.<ext>`, as Crossbar names a message download. */
function fileName(message: StoredMessage, box: StoredBox): string {
  const when = prettyDateTime(message.timestamp).replace(' ', '_').replace(/:/g, '-');
  return `${message.caller_id_number.replace(/[^\w+-]/g, '')}_${when}.${String(box.media_extension ?? 'mp3')}`;
}
