import { accountIdOf, param, reply, type Deps, type Routes } from './common.js';

/** registrations: the SIP registrations of an account (list, count, flush all or one username). */
export function registrationRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const ofAccount = (accountId: string) => store.registrations.filter((registration) => registration.account_id === accountId);
  return {
    'GET /accounts/{account_id}/registrations': (context) => reply(deps, context, 200, ofAccount(accountIdOf(context))),
    'GET /accounts/{account_id}/registrations/count': (context) => reply(deps, context, 200, { count: ofAccount(accountIdOf(context)).length }),
    'DELETE /accounts/{account_id}/registrations': (context) => {
      store.registrations = store.registrations.filter((registration) => registration.account_id !== accountIdOf(context));
      return reply(deps, context, 200, 'ok');
    },
    // A username no device of the account uses is a 404; flushing one nobody registered is fine.
    'DELETE /accounts/{account_id}/registrations/{username}': (context) => {
      const username = param(context, 'username').toLowerCase();
      const known = store.devices.inAccount(accountIdOf(context)).some((device) => device.sip?.username?.toLowerCase() === username);
      if (!known) return envelopes.badIdentifier(context.request, param(context, 'username'));
      store.registrations = store.registrations.filter((registration) => registration.account_id !== accountIdOf(context) || registration.username.toLowerCase() !== username);
      return reply(deps, context, 200, 'ok');
    },
  };
}
