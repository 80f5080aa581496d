export * from './ids.js';
export * from './datetime.js';
export * from './recurrence.js';
export * from './contact.js';
export * from './event.js';
export * from './task.js';
export * from './item.js';
export * from './warnings.js';
