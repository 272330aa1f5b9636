/** msw handler factories for your own tests, typed by the spec, answering with its examples by default. */
export * from './generated/testing.js';
