export { parseMessage } from './parse.js';
export { serializeMessage, serializeCommand, serializeEnvelope } from './serialize.js';
