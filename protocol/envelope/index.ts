export { sealEnvelope, openEnvelope, type OpenedEnvelope } from './envelope.js'
export { envelopeSigningBytes } from './signing-bytes.js'
export { EnvelopeError, type EnvelopeErrorCode } from './errors.js'
