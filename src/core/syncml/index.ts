/** SyncML DS 1.2: message model, codec, code tables, DevInf, auth, session reducer and driver. */
export * from './model.js';
export * from './errors.js';
export * from './codes.js';
export * from './devinf/types.js';
export { parseMessage, serializeMessage, serializeCommand, serializeEnvelope } from './codec/index.js';
