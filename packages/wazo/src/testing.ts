/** msw handler factories for your own tests, typed by the specs, answering with their examples by default. */
export * from './generated/testing.js';
