export * from './bond-ledger.js'
export * from './file-bond-ledger.js'
export * from './ledger-file.js'
export * from './chain-bond-ledger.js'
