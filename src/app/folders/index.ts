export * from './folder-service.js';
