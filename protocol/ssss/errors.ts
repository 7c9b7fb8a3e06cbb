import { escrin } from '../../proto/gen/escrin.js'

export type SsssErrorCode =
  | 'MALFORMED' | 'BAD_SIGNATURE' | 'NOT_IN_CUSTODY' | 'NOT_IN_SCOPE' | 'STALE_REQUEST' | 'REPLAYED'
  | 'UNKNOWN_SECRET' | 'BAD_SHARE' | 'VERSION_CONFLICT' | 'INTERNAL' | 'RATE_LIMITED'
  // client side only
  | 'THRESHOLD_NOT_MET' | 'NO_HOLDERS'

export class SsssError extends Error {
  override readonly name = 'SsssError'
  constructor (readonly code: SsssErrorCode, message: string) {
    super(message)
  }
}

const WIRE = escrin.SsssErrorCode as unknown as Record<string, number>

/** The SsssErrorCode numbers a failure on the wire may carry (UNSPECIFIED is not one): decoders refuse others. */
export const SSSS_FAILURE_CODES: ReadonlySet<number> = new Set(Object.values(WIRE).filter(n => n !== WIRE.SSSS_ERROR_UNSPECIFIED))

export function failureFromSsssError (err: SsssError): { code: number, message: string } {
  return { code: WIRE[`SSSS_${err.code}`] ?? WIRE.SSSS_INTERNAL, message: err.message.slice(0, 1024) }
}

/** A decoded failure as an SsssError; the decoder has refused codes outside SSSS_FAILURE_CODES, a local caller's read as INTERNAL. */
export function ssssErrorFromFailure (failure: { code?: number | null, message?: string | null }): SsssError {
  const name = Object.keys(WIRE).find(k => WIRE[k] === failure.code)
  const code = name == null || name === 'SSSS_ERROR_UNSPECIFIED' ? 'INTERNAL' : name.slice('SSSS_'.length) as SsssErrorCode
  return new SsssError(code, failure.message ?? '')
}
