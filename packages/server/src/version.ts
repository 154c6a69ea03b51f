import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Shoutu's own version (the server package's), shown on the login page and in the OpenAPI document. */
export const SHOUTU_VERSION = (require('../package.json') as { version: string }).version;
