export * from './resident-id.js';
export * from './credit-code.js';
export * from './mobile.js';
