import type { SimReply } from '../../framework/reply.js';
import { privateFields, publicView, type Stored } from '../documents.js';
import type { Media } from '../records.js';
import { attachmentKey } from '../store.js';
import { audioDownload, audioOf, framesOfBytes, storeUpload, wantsAudio } from './binary.js';
import { accountIdOf, nowSeconds, param, reply, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';

type StoredMedia = Stored<Media>;

const MEDIA_SOURCES = ['recording', 'upload', 'tts'] as const;

/** The content types a media document may name (`media.json`); raw bytes are taken for MP3. */
const MEDIA_TYPES = ['audio/mp3', 'audio/mpeg', 'audio/mpeg3', 'audio/x-wav', 'audio/wav', 'audio/ogg', 'video/x-flv', 'video/h264', 'video/mpeg', 'video/quicktime', 'video/mp4', 'video/webm'] as const;
const mediaType = (type: string): Media['content_type'] => MEDIA_TYPES.find((known) => known === type) ?? 'audio/mpeg';

/** media: metadata documents and their audio (GET by `Accept`, or `/raw` to download and upload), languages, prompts. */
export function mediaRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const crud = crudRoutes(deps, {
    path: '/accounts/{account_id}/media',
    idParam: 'media_id',
    table: (s) => s.media,
    rules: { required: ['name', 'media_source'], enums: { media_source: MEDIA_SOURCES }, defaults: { media_source: 'upload', language: 'en-us', streamable: true } },
    summary: (media) => ({
      id: media.id,
      name: media.name,
      media_source: media.media_source,
      language: media.language,
      is_prompt: media.prompt_id !== undefined,
      ...(media.prompt_id ? { prompt_id: media.prompt_id } : {}),
      ...(typeof media.description === 'string' ? { description: media.description } : {}),
      ...(media.content_type ? { content_type: media.content_type } : {}),
    }),
    key: (media) => media.name.toLowerCase(),
    afterDelete: (media) => store.attachments.delete(attachmentKey('media', media.id)),
  });
  const accountMedia = (context: KzContext) => store.media.inAccount(accountIdOf(context));

  const withMedia = (then: (media: StoredMedia, context: KzContext) => SimReply) => (context: KzContext) => {
    const media = store.media.get(accountIdOf(context), param(context, 'media_id'));
    return media ? then(media, context) : envelopes.badIdentifier(context.request, param(context, 'media_id'));
  };

  /** Audio exists once uploaded (seeded files have theirs). */
  const download = withMedia((media, context) =>
    media.content_length === undefined ? envelopes.badIdentifier(context.request, `${media.id}/raw`) : audioDownload(context, audioOf(store, 'media', media.id, framesOfBytes(media.content_length))),
  );
  const upload = withMedia((media, context) => {
    if (!(context.body instanceof Uint8Array)) return envelopes.invalidField(context.request, 'content', 'required', { message: 'Please provide an audio file' });
    storeUpload(store, 'media', media.id, context.request, context.body);
    const stored = store.attachments.get(attachmentKey('media', media.id))!;
    const saved = store.media.replace(media, { ...media, content_type: mediaType(stored.contentType), content_length: context.body.length, media_source: 'upload' }, privateFields(media), nowSeconds(deps));
    return reply(deps, context, 200, publicView(saved), { revision: saved._rev });
  });

  return {
    ...crud,
    'GET /accounts/{account_id}/media/{media_id}': (context) => (wantsAudio(context.request) ? download(context) : crud['GET /accounts/{account_id}/media/{media_id}']!(context)),
    'GET /accounts/{account_id}/media/{media_id}/raw': download,
    'POST /accounts/{account_id}/media/{media_id}/raw': upload,

    'GET /accounts/{account_id}/media/languages': (context) => {
      const counts: Record<string, number> = {};
      for (const media of accountMedia(context)) {
        const language = typeof media.language === 'string' && media.language ? media.language.toLowerCase() : 'missing';
        counts[language] = (counts[language] ?? 0) + 1;
      }
      return reply(deps, context, 200, [counts], { paging: { page_size: 1 } });
    },
    'GET /accounts/{account_id}/media/languages/{language}': (context) => {
      const language = param(context, 'language').toLowerCase();
      const ids = accountMedia(context)
        .filter((media) => (typeof media.language === 'string' && media.language ? media.language.toLowerCase() : 'missing') === language)
        .map((media) => media.id);
      return reply(deps, context, 200, ids, { paging: { page_size: ids.length } });
    },
    'GET /accounts/{account_id}/media/prompts': (context) => {
      const counts: Record<string, number> = {};
      for (const media of accountMedia(context)) if (media.prompt_id) counts[media.prompt_id] = (counts[media.prompt_id] ?? 0) + 1;
      return reply(deps, context, 200, [counts], { paging: { page_size: 1 } });
    },
    'GET /accounts/{account_id}/media/prompts/{prompt_id}': (context) => {
      const prompt = param(context, 'prompt_id');
      const ids = accountMedia(context)
        .filter((media) => media.prompt_id === prompt)
        .map((media) => `${media.language}%2F${prompt}`);
      return reply(deps, context, 200, ids, { paging: { page_size: ids.length } });
    },
  };
}

