export * from './client.js';
export * from './environments.js';
export * from './errors.js';
export * from './paging.js';
export * from './rateLimiter.js';
export * from './transport.js';
export * from './schemas/index.js';
