export * from './access/roles.js';
export * from './access/ground.js';
export * from './access/password-policy.js';
export * from './regions/region-code.js';
export * from './codes/index.js';
export * from './privacy/masking.js';
export * from './safety/index.js';
export * from './epidemic/index.js';
