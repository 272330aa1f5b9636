import { createConfig, type Config } from '@redocly/openapi-core';
import { pbxkitPlugin, pbxkitRules } from '../lint/plugin.js';

/**
 * Redocly's recommended rules, with the operation checks that pbxkit makes stricter replaced by the
 * pbxkit rules (which ignore webhook operations and point at the offending field), and example/schema
 * mismatches made errors.
 */
export function createRedoclyConfig(): Promise<Config> {
  return createConfig({
    extends: ['recommended'],
    plugins: [pbxkitPlugin],
    rules: {
      'operation-operationId': 'off',
      'operation-summary': 'off',
      'operation-2xx-response': 'off',
      'operation-4xx-response': 'off',
      'operation-operationId-unique': 'off',
      'no-unresolved-refs': 'error',
      'no-invalid-media-type-examples': { severity: 'error', allowAdditionalProperties: false },
      'no-invalid-parameter-examples': 'error',
      // Crossbar routes literal segments first (`/phone_numbers/classifiers/{n}` before `/phone_numbers/{n}/port`), as the simulator's router does.
      'no-ambiguous-paths': 'off',
      ...pbxkitRules,
    },
  });
}
