import { formatDateTime } from '../datetime.js';
import { invalidField, notFound } from '../errors.js';
import type { ApiToken } from '../records.js';
import { randomHex } from '../tokens.js';
import { callerOf, itemReply, listHandler, type Deps, type VsHandlers } from './common.js';

/** users (me, list) and apiTokens. */
export function userHandlers(deps: Deps): VsHandlers {
  const { store, now } = deps;
  const tokensOf = (userId: number) => [...store.apiTokens.values()].filter((token) => token.user_id === userId);

  return {
    getMe: (context) => {
      const user = store.users.get(callerOf(context).userId);
      if (!user) return notFound();
      const secrets = store.userSecrets.get(user.id);
      return itemReply({ ...user, customer_id: store.account.customerId, sip_domain: store.account.sipDomain, sip_password: secrets?.sipPassword ?? '' });
    },

    listUsers: listHandler(deps, 'listUsers', { rows: () => store.users.all() }),

    createApiToken: (context) => {
      const caller = callerOf(context);
      const { name, expiry } = context.body as { name: string; expiry: number };
      if (tokensOf(caller.userId).some((token) => token.name === name)) return invalidField('name', 'This name is already used.');
      const token: ApiToken = {
        user_id: caller.userId,
        token: randomHex(),
        customer_id: store.account.customerId,
        name,
        host: context.request.headers.get('X-Forwarded-For') ?? '127.0.0.1',
        user_agent: context.request.headers.get('User-Agent'),
        expiry,
        last_request_at: null,
        created_at: formatDateTime(now()),
      };
      store.apiTokens.set(token.token, token);
      return itemReply(token, 201);
    },

    listApiTokens: listHandler(deps, 'listApiTokens', { rows: (context) => tokensOf(callerOf(context).userId) }),

    deleteApiToken: (context) => {
      const token = store.apiTokens.get(context.path.token as string);
      if (!token || token.user_id !== callerOf(context).userId) return notFound();
      store.apiTokens.delete(token.token);
      return { status: 204 };
    },
  };
}
