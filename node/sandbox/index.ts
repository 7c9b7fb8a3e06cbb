export * from './errors.js'
export * from './worker-sandbox.js'
export * from './workerd-process.js'
