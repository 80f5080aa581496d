export * from './normalize.js';
export * from './similarity.js';
export * from './matcher.js';
export * from './contact-features.js';
export * from './contact-score.js';
export * from './contact-matcher.js';
export * from './event-matcher.js';
export * from './task-matcher.js';
