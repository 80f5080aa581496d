export {
  createHttpTransport,
  SYNCML_REQUEST_CONTENT_TYPE,
  type HttpTransportOptions,
} from './http-transport.js';
