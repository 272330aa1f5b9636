import { silentMp3 } from '../../framework/media/mp3.js';
import { bytes } from '../../framework/reply.js';
import { notFound } from '../errors.js';
import { audioFrames } from '../seed/history.js';
import type { Table } from '../../framework/table.js';
import { deleteMatchingHandler, getHandler, idOf, listHandler, type Deps, type VsHandler, type VsHandlers } from './common.js';

/** Chat messages have no list operation, so their filterable properties are fixed here. */
const CHAT_MESSAGE_FIELDS = new Set(['id', 'chat_id', 'created_at', 'author', 'message']);

/** cdrs, monitors, voicemessages, chats, chatmsgs, conversations and callTracking. */
export function historyHandlers(deps: Deps): VsHandlers {
  const { store } = deps;
  const audio = (table: () => Table<{ id: number }>): VsHandler => (context) =>
    table().get(idOf(context)) ? bytes(silentMp3(audioFrames(idOf(context))), 'audio/mpeg') : notFound();

  return {
    listCdrs: listHandler(deps, 'listCdrs', { rows: () => store.cdrs.all() }),
    getCdr: getHandler(() => store.cdrs),
    listMonitors: listHandler(deps, 'listMonitors', { rows: () => store.recordings.all() }),
    getMonitor: getHandler(() => store.recordings),
    downloadMonitorAudio: audio(() => store.recordings),
    listVoicemessages: listHandler(deps, 'listVoicemessages', { rows: () => store.voicemails.all() }),
    downloadVoicemessageAudio: audio(() => store.voicemails),
    listChats: listHandler(deps, 'listChats', { rows: () => store.chats.all() }),
    getChat: getHandler(() => store.chats),
    listConversations: listHandler(deps, 'listConversations', { rows: () => store.conversations.all() }),
    listCallTrackingCampaigns: listHandler(deps, 'listCallTrackingCampaigns', { rows: () => store.callTracking.all() }),

    deleteChatMessages: ({ path }) => {
      const deleted = (path.ids as number[]).filter((id) => store.chatMessages.delete(id));
      return deleted.length > 0 ? { status: 204 } : notFound();
    },

    deleteAllChatMessages: deleteMatchingHandler(() => store.chatMessages, () => CHAT_MESSAGE_FIELDS, { status: 204 }),
  };
}
