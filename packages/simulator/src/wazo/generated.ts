/**
 * The one door to @pbxkit/wazo's generated code: the daemons' schema types and their bundled OpenAPI
 * documents. Relative paths until the package exports the documents (and its index) by name.
 */
import agentd from '../../../wazo/src/generated/agentd/openapi.json' with { type: 'json' };
import auth from '../../../wazo/src/generated/auth/openapi.json' with { type: 'json' };
import callLogd from '../../../wazo/src/generated/callLogd/openapi.json' with { type: 'json' };
import calld from '../../../wazo/src/generated/calld/openapi.json' with { type: 'json' };
import chatd from '../../../wazo/src/generated/chatd/openapi.json' with { type: 'json' };
import confd from '../../../wazo/src/generated/confd/openapi.json' with { type: 'json' };
import dird from '../../../wazo/src/generated/dird/openapi.json' with { type: 'json' };
import type { OpenApiDocument } from '../framework/openapi.js';

export type { Agentd, Auth, CallLogd, Calld, Chatd, Confd, Dird } from '../../../wazo/src/generated/index.js';

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
