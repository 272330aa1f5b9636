import { accountIdOf, param, reply, type Deps, type Routes } from './common.js';

/** websockets: the bindings blackhole offers, and the sockets connected to an account. */
export function websocketRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  return {
    'GET /websockets': (context) => reply(deps, context, 200, WEBSOCKET_BINDINGS),
    'GET /accounts/{account_id}/websockets': (context) => {
      const sockets = store.websockets.filter((socket) => socket.account_id === accountIdOf(context));
      return reply(deps, context, 200, sockets.map(({ account_id: _account, ...socket }) => socket));
    },
    'GET /accounts/{account_id}/websockets/{socket_id}': (context) => {
      const id = param(context, 'socket_id');
      const socket = store.websockets.find((s) => s.account_id === accountIdOf(context) && s.websocket_session_id === id);
      if (!socket) return envelopes.badIdentifier(context.request, id);
      const { account_id: _account, ...view } = socket;
      return reply(deps, context, 200, view);
    },
  };
}

/** The bindings blackhole offers, by prefix; `{...}` placeholders stand for an id or `*` (`GET /websockets`). */
const OBJECT_TYPES = ['account', 'callflow', 'device', 'faxbox', 'media', 'user', 'vmbox', 'fax', 'mailbox_message', 'call_recording'];
const WEBSOCKET_BINDINGS = {
  call: ['CHANNEL_CREATE', 'CHANNEL_ANSWER', 'CHANNEL_DESTROY', 'CHANNEL_HOLD', 'CHANNEL_UNHOLD', 'CHANNEL_BRIDGE', 'PARK_PARKED', 'PARK_RETRIEVED', 'PARK_ABANDONED'].map(
    (event) => `call.${event}.{CALL_ID}`,
  ),
  conference: ['conference.event.{CONFERENCE_ID}.{CALL_ID}', 'conference.command.{CONFERENCE_ID}'],
  fax: ['fax.status.{FAX_ID}', 'fax.object.{ACTION}'],
  object: ['doc_created', 'doc_edited', 'doc_deleted'].flatMap((action) => OBJECT_TYPES.map((type) => `object.${action}.${type}`)),
  presence: ['presence.dialog.{PRESENCE_ID}', 'presence.mwi_update.{PRESENCE_ID}', 'presence.update.{PRESENCE_ID}'],
};
