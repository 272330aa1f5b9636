import { empty, json, type SimReply } from '../../framework/reply.js';
import { nextChannelId } from '../calls.js';
import type { Calld } from '../generated.js';
import type { ApplicationCall, ApplicationNode, Playback, Snoop } from '../records.js';
import { asteriskTime } from '../time.js';
import { fail, failure, reachableTenants, type Deps, type WazoContext, type WazoHandlers } from './common.js';

interface NewCall {
  exten?: string;
  userUuid?: string;
  callerName?: string;
  callerNumber?: string;
  variables?: Record<string, unknown>;
}

interface AppState {
  uuid: string;
  calls: ApplicationCall[];
  nodes: ApplicationNode[];
  snoops: Snoop[];
  playbacks: Playback[];
}

/** The application's list in one of the per-application maps, created empty on first use. */
function listOf<T>(map: Map<string, T[]>, uuid: string): T[] {
  let list = map.get(uuid);
  if (!list) map.set(uuid, (list = []));
  return list;
}

/** wazo-calld's Applications API (Stasis applications): calls, nodes (bridges), playbacks and snoops. */
export function calldApplicationHandlers(deps: Deps): WazoHandlers {
  const { store, now } = deps;

  const withApp = (context: WazoContext, run: (app: AppState) => SimReply) => {
    const uuid = String(context.path.application_uuid);
    const application = store.applications.get(uuid);
    if (!application || !reachableTenants(deps, context).has(application.tenant_uuid)) {
      return fail(deps, context, failure(404, 'No such application', 'no-such-application', { application_uuid: uuid }));
    }
    return run({
      uuid,
      calls: listOf(store.applicationCalls, uuid),
      nodes: listOf(store.applicationNodes, uuid),
      snoops: listOf(store.snoops, uuid),
      playbacks: listOf(store.playbacks, uuid),
    });
  };
  const withCall = (context: WazoContext, run: (call: ApplicationCall, app: AppState) => SimReply) =>
    withApp(context, (app) => {
      const call = app.calls.find((c) => c.id === context.path.call_id);
      return call ? run(call, app) : fail(deps, context, failure(404, 'No such call', 'no-such-call', { call_id: context.path.call_id }));
    });
  const update = (change: (call: ApplicationCall, context: WazoContext) => void) => (context: WazoContext) =>
    withCall(context, (call) => {
      change(call, context);
      return empty(204);
    });
  const withNode = (context: WazoContext, run: (node: ApplicationNode, app: AppState) => SimReply) =>
    withApp(context, (app) => {
      const node = app.nodes.find((n) => n.uuid === context.path.node_uuid);
      return node ? run(node, app) : fail(deps, context, failure(404, 'No such node', 'no-such-node', { node_uuid: context.path.node_uuid }));
    });
  const withSnoop = (context: WazoContext, run: (snoop: Snoop, app: AppState) => SimReply) =>
    withApp(context, (app) => {
      const snoop = app.snoops.find((s) => s.uuid === context.path.snoop_uuid);
      return snoop ? run(snoop, app) : fail(deps, context, failure(404, 'No such snoop', 'no-such-snoop', { snoop_uuid: context.path.snoop_uuid }));
    });
  const invalid = (context: WazoContext, field: string, message: string) =>
    fail(deps, context, failure(400, 'Sent data is invalid', 'invalid-data', { [field]: { constraint_id: 'invalid', message } }));

  /** A new outgoing channel of the application (to an extension or a user), ringing. */
  const newCall = (app: AppState, request: NewCall, nodeUuid: string | null): ApplicationCall => {
    const at = now();
    const call: ApplicationCall = {
      id: nextChannelId(store, at),
      conversation_id: null,
      status: 'Ring',
      caller_id_name: request.callerName ?? '',
      caller_id_number: request.callerNumber ?? '',
      creation_time: asteriskTime(at),
      dialed_extension: request.exten ?? null,
      is_caller: false,
      on_hold: false,
      muted: false,
      node_uuid: nodeUuid,
      moh_uuid: null,
      snoops: {},
      variables: (request.variables ?? {}) as ApplicationCall['variables'],
      user_uuid: request.userUuid ?? null,
      tenant_uuid: store.applications.get(app.uuid)!.tenant_uuid ?? null,
    };
    app.calls.push(call);
    if (nodeUuid) app.nodes.find((node) => node.uuid === nodeUuid)?.calls.push({ id: call.id });
    return call;
  };
  const fromRequest = (body: Calld.ApplicationCallRequest) => ({
    exten: body.exten,
    ...(body.displayed_caller_id_name ? { callerName: body.displayed_caller_id_name } : {}),
    ...(body.displayed_caller_id_number ? { callerNumber: body.displayed_caller_id_number } : {}),
    ...(body.variables ? { variables: body.variables } : {}),
  });
  const removeFromNodes = (app: AppState, callId: string) => {
    for (const node of app.nodes) node.calls = node.calls.filter((c) => c.id !== callId);
  };

  return {
    getApplication: (context) => withApp(context, (app) => json(200, { destination_node_uuid: app.nodes[0]?.uuid ?? null })),
    calls: (context) => withApp(context, (app) => json(200, { items: app.calls })),
    createCall: (context) => withApp(context, (app) => json(201, newCall(app, fromRequest(context.body as Calld.ApplicationCallRequest), null))),
    hangupCall: (context) =>
      withCall(context, (call, app) => {
        app.calls.splice(app.calls.indexOf(call), 1);
        removeFromNodes(app, call.id);
        return empty(204);
      }),
    answerCall: update((call) => (call.status = 'Up')),
    sendCallDtmf: update(() => undefined),
    startCallHold: update((call) => (call.on_hold = true)),
    stopCallHold: update((call) => (call.on_hold = false)),
    startCallMoh: update((call, context) => (call.moh_uuid = String(context.path.moh_uuid))),
    stopCallMoh: update((call) => (call.moh_uuid = null)),
    startCallMute: update((call) => (call.muted = true)),
    stopCallMute: update((call) => (call.muted = false)),
    startCallProgress: update((call) => (call.status = 'Progress')),
    stopCallProgress: update((call) => (call.status = 'Ring')),

    playCall: (context) =>
      withCall(context, (_, app) => {
        const body = context.body as Calld.PlaybackRequest;
        const playback: Playback = { uuid: crypto.randomUUID(), uri: body.uri, language: body.language ?? 'en_US', state: 'playing' };
        app.playbacks.push(playback);
        return json(200, playback);
      }),
    deletePlayback: (context) =>
      withApp(context, (app) => {
        const index = app.playbacks.findIndex((p) => p.uuid === context.path.playback_uuid);
        if (index < 0) return fail(deps, context, failure(404, 'No such playback', 'no-such-playback', { playback_uuid: context.path.playback_uuid }));
        app.playbacks.splice(index, 1);
        return empty(204);
      }),

    createSnoop: (context) =>
      withCall(context, (call, app) => {
        const body = context.body as Calld.SnoopRequest;
        if (!app.calls.some((c) => c.id === body.snooping_call_id)) return invalid(context, 'snooping_call_id', 'No such call');
        const snoop: Snoop = { uuid: crypto.randomUUID(), snooped_call_id: call.id, snooping_call_id: body.snooping_call_id, whisper_mode: body.whisper_mode ?? 'none' };
        app.snoops.push(snoop);
        call.snoops = { ...call.snoops, [snoop.uuid]: { uuid: snoop.uuid, role: 'snooped' } };
        return json(201, snoop);
      }),
    listSnoops: (context) => withApp(context, (app) => json(200, { items: app.snoops })),
    getSnoop: (context) => withSnoop(context, (snoop) => json(200, snoop)),
    updateSnoop: (context) =>
      withSnoop(context, (snoop) => {
        snoop.whisper_mode = (context.body as Calld.SnoopUpdate).whisper_mode ?? snoop.whisper_mode;
        return empty(204);
      }),
    deleteSnoop: (context) =>
      withSnoop(context, (snoop, app) => {
        app.snoops.splice(app.snoops.indexOf(snoop), 1);
        return empty(204);
      }),

    listNodes: (context) => withApp(context, (app) => json(200, { items: app.nodes })),
    createNode: (context) =>
      withApp(context, (app) => {
        const { calls } = context.body as Calld.NodeRequest;
        if (calls.some((c) => !app.calls.some((call) => call.id === c.id))) return invalid(context, 'calls', 'No such call');
        const node: ApplicationNode = { uuid: crypto.randomUUID(), calls: calls.map(({ id }) => ({ id })) };
        for (const { id } of calls) {
          removeFromNodes(app, id);
          app.calls.find((call) => call.id === id)!.node_uuid = node.uuid;
        }
        app.nodes.push(node);
        return json(201, node);
      }),
    listCallsNodes: (context) => withNode(context, (node) => json(200, node)),
    deleteNode: (context) =>
      withNode(context, (node, app) => {
        app.nodes.splice(app.nodes.indexOf(node), 1);
        for (const call of app.calls) if (call.node_uuid === node.uuid) call.node_uuid = null;
        return empty(204);
      }),
    createNodeCall: (context) => withNode(context, (node, app) => json(201, newCall(app, fromRequest(context.body as Calld.ApplicationCallRequest), node.uuid))),
    createNodeCallToUser: (context) =>
      withNode(context, (node, app) => {
        const body = context.body as Calld.ApplicationUserCallRequest;
        if (!store.confdUsers.has(body.user_uuid)) return invalid(context, 'user_uuid', 'No such user');
        return json(201, newCall(app, { userUuid: body.user_uuid, ...(body.variables ? { variables: body.variables } : {}) }, node.uuid));
      }),
    addCallNodes: (context) =>
      withNode(context, (node, app) => {
        const call = app.calls.find((c) => c.id === context.path.call_id);
        if (!call) return invalid(context, 'call_id', 'No such call');
        removeFromNodes(app, call.id);
        node.calls.push({ id: call.id });
        call.node_uuid = node.uuid;
        return empty(204);
      }),
    removeCallNodes: (context) =>
      withNode(context, (node, app) => {
        if (!node.calls.some((c) => c.id === context.path.call_id)) {
          return fail(deps, context, failure(404, 'No such call in the node', 'no-such-node', { call_id: context.path.call_id }));
        }
        removeFromNodes(app, String(context.path.call_id));
        const call = app.calls.find((c) => c.id === context.path.call_id);
        if (call) call.node_uuid = null;
        return empty(204);
      }),
  };
}
