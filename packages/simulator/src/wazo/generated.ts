/**
 * The one door to @pbxkit/wazo's generated code: the daemons' schema types and their bundled OpenAPI
 * documents (the package's `./openapi/<daemon>.json` exports), and websocketd's events and frames.
 */
import agentd from '@pbxkit/wazo/openapi/agentd.json' with { type: 'json' };
import auth from '@pbxkit/wazo/openapi/auth.json' with { type: 'json' };
import callLogd from '@pbxkit/wazo/openapi/callLogd.json' with { type: 'json' };
import calld from '@pbxkit/wazo/openapi/calld.json' with { type: 'json' };
import chatd from '@pbxkit/wazo/openapi/chatd.json' with { type: 'json' };
import confd from '@pbxkit/wazo/openapi/confd.json' with { type: 'json' };
import dird from '@pbxkit/wazo/openapi/dird.json' with { type: 'json' };
import websocketd from '@pbxkit/wazo/openapi/websocketd.json' with { type: 'json' };
import type { OpenApiDocument } from '../framework/openapi.js';

export type { Agentd, Auth, CallLogd, Calld, Chatd, Confd, Dird, WazoWebsocketdEvents } from '@pbxkit/wazo';

const asDocument = (document: unknown) => document as OpenApiDocument;

/** Each daemon's bundled document, by daemon. */
export const documents = {
  auth: asDocument(auth),
  calld: asDocument(calld),
  confd: asDocument(confd),
  dird: asDocument(dird),
  agentd: asDocument(agentd),
  callLogd: asDocument(callLogd),
  chatd: asDocument(chatd),
};

/** websocketd's document: no paths, its frames as components and its events under `webhooks`. */
export const websocketdDocument = asDocument(websocketd);
