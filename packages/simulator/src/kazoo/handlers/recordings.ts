import type { SimReply } from '../../framework/reply.js';
import { publicView, type Stored } from '../documents.js';
import type { Recording } from '../records.js';
import { attachmentKey } from '../store.js';
import { audioDownload, audioOf, framesFor, wantsAudio } from './binary.js';
import { accountIdOf, param, reply, type Deps, type KzContext, type Routes } from './common.js';
import { listing } from './listing.js';

type StoredRecording = Stored<Recording>;

/** recordings: time-ranged listings (account, user), documents or audio by `Accept`, delete. */
export function recordingRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const accountRecordings = (context: KzContext) => store.recordings.inAccount(accountIdOf(context));
  /** Listing rows are whole documents plus the content types of the stored audio. */
  const recordingListing = (context: KzContext, rows: StoredRecording[]) =>
    listing(deps, context, rows, { view: (recording) => ({ ...publicView(recording), _read_only: { content_types: [recording.content_type] } }), time: (recording) => recording.start });

  const withRecording = (then: (recording: StoredRecording, context: KzContext) => SimReply) => (context: KzContext) => {
    const id = param(context, 'recording_id');
    const recording = store.recordings.get(accountIdOf(context), id);
    return recording ? then(recording, context) : envelopes.badIdentifier(context.request, id);
  };

  return {
    'GET /accounts/{account_id}/recordings': (context) => recordingListing(context, accountRecordings(context)),
    'GET /accounts/{account_id}/users/{user_id}/recordings': (context) => {
      const userId = param(context, 'user_id');
      if (!store.users.get(accountIdOf(context), userId)) return envelopes.badIdentifier(context.request, userId);
      return recordingListing(context, accountRecordings(context).filter((recording) => recording.owner_id === userId));
    },
    'GET /accounts/{account_id}/recordings/{recording_id}': withRecording((recording, context) =>
      wantsAudio(context.request)
        ? audioDownload(context, audioOf(store, 'recording', recording.id, framesFor(recording.duration_ms)))
        : reply(deps, context, 200, publicView(recording), { revision: recording._rev }),
    ),
    'DELETE /accounts/{account_id}/recordings/{recording_id}': withRecording((recording, context) => {
      store.recordings.delete(recording.id);
      store.attachments.delete(attachmentKey('recording', recording.id));
      return reply(deps, context, 200, publicView(recording), { revision: recording._rev });
    }),
  };
}
