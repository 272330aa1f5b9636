export * from './framework/index.js';
export * from './voipstudio/index.js';
