import { simplePdf } from '../../framework/media/pdf.js';
import type { SimReply } from '../../framework/reply.js';
import { clientFields, isJsonObject, publicView, type Json, type Stored } from '../documents.js';
import { outgoingFaxEvents } from '../realtime/fax-events.js';
import type { Fax, FaxJob, SmtpLog } from '../records.js';
import { attachmentKey } from '../store.js';
import { prettyDateTime } from '../time.js';
import { randomHex } from '../tokens.js';
import { accountIdOf, dataOf, download, nowSeconds, param, reply, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';
import { listing } from './listing.js';
import { hasErrors, validateDoc } from './validation.js';

type StoredFax = Stored<Fax>;
type StoredJob = Stored<FaxJob>;

const FAX_TYPES = ['application/pdf', 'application/x-pdf', 'image/tiff'];

/** faxes (send by JSON or multipart, inbox, outbox, incoming and outgoing jobs, attachments, SMTP log) and faxboxes. */
export function faxRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;

  /** `{document: {url}}` JSON, or multipart/form-data with a `data` part (JSON) and a `file` part (PDF or TIFF). */
  const send = async (context: KzContext): Promise<SimReply> => {
    let fields: Json;
    let document: { bytes: Uint8Array; contentType: string } | undefined;
    if (context.body instanceof Uint8Array) {
      const parsed = await readMultipart(context.request, context.body);
      if ('problem' in parsed) return envelopes.invalidField(context.request, 'multipart', 'invalid', { message: parsed.problem });
      ({ fields, document } = parsed);
    } else {
      fields = clientFields(dataOf(context));
    }
    const errors = validateDoc(fields, { required: ['from_number', 'to_number'] }, { accountId: accountIdOf(context) });
    if (!document && !(isJsonObject(fields.document) && typeof fields.document.url === 'string')) errors['document.url'] = { required: { message: 'Field is required but missing' } };
    if (hasErrors(errors)) return envelopes.validation(context.request, errors);
    const id = randomHex();
    const job = store.faxJobs.insert(accountIdOf(context), id, { retries: 1, attempts: 0, ...fields, status: 'pending', direction: 'outgoing' } as unknown as FaxJob, nowSeconds(deps));
    if (document) store.attachments.set(attachmentKey('fax', id), document);
    deps.events.emit(outgoingFaxEvents(job, nowSeconds(deps)));
    const location = new URL(context.request.url).pathname.replace(/\/faxes(\/outgoing)?\/?$/, `/faxes/outgoing/${id}`);
    return reply(deps, context, 201, publicView(job), { revision: job._rev, headers: { Location: location } });
  };

  /** Copies a stored fax into a new outgoing job: `action` (top of the body only) is `forward` (inbox) or `resubmit` (outbox). */
  const resend = (folder: Fax['folder']) =>
    withFax(folder, (fax, context) => {
      const action = isJsonObject(context.body) ? context.body.action : undefined;
      if (action === undefined) return envelopes.error(context.request, 400, 'action required', {});
      if (action !== (folder === 'inbox' ? 'forward' : 'resubmit')) return envelopes.error(context.request, 400, 'invalid action', {});
      const fields = clientFields(dataOf(context));
      const job = store.faxJobs.insert(
        fax.pvt_account_id,
        randomHex(),
        { retries: 1, attempts: 0, from_number: fax.from_number, to_number: fax.to_number, ...fields, status: 'pending', direction: 'outgoing', resubmitted_from: fax.id } as FaxJob,
        nowSeconds(deps),
      );
      deps.events.emit(outgoingFaxEvents(job, nowSeconds(deps)));
      return reply(deps, context, 201, publicView(job), { revision: job._rev });
    });

  function withFax(folder: Fax['folder'], then: (fax: StoredFax, context: KzContext) => SimReply) {
    return (context: KzContext) => {
      const id = param(context, 'fax_id');
      const fax = store.faxes.get(accountIdOf(context), id);
      return fax && fax.folder === folder ? then(fax, context) : envelopes.badIdentifier(context.request, id);
    };
  }

  const folderRoutes = (folder: Fax['folder']): Routes => ({
    [`GET /accounts/{account_id}/faxes/${folder}`]: (context) =>
      listing(deps, context, store.faxes.inAccount(accountIdOf(context)).filter((fax) => fax.folder === folder), { view: faxRow, time: (fax) => fax.timestamp }),
    [`GET /accounts/{account_id}/faxes/${folder}/{fax_id}`]: withFax(folder, (fax, context) => reply(deps, context, 200, publicView(fax), { revision: fax._rev })),
    [`PUT /accounts/{account_id}/faxes/${folder}/{fax_id}`]: resend(folder),
    [`DELETE /accounts/{account_id}/faxes/${folder}/{fax_id}`]: withFax(folder, (fax, context) => {
      store.faxes.delete(fax.id);
      store.attachments.delete(attachmentKey('fax', fax.id));
      return reply(deps, context, 200, publicView(fax), { revision: fax._rev });
    }),
    [`GET /accounts/{account_id}/faxes/${folder}/{fax_id}/attachment`]: withFax(folder, (fax, context) => {
      if (fax.pvt_attachment_deleted === true) return envelopes.badIdentifier(context.request, `${fax.id}/attachment`);
      const stored = store.attachments.get(attachmentKey('fax', fax.id));
      const pdf = stored ?? { bytes: faxPdf(fax), contentType: 'application/pdf' };
      return download(context, pdf.bytes, pdf.contentType);
    }),
    [`DELETE /accounts/{account_id}/faxes/${folder}/{fax_id}/attachment`]: withFax(folder, (fax, context) => {
      fax.pvt_attachment_deleted = true;
      store.attachments.delete(attachmentKey('fax', fax.id));
      return reply(deps, context, 200, publicView(fax), { revision: fax._rev });
    }),
  });

  const jobRoutes = (direction: FaxJob['direction'], idParam: string): Routes => ({
    [`GET /accounts/{account_id}/faxes/${direction}`]: (context) =>
      listing(deps, context, store.faxJobs.inAccount(accountIdOf(context)).filter((job) => job.direction === direction), { view: jobSummary }),
    [`GET /accounts/{account_id}/faxes/${direction}/{${idParam}}`]: (context) => {
      const id = param(context, idParam);
      const job = store.faxJobs.get(accountIdOf(context), id);
      return job && job.direction === direction ? reply(deps, context, 200, publicView(job), { revision: job._rev }) : envelopes.badIdentifier(context.request, id);
    },
  });

  return {
    'PUT /accounts/{account_id}/faxes': send,
    'PUT /accounts/{account_id}/faxes/outgoing': send,
    ...jobRoutes('outgoing', 'fax_job_id'),
    ...jobRoutes('incoming', 'fax_id'),
    ...folderRoutes('inbox'),
    ...folderRoutes('outbox'),

    'GET /accounts/{account_id}/faxes/smtplog': (context) =>
      listing(deps, context, store.smtpLogs.inAccount(accountIdOf(context)), { view: (log: Stored<SmtpLog>) => ({ ...publicView(log), created: log.timestamp }), time: (log) => log.timestamp }),
    'GET /accounts/{account_id}/faxes/smtplog/{attempt_id}': (context) => {
      const id = param(context, 'attempt_id');
      const log = store.smtpLogs.get(accountIdOf(context), id);
      return log ? reply(deps, context, 200, publicView(log), { revision: log._rev }) : envelopes.badIdentifier(context.request, id);
    },

    ...crudRoutes(deps, {
      path: '/accounts/{account_id}/faxboxes',
      idParam: 'faxbox_id',
      table: (s) => s.faxboxes,
      rules: { required: ['name'], defaults: { retries: 1, attempts: 0 } },
      summary: (box) => ({ id: box.id, name: box.name, ...(box.caller_name ? { caller_name: box.caller_name } : {}), ...(box.caller_id ? { caller_id: box.caller_id } : {}) }),
      key: (box) => box.name.toLowerCase(),
    }),
  };
}

/** An outgoing or incoming job as its view row lists it. */
function jobSummary(job: StoredJob): Json {
  const { id, status, from_number, to_number, faxbox_id } = job;
  return { id, status, from: from_number, to: to_number, from_number, to_number, created: job.pvt_created, ...(faxbox_id ? { faxbox_id } : {}) };
}

/** An inbox or outbox row: the view's `from`, `to` and `created` merged with the stored document. */
function faxRow(fax: StoredFax): Json {
  return { ...publicView(fax), from: fax.from_number, to: fax.to_number, created: fax.timestamp };
}

/** A stored fax's document: a one-page PDF cover sheet naming the transmission. */
function faxPdf(fax: StoredFax): Uint8Array {
  return simplePdf(`Fax ${fax.folder === 'inbox' ? 'from' : 'to'} ${fax.folder === 'inbox' ? fax.from_number : fax.to_number}`, [
    `From: ${fax.from_number}`,
    `To: ${fax.to_number}`,
    `Date: ${prettyDateTime(fax.timestamp)} UTC`,
    `Pages: ${fax.pages ?? 1}`,
    `Status: ${fax.status}`,
  ]);
}

async function readMultipart(request: Request, body: Uint8Array): Promise<{ fields: Json; document?: { bytes: Uint8Array; contentType: string } } | { problem: string }> {
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return { problem: 'Send multipart/form-data with a "data" part (JSON) and a "file" part (PDF or TIFF)' };
  }
  const data = form.get('data');
  let fields: Json = {};
  if (data !== null) {
    try {
      const parsed: unknown = JSON.parse(typeof data === 'string' ? data : await data.text());
      fields = clientFields(isJsonObject(parsed) && isJsonObject(parsed.data) ? parsed.data : parsed);
    } catch {
      return { problem: 'The "data" part must be JSON' };
    }
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') return { fields };
  const contentType = file.type.toLowerCase();
  if (!FAX_TYPES.includes(contentType)) return { problem: `Unsupported fax document type ${contentType || 'unknown'}` };
  return { fields, document: { bytes: new Uint8Array(await file.arrayBuffer()), contentType } };
}
