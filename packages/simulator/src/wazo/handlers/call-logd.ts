import { silentWav } from '../../framework/media/wav.js';
import { zipArchive } from '../../framework/media/zip.js';
import { bytes, empty, json, type SimReply } from '../../framework/reply.js';
import { toCsv } from '../../framework/csv.js';
import type { CallLogd } from '../generated.js';
import { compareValues } from '../list-query.js';
import type { Cdr, Export } from '../records.js';
import { isoWithOffset } from '../time.js';
import { callerOf, fail, failure, listedTenants, reachableTenants, type Deps, type WazoContext, type WazoHandlers } from './common.js';

type Query = Record<string, unknown>;

/** How long an export takes to build, on the simulator's clock. */
const EXPORT_MS = 1000;

const STATUS_ORDER: Record<string, number> = { blocked: 0, unknown: 1, voicemail: 2, answered: 3 };

/** The CDR fields as CSV columns (recordings follow as `recording_<n>_<field>`). */
const CSV_FIELDS = [
  'id', 'tenant_uuid', 'answered', 'start', 'answer', 'end',
  'destination_extension', 'destination_internal_context', 'destination_internal_extension', 'destination_line_id', 'destination_name', 'destination_user_uuid',
  'duration', 'call_direction', 'call_status',
  'requested_name', 'requested_context', 'requested_extension', 'requested_internal_context', 'requested_internal_extension', 'requested_user_uuid',
  'source_extension', 'source_internal_context', 'source_internal_extension', 'source_internal_name', 'source_line_id', 'source_name', 'source_user_uuid',
  'tags',
] as const;
const RECORDING_FIELDS = ['uuid', 'start_time', 'end_time', 'deleted', 'filename'] as const;

/** `_123` ends with 123, `55_` starts with 55, `_5_` contains 5. */
function numberMatcher(pattern: string): (exten: string | null) => boolean {
  const digits = pattern.replace(/_/g, '');
  const regex = new RegExp(`${pattern.startsWith('_') ? '' : '^'}${digits}${pattern.endsWith('_') ? '' : '$'}`);
  return (exten) => exten !== null && regex.test(exten);
}

/** The query filters of the CDR lists, in the order the daemon applies them. */
function matches(cdr: Cdr, query: Query): boolean {
  const q = query as Record<string, string | number | boolean | undefined>;
  const start = Date.parse(cdr.start);
  if (q.from !== undefined && start < Date.parse(String(q.from))) return false;
  if (q.until !== undefined && start >= Date.parse(String(q.until))) return false;
  if (q.call_direction !== undefined && cdr.call_direction !== q.call_direction) return false;
  if (cdr.call_status === 'blocked' ? q.call_status !== 'blocked' : q.call_status !== undefined && cdr.call_status !== q.call_status) return false;
  if (q.from_id !== undefined && cdr.id < Number(q.from_id)) return false;
  if (q.conversation_id !== undefined && cdr.conversation_id !== q.conversation_id) return false;
  if (q.recorded !== undefined && cdr.recordings.some((r) => !r.deleted) !== q.recorded) return false;
  if (q.tags !== undefined && !String(q.tags).split(',').every((tag) => cdr.tags.includes(tag))) return false;
  if (q.user_uuid !== undefined && !String(q.user_uuid).split(',').some((uuid) => cdr.participants.includes(uuid))) return false;
  if (q.requested_internal_context !== undefined && cdr.requested_internal_context !== q.requested_internal_context) return false;
  if (q.requested_internal_extension !== undefined && !numberMatcher(String(q.requested_internal_extension))(cdr.requested_internal_extension)) return false;
  if (q.number !== undefined) {
    const match = numberMatcher(String(q.number));
    if (!match(cdr.source_extension) && !match(cdr.destination_extension)) return false;
  }
  if (q.search !== undefined) {
    const term = String(q.search).toLowerCase();
    const texts = [cdr.source_name, cdr.source_extension, cdr.destination_name, cdr.destination_extension];
    if (!texts.some((text) => text?.toLowerCase().includes(term))) return false;
  }
  return true;
}

function sortValue(cdr: Cdr, order: string): unknown {
  if (order === 'duration') return cdr.duration;
  if (order === 'answered') return cdr.answer;
  if (order === 'call_status') return STATUS_ORDER[cdr.call_status];
  return (cdr as Record<string, unknown>)[order];
}

/** `distinct=peer_exten`: the newest CDR of each pair of user and peer extension. */
function distinctPeers(cdrs: Cdr[], userUuid: string | undefined): Cdr[] {
  const seen = new Set<string>();
  const newestFirst = [...cdrs].sort((a, b) => compareValues(b.start, a.start));
  const kept = new Set(
    newestFirst.filter((cdr) => {
      const mine = userUuid === undefined || cdr.source_user_uuid === userUuid;
      const key = `${userUuid ?? cdr.source_user_uuid}/${mine ? cdr.destination_extension : cdr.source_extension}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
  return cdrs.filter((cdr) => kept.has(cdr));
}

function csvOf(cdrs: Cdr[]): Uint8Array {
  const recordings = Math.max(0, ...cdrs.map((cdr) => cdr.recordings.length));
  const header = [...CSV_FIELDS, ...Array.from({ length: recordings }, (_, n) => RECORDING_FIELDS.map((field) => `recording_${n + 1}_${field}`)).flat()];
  const text = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value));
  const rows = cdrs.map((cdr) => [
    ...CSV_FIELDS.map((field) => text(cdr[field])),
    ...Array.from({ length: recordings }, (_, n) => RECORDING_FIELDS.map((field) => text(cdr.recordings[n]?.[field]))).flat(),
  ]);
  return new TextEncoder().encode(toCsv(header, rows));
}

/** wazo-call-logd: CDR lists (JSON or CSV), recording audio (ranges included), recording deletion and ZIP exports. */
export function callLogdHandlers(deps: Deps): WazoHandlers {
  const { store, now } = deps;

  /** `?format=csv`, or an Accept naming exactly `text/csv; charset=utf-8` (a bare `text/csv` gets JSON). */
  const wantsCsv = (context: WazoContext) => {
    const accepted = (context.request.headers.get('Accept') ?? '').split(',').map((type) => type.trim());
    return new URL(context.request.url).searchParams.get('format') === 'csv' || accepted.includes('text/csv; charset=utf-8');
  };
  const view = ({ participants: _participants, ...cdr }: Cdr, withTags = true): CallLogd.Cdr => {
    if (withTags) return cdr;
    const { tags: _tags, ...untagged } = cdr;
    return untagged;
  };

  const list = (context: WazoContext, visible: Cdr[], options: { withTags: boolean; userUuid?: string }): SimReply => {
    const query = context.query;
    const base = visible.filter((cdr) => cdr.call_status !== 'blocked' || query.call_status === 'blocked');
    let rows = base.filter((cdr) => matches(cdr, query));
    if (query.distinct === 'peer_exten') rows = distinctPeers(rows, options.userUuid);
    const order = String(query.order ?? 'start');
    const sign = query.direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * compareValues(sortValue(a, order), sortValue(b, order)) || sign * (a.id - b.id));
    const offset = Number(query.offset ?? 0);
    const limit = query.limit === undefined ? 1000 : Number(query.limit);
    const page = rows.slice(offset, limit === 0 ? undefined : offset + limit);
    if (wantsCsv(context)) return { ...bytes(csvOf(page), 'text/csv; charset=utf-8'), headers: { 'Content-Disposition': 'attachment; filename=cdr.csv' } };
    return json(200, { items: page.map((cdr) => view(cdr, options.withTags)), filtered: rows.length, total: base.length });
  };
  const inTenants = (tenants: Set<string>) => store.cdrs.filter((cdr) => tenants.has(cdr.tenant_uuid));

  /** A CDR's recording: 404 when either is unknown. */
  const withRecording = (context: WazoContext, cdrs: Cdr[], run: (cdr: Cdr, recording: Cdr['recordings'][number]) => SimReply) => {
    const cdr = cdrs.find((c) => c.id === context.path.cdr_id);
    const recording = cdr?.recordings.find((r) => r.uuid === context.path.recording_uuid);
    if (!cdr || !recording) {
      return fail(deps, context, failure(404, 'Recording not found', 'recording-not-found', { cdr_id: context.path.cdr_id, recording_uuid: context.path.recording_uuid }));
    }
    return run(cdr, recording);
  };
  const audio = (context: WazoContext, cdrs: Cdr[]) =>
    withRecording(context, cdrs, (_, recording) => {
      if (recording.deleted) return fail(deps, context, failure(400, 'Recording media not found', 'recording-media-not-found', { recording_uuid: recording.uuid }));
      const wav = silentWav((Date.parse(recording.end_time) - Date.parse(recording.start_time)) / 1000);
      const range = context.header.Range as string | undefined;
      if (range === undefined) return { ...bytes(wav, 'audio/wav'), headers: { 'Content-Disposition': `attachment; filename=${recording.filename}` } };
      const [, first, last] = /^bytes=(\d+)-(\d*)$/.exec(range)!;
      const start = Number(first);
      const end = Math.min(last ? Number(last) : wav.length - 1, wav.length - 1);
      if (start >= wav.length || end < start) return { status: 416, headers: { 'Content-Range': `bytes */${wav.length}` } };
      return { ...bytes(wav.subarray(start, end + 1), 'audio/wav', 206), headers: { 'Content-Range': `bytes ${start}-${end}/${wav.length}`, 'Accept-Ranges': 'bytes' } };
    });
  const myCdrs = (context: WazoContext) => {
    const { userUuid, token } = callerOf(context);
    return store.cdrs.filter((cdr) => cdr.tenant_uuid === token.tenantUuid && cdr.participants.includes(userUuid));
  };

  const withExport = (context: WazoContext, run: (job: Export) => SimReply) => {
    const job = store.exports.get(String(context.path.export_uuid));
    if (!job || !reachableTenants(deps, context).has(job.tenant_uuid)) {
      return fail(deps, context, failure(404, 'No such export', 'export-not-found-error', { export_uuid: context.path.export_uuid }));
    }
    if (job.status === 'processing' && now() - Date.parse(job.requested_at) >= EXPORT_MS) job.status = 'finished';
    return run(job);
  };
  const exportView = ({ cdrIds: _ids, ...job }: Export): CallLogd.Export => job;

  return {
    listCallLogs: (context) => {
      if (!callerOf(context).token.metadata.pbx_user_uuid) {
        return fail(deps, context, failure(400, 'This token has no user', 'token-with-user-uuid-required'));
      }
      return list(context, myCdrs(context), { withTags: false, userUuid: callerOf(context).userUuid });
    },
    listCdrs: (context) => list(context, inTenants(listedTenants(deps, context)), { withTags: true }),
    listUserCdrs: (context) => {
      const user = String(context.path.user_uuid);
      return list(context, inTenants(listedTenants(deps, context)).filter((cdr) => cdr.participants.includes(user)), { withTags: true, userUuid: user });
    },
    getCdr: (context) => {
      const cdr = inTenants(reachableTenants(deps, context)).find((c) => c.id === context.path.cdr_id);
      if (!cdr) return fail(deps, context, failure(404, 'No CDR found matching this ID', 'cdr-not-found-with-given-id', { cdr_id: context.path.cdr_id }));
      return wantsCsv(context) ? bytes(csvOf([cdr]), 'text/csv; charset=utf-8') : json(200, view(cdr));
    },

    downloadRecordingMedia: (context) => audio(context, inTenants(reachableTenants(deps, context))),
    downloadMyRecordingMedia: (context) => audio(context, myCdrs(context)),
    deleteRecordingMedia: (context) =>
      withRecording(context, inTenants(reachableTenants(deps, context)), (_, recording) => {
        recording.deleted = true;
        return empty(204);
      }),
    deleteMultipleRecordingMedia: (context) => {
      const { cdr_ids: ids } = context.body as CallLogd.RecordingMediaDeleteRequest;
      const cdrs = inTenants(reachableTenants(deps, context));
      const found = ids.map((id) => cdrs.find((cdr) => cdr.id === id));
      const missing = ids.filter((_, i) => !found[i]);
      if (missing.length > 0) return fail(deps, context, failure(404, 'No CDR found matching these IDs', 'cdr-not-found-with-given-id', { cdr_ids: missing }));
      for (const cdr of found) for (const recording of cdr!.recordings) recording.deleted = true;
      return empty(204);
    },

    createRecordingMediaExport: (context) => {
      const wanted = (context.body as CallLogd.RecordingMediaExportRequest).cdr_ids;
      const { userUuid, tenantUuid } = callerOf(context);
      const cdrs = inTenants(listedTenants(deps, context))
        .filter((cdr) => matches(cdr, context.query) && (!wanted || wanted.includes(cdr.id)))
        .filter((cdr) => cdr.recordings.some((r) => !r.deleted));
      if (cdrs.length === 0) return fail(deps, context, failure(400, 'No recording to export', 'no-recording-to-export'));
      const requestedAt = now();
      const job: Export = {
        uuid: crypto.randomUUID(),
        tenant_uuid: tenantUuid,
        user_uuid: userUuid,
        requested_at: isoWithOffset(requestedAt),
        filename: `${new Date(requestedAt).toISOString().slice(0, 19).replace(/:/g, '-')}-recordings.zip`,
        status: 'processing',
        cdrIds: cdrs.map((cdr) => cdr.id),
      };
      store.exports.set(job.uuid, job);
      return json(202, { uuid: job.uuid }, { Location: `/api/call-logd/1.0/exports/${job.uuid}` });
    },
    getExport: (context) => withExport(context, (job) => json(200, exportView(job))),
    downloadExport: (context) =>
      withExport(context, (job) => {
        if (job.status !== 'finished') return fail(deps, context, failure(202, 'The export is not done yet', 'export-not-done-yet', { export_uuid: job.uuid }));
        const entries = store.cdrs
          .filter((cdr) => job.cdrIds.includes(cdr.id))
          .flatMap((cdr) => cdr.recordings.filter((r) => !r.deleted).map((r) => ({ name: r.filename, data: silentWav((Date.parse(r.end_time) - Date.parse(r.start_time)) / 1000) })));
        return { ...bytes(zipArchive(entries), 'application/zip'), headers: { 'Content-Disposition': `attachment; filename=${job.filename}` } };
      }),
  };
}
