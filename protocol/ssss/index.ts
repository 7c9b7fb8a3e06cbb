export * from './pedersen.js'
