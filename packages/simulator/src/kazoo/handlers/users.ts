import type { SimReply } from '../../framework/reply.js';
import { credentialsHash } from '../credentials.js';
import type { Json, Stored } from '../documents.js';
import type { ValidationData } from '../envelope.js';
import type { User, UserPrivate } from '../records.js';
import { attachmentKey } from '../store.js';
import { accountIdOf, download, param, reply, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';

type StoredUser = Stored<User & UserPrivate>;

/** users: documents (passwords stored as md5/sha1 credential hashes), photo and vCard. */
export function userRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;

  const check = (doc: Json, scope: { accountId: string; id?: string }): ValidationData => {
    const username = typeof doc.username === 'string' ? doc.username.toLowerCase() : undefined;
    const taken = username !== undefined && store.users.inAccount(scope.accountId).some((u) => u.id !== scope.id && u.username?.toLowerCase() === username);
    return taken ? { username: { unique: { message: 'User name already in use', cause: doc.username } } } : {};
  };

  /** A password is never stored: it becomes the credential hashes `user_auth` compares against. */
  const prepare = (fields: Json, _context: KzContext, existing?: StoredUser) => {
    const { password, ...rest } = fields;
    const username = typeof rest.username === 'string' ? rest.username : existing?.username;
    if (typeof password !== 'string' || username === undefined) return { fields: rest };
    return { fields: rest, private: { pvt_md5_auth: credentialsHash(username, password, 'md5'), pvt_sha1_auth: credentialsHash(username, password, 'sha') } };
  };

  const withUser = (then: (user: StoredUser, context: KzContext) => SimReply) => (context: KzContext) => {
    const user = store.users.get(accountIdOf(context), param(context, 'user_id'));
    return user ? then(user, context) : envelopes.badIdentifier(context.request, param(context, 'user_id'));
  };

  return {
    ...crudRoutes(deps, {
      path: '/accounts/{account_id}/users',
      idParam: 'user_id',
      table: (s) => s.users,
      rules: {
        required: ['first_name', 'last_name'],
        enums: { priv_level: ['user', 'admin'] },
        defaults: { enabled: true, priv_level: 'user', vm_to_email_enabled: true },
        check,
      },
      summary: (user) => ({
        id: user.id,
        username: user.username,
        email: user.email,
        first_name: user.first_name,
        last_name: user.last_name,
        priv_level: user.priv_level,
        presence_id: user.presence_id,
        features: user.features ?? [],
        enabled: user.enabled,
      }),
      prepare,
      key: (user) => `${user.last_name} ${user.first_name}`.toLowerCase(),
      afterDelete: (user) => store.attachments.delete(attachmentKey('photo', user.id)),
    }),

    'GET /accounts/{account_id}/users/{user_id}/photo': withUser((user, context) => {
      const photo = store.attachments.get(attachmentKey('photo', user.id));
      return photo ? download(context, photo.bytes, 'application/octet-stream') : envelopes.badIdentifier(context.request, `${user.id}/photo`);
    }),
    'POST /accounts/{account_id}/users/{user_id}/photo': withUser((user, context) => {
      if (!(context.body instanceof Uint8Array)) {
        return envelopes.invalidField(context.request, 'photo', 'required', { message: 'Please provide an image file' });
      }
      store.attachments.set(attachmentKey('photo', user.id), { contentType: 'application/octet-stream', bytes: context.body });
      return reply(deps, context, 200, {}, { revision: user._rev });
    }),
    'DELETE /accounts/{account_id}/users/{user_id}/photo': withUser((user, context) => {
      store.attachments.delete(attachmentKey('photo', user.id));
      return reply(deps, context, 200, {}, { revision: user._rev });
    }),

    'GET /accounts/{account_id}/users/{user_id}/vcard': withUser((user, context) => download(context, vcard(user), 'text/x-vcard')),
  };
}

/** A vCard 3.0 of the user, lines ending in CRLF. */
function vcard(user: StoredUser): string {
  const caller = user.caller_id as { internal?: { number?: string }; external?: { number?: string } } | undefined;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${user.first_name} ${user.last_name}`,
    `N:${user.last_name};${user.first_name};;;`,
    ...(user.email ? [`EMAIL;TYPE=WORK:${user.email}`] : []),
    ...(caller?.external?.number ? [`TEL;TYPE=WORK,VOICE:${caller.external.number}`] : []),
    ...(caller?.internal?.number ? [`TEL;TYPE=CELL:${caller.internal.number}`] : []),
    ...(typeof user.timezone === 'string' ? [`TZ:${user.timezone}`] : []),
    `UID:${user.id}`,
    'END:VCARD',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
