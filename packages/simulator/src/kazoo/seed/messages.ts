import type { Random } from '../../framework/random.js';
import type { Stored } from '../documents.js';
import type { Fax, FaxJob, Media, SmtpLog, VoicemailMessage } from '../records.js';
import { modbId } from '../time.js';
import type { AccountDirectory } from './directory.js';
import { seededDoc } from './doc.js';
import { MEDIA_NAMES } from './names.js';
import { externalNumber } from './phone.js';

const DAY = 86_400;

export interface Messages {
  voicemailMessages: Stored<VoicemailMessage>[];
  faxes: Stored<Fax>[];
  faxJobs: Stored<FaxJob>[];
  smtpLogs: Stored<SmtpLog>[];
  media: Stored<Media>[];
}

/** Voicemail, faxes (inbox, outbox, a queued job), fax-to-email logs and media of one account, all recent. */
export function seedMessages(random: Random, now: number, directory: AccountDirectory): Messages {
  const { accountId, realm } = directory;
  const recent = (days: number) => now - random.int(600, days * DAY);

  const voicemailMessages = directory.vmboxes.flatMap((box) =>
    Array.from({ length: random.int(2, 6) }, () => {
      const time = recent(25);
      const caller = externalNumber(random);
      const id = modbId(time, random.string(32));
      const fields: VoicemailMessage = {
        source_id: box.id,
        media_id: id,
        folder: random.chance(0.6) ? 'new' : 'saved',
        timestamp: time,
        length: random.int(4, 90) * 1000,
        caller_id_number: caller,
        caller_id_name: random.pick(['WIRELESS CALLER', 'SAN FRANCISCO CA', 'NEW YORK NY']),
        call_id: `${random.string(16)}@203.0.113.20`,
        from: `${caller}@${realm}`,
        to: `${box.mailbox}@${realm}`,
      };
      return seededDoc('mailbox_message', accountId, id, fields, time);
    }),
  );

  const faxbox = directory.faxboxes[0];
  const faxes = faxbox
    ? Array.from({ length: 24 }, (_, i) => {
        const time = recent(30);
        const inbound = i % 5 < 3;
        const party = externalNumber(random);
        const pages = random.int(1, 6);
        const ok = random.chance(0.9);
        const fields: Fax = {
          folder: inbound ? 'inbox' : 'outbox',
          from_number: inbound ? party : String(faxbox.caller_id),
          to_number: inbound ? String(faxbox.caller_id) : party,
          from_name: inbound ? 'Remote fax' : String(faxbox.caller_name),
          to_name: inbound ? String(faxbox.caller_name) : 'Remote fax',
          status: ok ? 'completed' : 'failed',
          timestamp: time,
          pages,
          faxbox_id: faxbox.id,
          [inbound ? 'rx_result' : 'tx_result']: {
            success: ok,
            result_code: ok ? 0 : 49,
            result_text: ok ? 'OK' : 'The call dropped prematurely',
            pages_sent: ok ? pages : 0,
            time_elapsed: pages * 22,
          },
        };
        return seededDoc('fax', accountId, modbId(time, random.string(32)), fields, time);
      })
    : [];

  const faxJobs = faxbox
    ? [
        seededDoc<FaxJob>(
          'fax',
          accountId,
          random.string(32),
          { from_number: String(faxbox.caller_id), to_number: externalNumber(random), status: 'pending', direction: 'outgoing', document: { url: 'https://files.example.com/quote-4411.pdf', method: 'get' }, retries: 3, attempts: 0, faxbox_id: faxbox.id },
          now - 120,
        ),
      ]
    : [];

  const smtpLogs = faxbox
    ? Array.from({ length: 3 }, () => {
        const time = recent(20);
        return seededDoc<SmtpLog>(
          'fax_smtp_log',
          accountId,
          modbId(time, random.string(32)),
          { from: directory.users[0]?.email as string, to: `${externalNumber(random).slice(1)}@fax.${realm}`, description: 'fax document received via email', timestamp: time, faxbox_id: faxbox.id },
          time,
        );
      })
    : [];

  const media = MEDIA_NAMES.slice(0, directory.vmboxes.length > 0 ? MEDIA_NAMES.length : 1).map((name, i) =>
    seededDoc<Media>(
      'media',
      accountId,
      random.string(32),
      {
        name,
        description: `${name} (uploaded)`,
        media_source: i === 4 ? 'tts' : 'upload',
        language: i === 2 ? 'fr-ca' : 'en-us',
        streamable: true,
        content_type: 'audio/mpeg',
        content_length: mediaFrames(i) * 144,
        source_type: 'upload',
        ...(i === 4 ? { tts: { text: 'Please hold, your call is important to us.', voice: 'female/en-US' } } : {}),
        ...(i === 5 ? { prompt_id: 'vm-enter_pass' } : {}),
      },
      now - random.int(10, 200) * DAY,
    ),
  );

  return { voicemailMessages, faxes, faxJobs, smtpLogs, media };
}

/** MP3 frames of the i-th seeded media file (36 ms each): a few seconds of silence. */
export function mediaFrames(index: number): number {
  return 56 + index * 28;
}
