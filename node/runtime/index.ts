export * from './v8-heap.js'
export * from './loop-load.js'
export * from './deadline.js'
