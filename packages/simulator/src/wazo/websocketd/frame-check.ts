import type { RecordedViolation } from '../../framework/app.js';
import { EventSchemas } from '../../framework/event-schemas.js';
import type { OpenApiDocument } from '../../framework/openapi.js';
import type { Violation } from '../../framework/schema-validators.js';
import type { BusMessage } from './bus.js';
import type { WebsocketdFrame } from './session.js';

/**
 * Checks every frame websocketd sends against its document: the frame, and for an event the bus message
 * and its body against the event's entry under `webhooks` (names the document lacks get the first two
 * checks only). Each frame that breaks them is recorded, like a REST reply that breaks its contract.
 */
export function frameChecker(document: OpenApiDocument, path: string, record: (violation: RecordedViolation) => void): (frame: WebsocketdFrame) => void {
  const schemas = new EventSchemas(document);
  return (frame) => {
    const found: Violation[] = schemas.validateComponent('WebsocketdMessage', frame, 'frame');
    let operationId = `websocketd.${frame.op}`;
    if (frame.op === 'event') {
      const message = frame.data as BusMessage;
      operationId = `websocketd.event.${message.name}`;
      found.push(...schemas.validateComponent('BusEvent', message, 'frame/data'));
      found.push(...(schemas.validateEvent('websocketd', message.name, message.data, 'frame/data/data') ?? []));
    }
    if (found.length > 0) record({ operationId, method: 'WEBSOCKET', path, status: 101, violations: found });
  };
}
