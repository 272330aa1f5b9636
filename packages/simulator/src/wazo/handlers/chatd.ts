import { empty, json, type SimReply } from '../../framework/reply.js';
import type { Chatd } from '../generated.js';
import { compareValues } from '../list-query.js';
import type { ChatMessage, Presence, Room } from '../records.js';
import { isoWithOffset } from '../time.js';
import { callerOf, fail, failure, listedTenants, reachableTenants, type Deps, type WazoContext, type WazoHandlers } from './common.js';

/** Lower case without accents, as chatd compares message text. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The search's words, in that order, anywhere in the content. */
function containsWords(content: string, search: string): boolean {
  const words = folded(search).split(/\s+/).filter(Boolean);
  const text = folded(content);
  let at = 0;
  for (const word of words) {
    const found = text.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

/** wazo-chatd: presences (with line states from live calls) and rooms with their messages. */
export function chatdHandlers(deps: Deps): WazoHandlers {
  const { store, tokens, now } = deps;

  /** The stored presence with what chatd computes: line states from the user's calls, connected from its sessions. */
  const presenceView = (presence: Presence): Presence => {
    const calls = [...store.calls.values()].filter((call) => call.user_uuid === presence.uuid);
    const stateOf = (lineId: number): Chatd.LineState => {
      const onLine = calls.filter((call) => call.line_id === lineId);
      if (onLine.some((call) => call.status === 'Ringing')) return 'ringing';
      if (onLine.some((call) => call.on_hold)) return 'holding';
      if (onLine.some((call) => call.status === 'Up')) return 'talking';
      return onLine.length > 0 ? 'progressing' : 'available';
    };
    const lines = presence.lines.map((line) => ({ id: line.id, state: stateOf(line.id) }));
    const order: Chatd.LineState[] = ['ringing', 'progressing', 'talking', 'holding'];
    return {
      ...presence,
      lines,
      line_state: order.find((state) => lines.some((line) => line.state === state)) ?? 'available',
      connected: presence.connected || tokens.sessionsOf(presence.uuid).length > 0,
    };
  };
  const withPresence = (context: WazoContext, run: (presence: Presence) => SimReply) => {
    const presence = store.presences.get(String(context.path.user_uuid));
    if (!presence || !reachableTenants(deps, context).has(presence.tenant_uuid)) {
      return fail(deps, context, failure(404, `No such user: "${String(context.path.user_uuid)}"`, 'unknown-user', { uuid: context.path.user_uuid }, 'users'));
    }
    return run(presence);
  };

  /** chatd tells each user of a room about it, one event per user. */
  const toRoomUsers = (room: Room, name: string, data: unknown) => {
    for (const user of room.users) deps.emit(name, data, { tenantUuid: user.tenant_uuid ?? room.tenant_uuid, userUuid: user.uuid });
  };
  const myRooms = (context: WazoContext) => [...store.rooms.values()].filter((room) => room.users.some((user) => user.uuid === callerOf(context).userUuid));
  const withRoom = (context: WazoContext, run: (room: Room) => SimReply) => {
    const room = myRooms(context).find((r) => r.uuid === context.path.room_uuid);
    return room ? run(room) : fail(deps, context, failure(404, `No such room: "${String(context.path.room_uuid)}"`, 'unknown-room', { uuid: context.path.room_uuid }, 'rooms'));
  };
  /** Messages newest first by default, paged; `total` counts the messages before the filters. */
  const messagePage = (context: WazoContext, all: ChatMessage[], keep: (message: ChatMessage) => boolean) => {
    const { limit, offset = 0, direction = 'desc', search } = context.query as { limit?: number; offset?: number; direction?: string; search?: string };
    const rows = all.filter((m) => keep(m) && (search === undefined || containsWords(m.content, search)));
    rows.sort((a, b) => (direction === 'asc' ? 1 : -1) * compareValues(a.created_at, b.created_at));
    return json(200, { items: rows.slice(offset, limit === undefined ? undefined : offset + limit), filtered: rows.length, total: all.length });
  };

  return {
    getMultipleLineState: (context) => {
      const tenants = listedTenants(deps, context);
      const wanted = context.query.user_uuid === undefined ? undefined : String(context.query.user_uuid).split(',').filter(Boolean);
      if (wanted?.some((uuid) => !/^[0-9a-f-]{36}$/i.test(uuid))) {
        return fail(deps, context, failure(400, 'Invalid user_uuid list', 'invalid-user-uuid', { user_uuid: context.query.user_uuid }));
      }
      const all = [...store.presences.values()].filter((p) => tenants.has(p.tenant_uuid));
      const items = all.filter((p) => !wanted || wanted.includes(p.uuid)).map(presenceView);
      return json(200, { items, filtered: items.length, total: all.length });
    },

    getContactStatusInfo: (context) => withPresence(context, (presence) => json(200, presenceView(presence))),

    updateStatus: (context) =>
      withPresence(context, (presence) => {
        const { state, status } = context.body as Chatd.PresenceUpdate;
        if (state !== presence.state) presence.last_activity = isoWithOffset(now());
        presence.state = state;
        if (status !== undefined) presence.status = status;
        // A tenant event: every user of the tenant hears of it.
        deps.emit('chatd_presence_updated', presenceView(presence), { tenantUuid: presence.tenant_uuid, userUuid: '*' }, presence.uuid);
        return empty(204);
      }),

    getUserRooms: (context) => {
      const wanted = context.query.user_uuid === undefined ? [] : String(context.query.user_uuid).split(',').filter(Boolean);
      const rooms = myRooms(context);
      const items = rooms.filter((room) => wanted.every((uuid) => room.users.some((user) => user.uuid === uuid)));
      return json(200, { items, filtered: items.length, total: rooms.length });
    },

    createRoom: (context) => {
      const me = callerOf(context);
      const body = context.body as Chatd.RoomCreate;
      const users = [...(body.users ?? [])];
      if (!users.some((user) => user.uuid === me.userUuid)) users.push({ uuid: me.userUuid });
      const uuids = users.map((user) => user.uuid);
      if (users.length < 2 || users.length > 100 || new Set(uuids).size !== uuids.length) {
        return fail(deps, context, failure(400, 'Sent data is invalid', 'invalid-data', { users: { constraint_id: 'length', message: 'Between 2 and 100 distinct users' } }));
      }
      const same = myRooms(context).find((room) => room.users.length === uuids.length && room.users.every((user) => uuids.includes(user.uuid)));
      if (same) return json(201, same);
      const room: Room = {
        uuid: crypto.randomUUID(),
        tenant_uuid: me.tenantUuid,
        name: body.name ?? null,
        users: users.map((user) => ({
          uuid: user.uuid,
          tenant_uuid: user.tenant_uuid ?? store.authUsers.get(user.uuid)?.tenant_uuid ?? me.tenantUuid,
          wazo_uuid: user.wazo_uuid ?? store.stackUuid,
          identity: user.identity ?? null,
        })),
      };
      store.rooms.set(room.uuid, room);
      toRoomUsers(room, 'chatd_user_room_created', room);
      return json(201, room);
    },

    getMessages: (context) => {
      const { search, distinct } = context.query;
      if (search === undefined && distinct === undefined) {
        return fail(deps, context, failure(400, 'Sent data is invalid', 'invalid-data', { _schema: { constraint_id: 'required', message: 'Missing search or distinct' } }));
      }
      const rooms = new Set(myRooms(context).map((room) => room.uuid));
      const mine = store.messages.filter((m) => rooms.has(m.room.uuid));
      const latest = new Map<string, ChatMessage>();
      for (const message of mine) if ((latest.get(message.room.uuid)?.created_at ?? '') <= message.created_at) latest.set(message.room.uuid, message);
      const latestSet = new Set(latest.values());
      return messagePage(context, mine, (message) => distinct === undefined || latestSet.has(message));
    },

    getRoomMessages: (context) =>
      withRoom(context, (room) => {
        const fromDate = context.query.from_date === undefined ? undefined : Date.parse(String(context.query.from_date));
        const inRoom = store.messages.filter((m) => m.room.uuid === room.uuid);
        return messagePage(context, inRoom, (m) => fromDate === undefined || Date.parse(m.created_at) >= fromDate);
      }),

    sendRoomMessage: (context) =>
      withRoom(context, (room) => {
        const me = callerOf(context);
        const body = context.body as Chatd.MessageCreate;
        const external = room.users.some((user) => user.identity);
        if (external && !body.sender_identity_uuid) return fail(deps, context, failure(409, 'A sender identity is required', 'message-identity-required'));
        const recipients = room.users.filter((u) => u.identity).map((u) => ({ identity: u.identity!, status: 'pending' as const, updated_at: isoWithOffset(now()) }));
        const message: ChatMessage = {
          uuid: crypto.randomUUID(),
          content: body.content,
          alias: body.alias ?? null,
          delivery: external ? { type: 'external', backend: 'sms', recipients } : { type: 'internal', backend: null, recipients: [] },
          user_uuid: me.userUuid,
          tenant_uuid: room.tenant_uuid,
          wazo_uuid: store.stackUuid,
          created_at: isoWithOffset(now()),
          room: { uuid: room.uuid },
        };
        store.messages.push(message);
        toRoomUsers(room, 'chatd_user_room_message_created', message);
        return json(external ? 202 : 201, message);
      }),
  };
}
