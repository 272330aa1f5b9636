import { json } from '../../framework/reply.js';
import { invalidField, vsError } from '../errors.js';
import { randomHex } from '../tokens.js';
import { callerOf, itemReply, type Deps, type VsHandlers } from './common.js';

interface Credentials {
  email: string;
  password: string;
}

/** auth (login, 2FA, logout, ping) and account (password recovery). */
export function sessionHandlers({ store, sessions, twoFactorCode }: Deps): VsHandlers {
  const findUser = (email: string) => store.users.all().find((user) => user.email.toLowerCase() === email.toLowerCase());

  return {
    login: ({ body }) => {
      const { email, password } = body as Credentials;
      const user = findUser(email);
      const secrets = user && store.userSecrets.get(user.id);
      if (!user || !secrets || secrets.password !== password || store.account.deleted) {
        return vsError(400, 'Validation error', [{ field: 'email', code: 'AU1003', message: 'Invalid email or password.' }]);
      }
      if (secrets.twoFactor) return json(202, { nonce: sessions.startTwoFactor(user.id) });
      return json(200, { message: 'Login success', user_token: sessions.start(user.id), user_id: user.id });
    },

    loginTwoFactor: ({ body }) => {
      const { code, nonce } = body as { code: string; nonce: string };
      const userId = sessions.twoFactorUser(nonce);
      if (userId === undefined) return vsError(401, 'Unauthorized', [{ field: 'nonce', message: 'Invalid or expired nonce' }]);
      if (code !== twoFactorCode) return vsError(401, 'Unauthorized', [{ field: 'code', message: 'Invalid code' }]);
      sessions.finishTwoFactor(nonce);
      return json(200, { user_id: userId, user_token: sessions.start(userId) });
    },

    logout: (context) => {
      const caller = callerOf(context);
      if (caller.via === 'session') sessions.end(caller.token);
      return { status: 204 };
    },

    ping: () => itemReply({ response: 'Pong' }),

    requestPasswordReset: ({ body }) => {
      const user = findUser((body as { email: string }).email);
      if (user) store.passwordResets.set(randomHex(), user.id);
      return json(200, { message: 'If the address belongs to an account, a recovery email is on its way.' });
    },

    resetPassword: ({ body }) => {
      const { token, password } = body as { token: string; password: string };
      const userId = store.passwordResets.get(token);
      const secrets = userId === undefined ? undefined : store.userSecrets.get(userId);
      if (!secrets) return invalidField('token', 'The reset link is invalid or has expired.');
      if (password.length < 8) return invalidField('password', 'The password must have at least 8 characters.');
      secrets.password = password;
      store.passwordResets.delete(token);
      return json(200, { message: 'Password changed' });
    },
  };
}
