export * from './framework/index.js';
export * from './voipstudio/index.js';
export * from './kazoo/index.js';
export * from './wazo/index.js';
