export * from './ports.js';
export * from './errors.js';
export * from './check.js';
export * from './apply.js';
export * from './first-sync.js';
export * from './wizard.js';
export * from './stored-decisions.js';
export * from './graph-wizard-ports.js';
