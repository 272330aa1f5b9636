import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './openapi.js';

/** One way a request or response departs from the contract. `at` says where, e.g. `query.limit`, `body/to`. */
export interface Violation {
  at: string;
  message: string;
}

const DOCUMENT_ID = 'pbxkit:openapi';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Validates values against schemas located anywhere in one OpenAPI document, by JSON pointer.
 * The whole document is registered once and validators are compiled on first use, so start-up stays fast.
 */
export class SchemaValidators {
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    // strict: false because OpenAPI schemas carry `example`, `discriminator` and `x-*` keywords.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(doc as object, DOCUMENT_ID);
  }

  validate(pointer: string, value: unknown, at: string): Violation[] {
    const validator = this.#validator(pointer);
    if (validator(value)) return [];
    return (validator.errors ?? []).map((error) => toViolation(at, error));
  }

  #validator(pointer: string): ValidateFunction {
    let validator = this.#compiled.get(pointer);
    if (!validator) {
      validator = this.#ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      this.#compiled.set(pointer, validator);
    }
    return validator;
  }
}

function toViolation(at: string, error: ErrorObject): Violation {
  let path = error.instancePath;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    path += `/${String(error.params.missingProperty)}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    path += `/${String(error.params.additionalProperty)}`;
    message = 'is not allowed';
  } else if (error.keyword === 'enum') {
    message = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { at: `${at}${path}`, message };
}
