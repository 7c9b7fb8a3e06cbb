/** An error the API returns to its caller as `{ error: { code, message } }` with an HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor (readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}
