/** SyncML DS 1.2: message model, codec, code tables, DevInf, auth, session reducer and driver. */
export * from './model.js';
export * from './errors.js';
export * from './codes.js';
export * from './devinf/types.js';
export {
  buildOurDevInf,
  kindOfContentType,
  VERSION_OF_CONTENT_TYPE,
  type ItemContentType,
  type OurDeviceInfo,
} from './devinf/ours.js';
export { ctCapProperties, type DatastoreKind } from './devinf/ctcap-tables.js';
export { parseMessage, serializeMessage, serializeCommand, serializeEnvelope } from './codec/index.js';
export * from './auth.js';
export { utf8Length } from './bytes.js';
export * from './transport.js';
export * from './session/types.js';
export { initialSessionState, step } from './session/step.js';
export * from './run.js';
export * from './preview.js';
export * from './check-connection.js';
