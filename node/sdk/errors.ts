/** An error the node's API answered with, or the reason it could not be reached (code UNREACHABLE). */
export class EscrinApiError extends Error {
  override readonly name = 'EscrinApiError'
  constructor (readonly code: string, readonly status: number, message: string) {
    super(message)
  }
}
