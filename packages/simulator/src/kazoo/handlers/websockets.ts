import { BINDING_TEMPLATES } from '../realtime/bindings.js';
import { accountIdOf, param, reply, type Deps, type Routes } from './common.js';

/** websockets: the bindings blackhole offers, and the sockets connected to an account. */
export function websocketRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  return {
    'GET /websockets': (context) => reply(deps, context, 200, BINDING_TEMPLATES),
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
