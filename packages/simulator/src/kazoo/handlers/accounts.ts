import type { SimReply } from '../../framework/reply.js';
import { isWithin } from '../auth.js';
import { normalizeAccountName } from '../credentials.js';
import { clientFields, mergePatch, privateFields, publicView, type Json, type Stored } from '../documents.js';
import type { ValidationData } from '../envelope.js';
import { objectEvents } from '../realtime/object-events.js';
import type { Account, AccountPrivate } from '../records.js';
import { randomHex } from '../tokens.js';
import { accountIdOf, callerOf, dataOf, nowSeconds, reply, type Deps, type KzContext, type Routes } from './common.js';
import { listing } from './listing.js';
import { hasErrors, validateDoc } from './validation.js';

type StoredAccount = Stored<Account & AccountPrivate>;

/** accounts: the documents, their hierarchy (children, descendants, parents, siblings, tree), API keys, resellers, moves. */
export function accountRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const accountOf = (context: KzContext) => store.accounts.find(accountIdOf(context))!;
  const parentOf = (account: StoredAccount) => account.pvt_tree.at(-1);

  /** The account document, with the private facts Crossbar shows (`cb_accounts:leak_pvt_fields`). */
  const view = (account: StoredAccount): Json => {
    const reseller = [...account.pvt_tree].reverse().find((id) => store.accounts.find(id)?.pvt_reseller);
    return {
      ...publicView(account),
      created: account.pvt_created,
      is_reseller: account.pvt_reseller,
      ...(reseller ? { reseller_id: reseller } : {}),
      superduper_admin: account.pvt_superduper_admin,
      billing_mode: 'manual',
      wnm_allow_additions: false,
    };
  };
  const summary = (account: StoredAccount): Json => ({
    id: account.id,
    name: account.name,
    realm: account.realm,
    tree: account.pvt_tree,
    descendants_count: store.accounts.all().filter((a) => a.pvt_tree.includes(account.id)).length,
  });
  const ancestors = (account: StoredAccount) => account.pvt_tree.map((id) => store.accounts.find(id)).filter((a): a is StoredAccount => a !== undefined);
  const accountReply = (context: KzContext, status: number, account: StoredAccount, headers?: Record<string, string>) =>
    reply(deps, context, status, view(account), { revision: account._rev, ...(headers ? { headers } : {}) });

  /** Name and realm are required to be unique across the system. */
  const validate = (fields: Json, self?: string): ValidationData => {
    const errors = validateDoc(fields, { required: ['name'] }, { accountId: self ?? '' });
    const others = store.accounts.all().filter((a) => a.id !== self);
    if (typeof fields.name === 'string' && others.some((a) => normalizeAccountName(a.name) === normalizeAccountName(fields.name as string))) {
      errors.name = { unique: { message: 'Account name already in use', cause: fields.name } };
    }
    if (typeof fields.realm === 'string' && others.some((a) => a.realm.toLowerCase() === (fields.realm as string).toLowerCase())) {
      errors.realm = { unique: { message: 'Account realm already in use', cause: fields.realm } };
    }
    return errors;
  };

  const createChild = (context: KzContext, parent: StoredAccount): SimReply => {
    const fields: Json = { timezone: parent.timezone, language: 'en-us', enabled: true, ...clientFields(dataOf(context)) };
    fields.realm ??= `${randomHex(6)}.sip.pbxkit.test`;
    const errors = validate(fields);
    if (hasErrors(errors)) return envelopes.validation(context.request, errors);
    const id = randomHex();
    const account = store.accounts.insert(id, id, fields as unknown as Account & AccountPrivate, nowSeconds(deps), {
      pvt_tree: [...parent.pvt_tree, parent.id],
      pvt_api_key: randomHex(64),
      pvt_superduper_admin: false,
      pvt_reseller: false,
    });
    deps.events.emit(objectEvents('doc_created', account));
    const location = new URL(context.request.url).pathname.replace(/\/accounts(\/[^/]+)?\/?$/, `/accounts/${id}`);
    return accountReply(context, 201, account, { Location: location });
  };

  const save = (context: KzContext, account: StoredAccount, fields: Json): SimReply => {
    const errors = validate(fields, account.id);
    if (hasErrors(errors)) return envelopes.validation(context.request, errors);
    const saved = store.accounts.replace(account, fields as unknown as Account & AccountPrivate, privateFields(account), nowSeconds(deps));
    deps.events.emit(objectEvents('doc_edited', saved));
    return accountReply(context, 200, saved);
  };

  const requireSuperAdmin = (context: KzContext, then: () => SimReply): SimReply =>
    callerOf(context).account.pvt_superduper_admin ? then() : envelopes.forbidden(context.request);

  const accountListing = (context: KzContext, rows: StoredAccount[]) => listing(deps, context, rows, { view: summary, key: (a) => a.name });

  return {
    'PUT /accounts': (context) => createChild(context, callerOf(context).account),
    'GET /accounts/{account_id}': (context) => accountReply(context, 200, accountOf(context)),
    'PUT /accounts/{account_id}': (context) => createChild(context, accountOf(context)),
    'POST /accounts/{account_id}': (context) => save(context, accountOf(context), clientFields(dataOf(context))),
    'PATCH /accounts/{account_id}': (context) => {
      const account = accountOf(context);
      return save(context, account, mergePatch(clientFields(publicView(account)), clientFields(dataOf(context))));
    },
    'DELETE /accounts/{account_id}': (context) => {
      const account = accountOf(context);
      if (store.accounts.all().some((a) => a.pvt_tree.includes(account.id))) {
        return envelopes.error(context.request, 400, 'account_has_descendants', { message: 'account has descendants' });
      }
      store.accounts.delete(account.id);
      deps.events.emit(objectEvents('doc_deleted', account));
      return accountReply(context, 200, account);
    },

    'GET /accounts/{account_id}/api_key': (context) => reply(deps, context, 200, { api_key: accountOf(context).pvt_api_key }),
    'PUT /accounts/{account_id}/api_key': (context) => {
      const account = accountOf(context);
      // The old key stops working at once; tokens already issued with it stay valid until they expire.
      account.pvt_api_key = randomHex(64);
      return reply(deps, context, 201, { api_key: account.pvt_api_key });
    },

    'GET /accounts/{account_id}/children': (context) => {
      const id = accountIdOf(context);
      return accountListing(context, store.accounts.all().filter((a) => parentOf(a) === id));
    },
    'GET /accounts/{account_id}/descendants': (context) => {
      const id = accountIdOf(context);
      return accountListing(context, store.accounts.all().filter((a) => a.pvt_tree.includes(id)));
    },
    'GET /accounts/{account_id}/siblings': (context) => {
      const account = accountOf(context);
      const parent = parentOf(account);
      return accountListing(context, store.accounts.all().filter((a) => a.id !== account.id && parent !== undefined && parentOf(a) === parent));
    },
    'GET /accounts/{account_id}/parents': (context) => parentsReply(context),
    'GET /accounts/{account_id}/tree': (context) => parentsReply(context),

    'PUT /accounts/{account_id}/reseller': (context) => requireSuperAdmin(context, () => setReseller(context, true)),
    'DELETE /accounts/{account_id}/reseller': (context) => requireSuperAdmin(context, () => setReseller(context, false)),

    'POST /accounts/{account_id}/move': (context) =>
      requireSuperAdmin(context, () => {
        const account = accountOf(context);
        const to = dataOf(context).to;
        const target = typeof to === 'string' ? store.accounts.find(to) : undefined;
        if (!target) return envelopes.invalidField(context.request, 'to', typeof to === 'string' ? 'not_found' : 'required', { message: typeof to === 'string' ? 'Account to move to not found' : 'Field is required but missing', ...(typeof to === 'string' ? { cause: to } : {}) });
        if (isWithin(target, account.id)) return envelopes.invalidField(context.request, 'to', 'forbidden', { message: 'Can not move an account under itself', cause: to });
        const oldTree = [...account.pvt_tree, account.id];
        const newTree = [...target.pvt_tree, target.id, account.id];
        for (const moved of store.accounts.all().filter((a) => a.id === account.id || a.pvt_tree.includes(account.id))) {
          moved.pvt_tree = moved.id === account.id ? newTree.slice(0, -1) : [...newTree, ...moved.pvt_tree.slice(oldTree.length)];
        }
        return accountReply(context, 200, account);
      }),
  };

  function parentsReply(context: KzContext): SimReply {
    const rows = ancestors(accountOf(context)).map((a) => ({ id: a.id, name: a.name }));
    return reply(deps, context, 200, rows, { paging: { page_size: rows.length } });
  }

  function setReseller(context: KzContext, reseller: boolean): SimReply {
    const account = accountOf(context);
    account.pvt_reseller = reseller;
    return accountReply(context, 200, account);
  }

}
