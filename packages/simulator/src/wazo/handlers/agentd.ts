import { empty, json, type SimReply } from '../../framework/reply.js';
import type { Agentd } from '../generated.js';
import type { Agent, AgentQueue } from '../records.js';
import { callerOf, fail, failure, listedTenants, reachableTenants, type Deps, type WazoContext, type WazoHandlers } from './common.js';

type AgentAction = (agent: Agent, context: WazoContext) => SimReply;

/** wazo-agentd: agent statuses, log in and off, pause and resume, queue membership; every action answers 204. */
export function agentdHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;
  const error = (context: WazoContext, status: number, message: string) => fail(deps, context, failure(status, message, message.replace(/ /g, '-')));
  const view = ({ userUuid: _user, ...agent }: Agent): Agentd.AgentStatus => agent;

  const visible = (context: WazoContext, agent: Agent | undefined) => (agent && reachableTenants(deps, context).has(agent.tenant_uuid) ? agent : undefined);
  const byId = (action: AgentAction) => (context: WazoContext) => {
    const agent = visible(context, store.agents.get(Number(context.path.agent_id)));
    return agent ? action(agent, context) : error(context, 404, 'no such agent');
  };
  const byNumber = (action: AgentAction) => (context: WazoContext) => {
    const agent = visible(context, [...store.agents.values()].find((a) => a.number === context.path.agent_number));
    return agent ? action(agent, context) : error(context, 404, 'no such agent');
  };
  const mine = (action: AgentAction) => (context: WazoContext) => {
    const agent = [...store.agents.values()].find((a) => a.userUuid === callerOf(context).userUuid);
    return agent ? action(agent, context) : error(context, 404, 'no such agent');
  };
  const queueOf = (context: WazoContext, id: number, agent: Agent): AgentQueue | undefined => {
    const queue = store.queues.get(id);
    return queue && queue.tenant_uuid === agent.tenant_uuid ? queue : undefined;
  };

  const logIn = (agent: Agent, extension: string, contextName: string, stateInterface: string | null): void => {
    Object.assign(agent, { logged: true, extension, context: contextName, state_interface: stateInterface ?? `Local/${extension}@${contextName}` });
    for (const queue of agent.queues) queue.logged = true;
  };
  const loginWith: AgentAction = (agent, context) => {
    if (agent.logged) return error(context, 409, 'already logged');
    const { extension, context: contextName, endpoint } = context.body as Agentd.AgentLoginRequest;
    if ([...store.agents.values()].some((a) => a.logged && a.extension === extension && a.context === contextName)) {
      return error(context, 409, 'extension and context already in use');
    }
    logIn(agent, extension, contextName, endpoint ?? null);
    return empty(204);
  };
  const logOff: AgentAction = (agent, context) => {
    if (!agent.logged) return error(context, 409, 'not logged in');
    Object.assign(agent, { logged: false, paused: false, paused_reason: null, extension: null, context: null, state_interface: null });
    for (const queue of agent.queues) Object.assign(queue, { logged: false, paused: false, paused_reason: null });
    return empty(204);
  };
  const pause: AgentAction = (agent, context) => {
    if (!agent.logged) return error(context, 409, 'not logged in');
    const reason = (context.body as Agentd.PauseRequest | undefined)?.reason ?? null;
    Object.assign(agent, { paused: true, paused_reason: reason });
    for (const queue of agent.queues) Object.assign(queue, { paused: true, paused_reason: reason });
    return empty(204);
  };
  const resume: AgentAction = (agent, context) => {
    if (!agent.logged) return error(context, 409, 'not logged in');
    Object.assign(agent, { paused: false, paused_reason: null });
    for (const queue of agent.queues) Object.assign(queue, { paused: false, paused_reason: null });
    return empty(204);
  };
  const membership = (add: boolean): AgentAction => (agent, context) => {
    const queue = queueOf(context, (context.body as Agentd.QueueRequest).queue_id, agent);
    if (!queue) return error(context, 404, 'no such queue');
    const member = agent.queues.some((q) => q.id === queue.id);
    if (add === member) return error(context, 409, add ? 'agent already in queue' : 'agent not in queue');
    agent.queues = add
      ? [...agent.queues, { id: queue.id, name: queue.name, display_name: queue.display_name, logged: agent.logged, paused: agent.paused, paused_reason: agent.paused_reason }]
      : agent.queues.filter((q) => q.id !== queue.id);
    return empty(204);
  };
  const queueLogin = (logged: boolean): AgentAction => (agent, context) => {
    const queue = agent.queues.find((q) => q.id === Number(context.path.queue_id));
    if (!queue || !queueOf(context, queue.id, agent)) return error(context, 404, 'no such queue');
    if (!agent.logged) return error(context, 409, 'not logged in');
    queue.logged = logged;
    return empty(204);
  };

  return {
    listAgents: (context) => {
      const tenants = listedTenants(deps, context);
      return json(200, [...store.agents.values()].filter((a) => tenants.has(a.tenant_uuid)).map(view));
    },
    getAgent: byId((agent) => json(200, view(agent))),
    getAgentByNumber: byNumber((agent) => json(200, view(agent))),
    loginAgentById: byId(loginWith),
    login: byNumber(loginWith),
    logoutAgentById: byId(logOff),
    logout: byNumber(logOff),
    pause: byNumber(pause),
    resume: byNumber(resume),
    addAgentToQueue: byId(membership(true)),
    removeAgentFromQueue: byId(membership(false)),
    loginAgentToQueue: byId(queueLogin(true)),
    logoutAgentFromQueue: byId(queueLogin(false)),
    logoutAllAgents: (context) => {
      const tenants = listedTenants(deps, context);
      for (const agent of store.agents.values()) if (tenants.has(agent.tenant_uuid) && agent.logged) logOff(agent, context);
      return empty(204);
    },
    relogAllAgents: (context) => {
      const tenants = listedTenants(deps, context);
      for (const agent of store.agents.values()) {
        if (!tenants.has(agent.tenant_uuid) || !agent.logged) continue;
        for (const queue of agent.queues) queue.logged = context.query.all_queues === true || queue.logged;
      }
      return empty(204);
    },

    getStatus: mine((agent) => json(200, view(agent))),
    loginWithLineId: mine((agent, context) => {
      if (agent.logged) return error(context, 409, 'already logged');
      const { line_id: lineId } = context.body as Agentd.UserAgentLoginRequest;
      const user = store.confdUsers.get(callerOf(context).userUuid);
      const line = user?.lineIds.includes(lineId) ? store.lines.get(lineId) : undefined;
      if (!line) return error(context, 400, 'no such line');
      logIn(agent, line.extensions[0]?.exten ?? '', line.context, `PJSIP/${line.name ?? ''}`);
      return empty(204);
    }),
    staticLogout: mine(logOff),
    staticPause: mine(pause),
    staticResume: mine(resume),
    loginUserAgentToQueue: mine(queueLogin(true)),
    logoutUserAgentFromQueue: mine(queueLogin(false)),
  };
}
