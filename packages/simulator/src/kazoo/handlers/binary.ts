import { silentMp3, MP3_FRAME_BYTES } from '../../framework/media/mp3.js';
import type { SimReply } from '../../framework/reply.js';
import { attachmentKey, type AttachmentKind, type KazooStore } from '../store.js';
import { download, type KzContext } from './common.js';

/** Media types of `Accept` (or the `?accept=` tunnel), lower-case, parameters dropped. */
function acceptedTypes(request: Request): string[] {
  const tunnelled = new URL(request.url).searchParams.get('accept');
  return (tunnelled ?? request.headers.get('accept') ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
}

/** Whether the client asks for audio rather than the JSON document (`cb_media`'s `?MEDIA_MIME_TYPES`). */
export function wantsAudio(request: Request): boolean {
  return acceptedTypes(request).some((type) => type.startsWith('audio/') || type.startsWith('video/') || type === 'application/base64' || type === 'application/x-base64');
}

/** The stored bytes of a document, or `frames` of silent MP3 for seeded audio that was never uploaded. */
export function audioOf(store: KazooStore, kind: AttachmentKind, id: string, frames: number): { bytes: Uint8Array; contentType: string } {
  const stored = store.attachments.get(attachmentKey(kind, id));
  return stored ?? { bytes: silentMp3(Math.max(1, frames)), contentType: 'audio/mpeg' };
}

/** The audio as a download. */
export function audioDownload(context: KzContext, audio: { bytes: Uint8Array; contentType: string }): SimReply {
  return download(context, audio.bytes, audio.contentType);
}

/** MP3 frames (36 ms each) for a duration, at most 30 s of it: seeded audio is silence of about the right length. */
export function framesFor(milliseconds: number): number {
  return Math.ceil(Math.min(milliseconds, 30_000) / 36);
}

export function framesOfBytes(length: number): number {
  return Math.ceil(length / MP3_FRAME_BYTES);
}

/** Stores uploaded bytes under the document, keeping the upload's content type. */
export function storeUpload(store: KazooStore, kind: AttachmentKind, id: string, request: Request, body: Uint8Array): void {
  const declared = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || 'application/octet-stream';
  const contentType = ['audio/mp3', 'audio/mpeg3', 'audio/x-mp3'].includes(declared) ? 'audio/mpeg' : declared;
  store.attachments.set(attachmentKey(kind, id), { contentType, bytes: body });
}
