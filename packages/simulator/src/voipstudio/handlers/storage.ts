import { simplePdf } from '../../framework/media/pdf.js';
import { bytes, json } from '../../framework/reply.js';
import { formatDateTime } from '../datetime.js';
import { invalidField, notFound, vsError } from '../errors.js';
import { callerOf, deleteMatchingHandler, fieldsOf, getHandler, idOf, itemReply, listHandler, type Deps, type VsHandlers } from './common.js';

/** sms (sending to one of the account's own numbers sends `sms.received`), faxes and transactions (with their PDFs). */
export function storageHandlers(deps: Deps): VsHandlers {
  const { store, now, webhooks } = deps;
  const pdf = (title: string, lines: string[]) => bytes(simplePdf(title, lines), 'application/pdf');

  /** An SMS sent to one of the account's own SMS numbers arrives there too: an inbound record and `sms.received`. */
  const receiveSms = (text: { created_at: string; from: string; to: string; message: string }) => {
    store.sms.insert((id) => ({ ...text, id, user_id: null, type: 'I', result: 'RECEIVED' }));
    webhooks.emit('sms.received', { customer_id: store.account.customerId, from_no: text.from, to_no: text.to, text: text.message });
  };

  return {
    listSms: listHandler(deps, 'listSms', { rows: () => store.sms.all() }),
    getSms: getHandler(() => store.sms),
    // The 202 body is not documented; the spec declares an open JSON object.
    deleteSms: deleteMatchingHandler(() => store.sms, fieldsOf(deps, 'listSms'), json(202, {})),

    sendSms: (context) => {
      const { to, from, message } = context.body as { to: string; from?: string; message: string };
      const senders = store.ddis.all().filter((ddi) => ddi.sms_enabled).map((ddi) => ddi.e164);
      const sender = from?.replace(/^\+/, '') ?? senders[0];
      if (sender === undefined || !senders.includes(sender)) return invalidField('from', 'This number cannot send SMS.');
      const text = { created_at: formatDateTime(now()), from: sender, to: to.replace(/^\+/, ''), message };
      const sms = store.sms.insert((id) => ({ id, user_id: callerOf(context).userId, ...text, type: 'O', result: 'SENT' }));
      if (senders.includes(text.to)) receiveSms(text);
      return itemReply(sms, 201);
    },

    listFaxes: listHandler(deps, 'listFaxes', { rows: () => store.faxes.all(), unfilterable: ['from', 'to'] }),

    downloadFaxPdf: (context) => {
      const fax = store.faxes.get(idOf(context));
      if (!fax) return notFound();
      return pdf(`Fax ${fax.id}`, [`From: +${fax.from}`, `To: +${fax.to}`, `Date: ${fax.created_at}`, `Pages: ${fax.pages}`, `Status: ${fax.status}`]);
    },

    listTransactions: listHandler(deps, 'listTransactions', { rows: () => store.transactions.all() }),

    downloadTransactionPdf: (context) => {
      const transaction = store.transactions.get(idOf(context));
      if (!transaction) return notFound();
      if (transaction.result !== 'COMPLETED') return vsError(400, 'Transaction is not completed yet');
      return pdf(`Invoice INV-${transaction.id}`, [
        `Date: ${transaction.created_at}`,
        `Customer: ${store.account.customerId}`,
        `Type: ${transaction.type}`,
        `Amount: ${transaction.amount.toFixed(2)} ${transaction.currency_iso}`,
      ]);
    },
  };
}
