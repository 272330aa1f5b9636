import { silentWav } from '../../framework/media/wav.js';
import { bytes, empty, json, type SimReply } from '../../framework/reply.js';
import { nextChannelId } from '../calls.js';
import type { Calld } from '../generated.js';
import { compareValues } from '../list-query.js';
import type { ConfdVoicemail, VoicemailMessage } from '../records.js';
import { callerOf, fail, failure, type Deps, type WazoContext, type WazoHandlers } from './common.js';

/** The folders of every voicemail box, as wazo-calld numbers them. */
const FOLDERS: Required<Calld.VoicemailFolderSummary>[] = [
  { id: 1, name: 'inbox', type: 'new' },
  { id: 2, name: 'old', type: 'old' },
  { id: 3, name: 'urgent', type: 'urgent' },
  { id: 4, name: 'work', type: 'other' },
  { id: 5, name: 'family', type: 'other' },
  { id: 6, name: 'friends', type: 'other' },
];

const voicemailNotFound = () => failure(404, 'No such user voicemail', 'no-such-user-voicemail');
const messageNotFound = () => failure(404, 'No such voicemail message', 'no-such-voicemail-message');
const greetingNotFound = () => failure(404, 'No such voicemail greeting', 'no-such-voicemail-greeting');

const isWav = (body: unknown) => body instanceof Uint8Array && body.length >= 12 && new TextDecoder().decode(body.subarray(0, 4)) === 'RIFF';
const isPdf = (body: unknown) => body instanceof Uint8Array && new TextDecoder().decode(body.subarray(0, 5)) === '%PDF-';

/** wazo-calld's voicemail of the token's user (box, folders, messages, recordings, greetings) and faxes. */
export function calldVoicemailHandlers(deps: Deps): WazoHandlers {
  const { store, now } = deps;

  const boxOf = (context: WazoContext): ConfdVoicemail | undefined => {
    const ref = store.confdUsers.get(callerOf(context).userUuid)?.voicemail;
    return ref ? store.voicemails.get(ref.id) : undefined;
  };
  const withBox = (context: WazoContext, run: (box: ConfdVoicemail) => SimReply) => {
    const box = boxOf(context);
    return box ? run(box) : fail(deps, context, voicemailNotFound());
  };
  /** The boxes a user reads: its own and the global boxes of its tenant. */
  const readableBoxes = (context: WazoContext, type: 'all' | 'personal' | 'global' = 'all') => {
    const own = boxOf(context);
    const tenant = store.confdUsers.get(callerOf(context).userUuid)?.tenant_uuid;
    const global = [...store.voicemails.values()].filter((box) => box.accesstype === 'global' && box.tenant_uuid === tenant);
    return [...(type !== 'global' && own ? [own] : []), ...(type !== 'personal' ? global : [])];
  };
  const summary = ({ voicemailId: _box, folderId: _folder, ...message }: VoicemailMessage): Calld.VoicemailMessageSummary => message;
  const folderOf = (id: number) => FOLDERS.find((folder) => folder.id === id) ?? FOLDERS[0]!;
  const messageView = (message: VoicemailMessage): Calld.VoicemailMessage => ({ ...summary(message), folder: folderOf(message.folderId) });
  const withMessage = (context: WazoContext, run: (message: VoicemailMessage) => SimReply) => {
    const boxes = new Set(readableBoxes(context).map((box) => box.id));
    const message = store.voicemailMessages.get(String(context.path.message_id));
    return message && boxes.has(message.voicemailId) ? run(message) : fail(deps, context, messageNotFound());
  };
  const greetingKey = (box: ConfdVoicemail, context: WazoContext) => `${box.id}/${String(context.path.greeting)}`;
  const messagesOf = (box: ConfdVoicemail) => [...store.voicemailMessages.values()].filter((m) => m.voicemailId === box.id);

  const fax = (context: WazoContext, contextName: string, userUuid: string | null, tenantUuid: string): SimReply => {
    if (!isPdf(context.body)) return fail(deps, context, failure(400, 'Conversion from PDF to TIFF format failed', 'fax-failure'));
    const { extension, caller_id: callerId, ivr_extension: ivr, wait_time: wait } = context.query as Record<string, string | number | undefined>;
    const sent: Calld.Fax = {
      id: crypto.randomUUID(),
      call_id: nextChannelId(store, now()),
      context: contextName,
      extension: String(extension),
      caller_id: callerId === undefined ? 'Wazo Fax' : String(callerId),
      ivr_extension: ivr === undefined ? null : String(ivr),
      wait_time: wait === undefined ? null : Number(wait),
      user_uuid: userUuid,
      tenant_uuid: tenantUuid,
    };
    store.faxes.push(sent);
    return json(201, sent);
  };

  return {
    listVoicemails: (context) =>
      withBox(context, (box) => {
        const messages = messagesOf(box);
        const view: Calld.Voicemail = {
          id: box.id,
          name: box.name,
          number: box.number,
          accesstype: box.accesstype,
          folders: FOLDERS.map((folder) => ({ ...folder, messages: messages.filter((m) => m.folderId === folder.id).map(summary) })),
        };
        return json(200, view);
      }),

    getVoicemailFolder: (context) =>
      withBox(context, (box) => {
        const folder = FOLDERS.find((f) => f.id === context.path.folder_id);
        if (!folder) return fail(deps, context, failure(404, 'No such voicemail folder', 'no-such-voicemail-folder'));
        return json(200, { ...folder, messages: messagesOf(box).filter((m) => m.folderId === folder.id).map(summary) });
      }),

    listVoicemailMessages: (context) => {
      const { limit, offset = 0, order = 'timestamp', direction = 'desc', voicemail_type: type = 'all' } = context.query as Record<string, string | number | undefined>;
      if (limit === 0) return fail(deps, context, failure(400, 'Sent data is invalid', 'invalid-data', { limit: { constraint_id: 'range', message: 'Must be at least 1.' } }));
      const boxes = readableBoxes(context, type as 'all');
      if (type === 'personal' && boxes.length === 0) return fail(deps, context, voicemailNotFound());
      const boxById = new Map(boxes.map((box) => [box.id, box]));
      const messages = [...store.voicemailMessages.values()].filter((m) => boxById.has(m.voicemailId));
      const key = order as 'id' | 'caller_id_name' | 'duration' | 'timestamp';
      const sign = direction === 'asc' ? 1 : -1;
      messages.sort((a, b) => sign * compareValues(a[key], b[key]));
      const page = messages.slice(Number(offset), limit === undefined ? undefined : Number(offset) + Number(limit));
      const items = page.map((m): Calld.VoicemailMessageListItem => {
        const box = boxById.get(m.voicemailId)!;
        return { ...messageView(m), voicemail: { id: box.id, name: box.name, accesstype: box.accesstype } };
      });
      return json(200, { items, total: messages.length });
    },

    getVoicemailMessage: (context) => withMessage(context, (message) => json(200, messageView(message))),

    updateVoicemailMessage: (context) =>
      withMessage(context, (message) => {
        const { folder_id: folderId } = context.body as Calld.VoicemailMessageUpdate;
        if (!FOLDERS.some((folder) => folder.id === folderId)) return fail(deps, context, failure(400, 'Invalid voicemail folder ID', 'invalid-voicemail-folder-id'));
        message.folderId = folderId;
        return empty(204);
      }),

    deleteVoicemail: (context) =>
      withMessage(context, (message) => {
        store.voicemailMessages.delete(message.id);
        return empty(204);
      }),

    downloadVoicemailRecording: (context) =>
      withMessage(context, (message) => {
        const reply = bytes(silentWav(message.duration), 'audio/wav');
        if (context.query.download === '1') reply.headers = { 'Content-Disposition': `attachment; filename=${message.id}.wav` };
        return reply;
      }),

    getVoicemailGreeting: (context) =>
      withBox(context, (box) => {
        const audio = store.greetings.get(greetingKey(box, context));
        return audio ? bytes(audio, 'audio/wav') : fail(deps, context, greetingNotFound());
      }),

    createVoicemailGreeting: (context) =>
      withBox(context, (box) => {
        if (store.greetings.has(greetingKey(box, context))) return fail(deps, context, failure(409, 'Voicemail greeting already exists', 'voicemail-greeting-already-exists'));
        if (!isWav(context.body)) return fail(deps, context, failure(400, 'Invalid voicemail greeting', 'invalid-voicemail-greeting'));
        store.greetings.set(greetingKey(box, context), context.body as Uint8Array);
        return empty(204);
      }),

    updateVoicemailGreeting: (context) =>
      withBox(context, (box) => {
        if (!store.greetings.has(greetingKey(box, context))) return fail(deps, context, greetingNotFound());
        if (!isWav(context.body)) return fail(deps, context, failure(400, 'Invalid voicemail greeting', 'invalid-voicemail-greeting'));
        store.greetings.set(greetingKey(box, context), context.body as Uint8Array);
        return empty(204);
      }),

    deleteVoicemailGreeting: (context) =>
      withBox(context, (box) => (store.greetings.delete(greetingKey(box, context)) ? empty(204) : fail(deps, context, greetingNotFound()))),

    copyVoicemailGreeting: (context) =>
      withBox(context, (box) => {
        const audio = store.greetings.get(greetingKey(box, context));
        if (!audio) return fail(deps, context, greetingNotFound());
        store.greetings.set(`${box.id}/${(context.body as Calld.GreetingCopy).dest_greeting}`, audio);
        return empty(204);
      }),

    sendFax: (context) => {
      const { userUuid, tenantUuid } = callerOf(context);
      const user = store.confdUsers.get(userUuid);
      const line = user && store.lines.get(user.lineIds[0] ?? -1);
      return fax(context, line?.context ?? 'default', userUuid, user?.tenant_uuid ?? tenantUuid);
    },

    sendFaxAsAdmin: (context) => fax(context, String(context.query.context), null, callerOf(context).tenantUuid),
  };
}
