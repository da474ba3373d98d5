/** Loket's core as the shells (Electron, HTTP host, command line) use it. */
export { createCore, type CreateCoreOptions } from './create';
export { dispatch } from './api/dispatch';
export { handlers } from './api/handlers';
