export * from './v8-heap.js'
