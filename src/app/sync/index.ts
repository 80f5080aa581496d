export * from './ports.js';
export * from './executor.js';
export * from './use-cases.js';
export * from './texts.js';
export * from './item-codec.js';
