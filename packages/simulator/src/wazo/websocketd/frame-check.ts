import type { RecordedViolation } from '../../framework/app.js';
import type { OpenApiDocument } from '../../framework/openapi.js';
import { SchemaValidators, type Violation } from '../../framework/schema-validators.js';
import type { BusMessage } from './bus.js';
import type { WebsocketdFrame } from './session.js';

const FRAME = '/components/schemas/WebsocketdMessage';
const BUS_EVENT = '/components/schemas/BusEvent';
const eventBody = (name: string) => `/webhooks/${name}/post/requestBody/content/application~1json/schema`;

/**
 * Checks every frame websocketd sends against its document: the frame, and for an event the bus message
 * and its body against the event's entry under `webhooks` (names the document lacks get the first two
 * checks only). Each frame that breaks them is recorded, like a REST reply that breaks its contract.
 */
export function frameChecker(document: OpenApiDocument, path: string, record: (violation: RecordedViolation) => void): (frame: WebsocketdFrame) => void {
  const validators = new SchemaValidators(document);
  const documented = new Set(Object.keys((document as { webhooks?: object }).webhooks ?? {}));
  return (frame) => {
    const found: Violation[] = validators.validate(FRAME, frame, 'frame');
    let operationId = `websocketd.${frame.op}`;
    if (frame.op === 'event') {
      const message = frame.data as BusMessage;
      operationId = `websocketd.event.${message.name}`;
      found.push(...validators.validate(BUS_EVENT, message, 'frame/data'));
      if (documented.has(message.name)) found.push(...validators.validate(eventBody(message.name), message.data, 'frame/data/data'));
    }
    if (found.length > 0) record({ operationId, method: 'WEBSOCKET', path, status: 101, violations: found });
  };
}
