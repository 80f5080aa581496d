export * from './token-provider.js';
