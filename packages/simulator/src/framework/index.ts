export {
  createContract,
  type Contract,
  type ContractOptions,
  type OperationContract,
  type RequestParts,
  type RequestValidation,
  type ResponseParts,
  type RouteMatch,
  type ValidatedRequest,
  type Violation,
} from './contract.js';
export {
  createMultiApiSimulatorApp,
  createSimulatorApp,
  type ApiMount,
  type AuthResult,
  type ErrorReply,
  type Handler,
  type HandlerContext,
  type MultiApiSimulatorAppOptions,
  type RecordedViolation,
  type SimulatorApp,
  type SimulatorAppOptions,
} from './app.js';
export { Faults, type Fault, type FaultInput, type FaultScope } from './faults.js';
export { listen, type ListenOptions, type RunningServer, type ServeOptions } from './server.js';
export { attachWebSockets, type WebSocketEndpoint } from './websocket.js';
export { mswHandlers } from './msw.js';
export { bytes, empty, json, type SimReply } from './reply.js';
export { createRandom, type Random } from './random.js';
export { Table } from './table.js';
export { silentMp3 } from './media/mp3.js';
export { simplePdf } from './media/pdf.js';
export { silentWav } from './media/wav.js';
export { zipArchive, type ZipEntry } from './media/zip.js';
export type { OpenApiDocument } from './openapi.js';
