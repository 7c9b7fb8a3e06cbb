// The job protocol /escrin/job/1, pure: sealed boxes, receipts, worker CIDs,
// the wire codec and the error codes. node/jobs wires it to streams.
export * from './aad.js'
export * from './codec.js'
export * from './errors.js'
export * from './receipt.js'
export * from './sealed-box.js'
export * from './worker-cid.js'
export * from './box-keys.js'
