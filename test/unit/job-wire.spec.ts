import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { CID } from 'multiformats/cid'
import { sha256 as mfSha256 } from 'multiformats/hashes/sha2'
import { escrin } from '../../proto/gen/escrin.js'
import {
  decodeJobRequest, decodeJobResponse, encodeJobRequest, encodeJobResponse, failureFromJobError, isRetryable, JOB_PROTOCOL, JobCryptoError,
  JobError, jobErrorFromFailure, MAX_FAILURE_MESSAGE_LENGTH, MAX_INLINE_CODE_BYTES, MAX_JOB_INPUT_BYTES, MAX_JOB_OUTPUT_BYTES,
  MAX_JOB_REQUEST_BYTES, MAX_JOB_RESPONSE_BYTES, MAX_JOB_TIMEOUT_MS, WIRE_FAILURE_CODES, workerCid,
  type JobErrorCode, type JobRequest, type JobResponse, type RunnerErrorCode
} from '../../protocol/job/index.js'
import { encodeMessage, WireError, type WireErrorCode } from '../../protocol/wire/index.js'

const bytes = (n: number): Uint8Array => new Uint8Array(randomBytes(n))
const POLICY = '0123456789abcdef'.repeat(4)
const CID_BYTES = workerCid(new TextEncoder().encode('export default {}')).bytes

function throwsWire (fn: () => unknown, code: WireErrorCode, what?: string): void {
  assert.throws(fn, (err: unknown) => err instanceof WireError && err.code === code, what)
}

/** Decodes `bytes` with `decode`; a WireError is fine, any other exception fails the property. */
function wireErrorOnly<T> (decode: (b: Uint8Array) => T, data: Uint8Array): T | undefined {
  try {
    return decode(data)
  } catch (err) {
    assert.ok(err instanceof WireError, `not a WireError: ${String(err)}`)
    return undefined
  }
}

const fixed = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n })
// plain objects, as the decoders return (fc.record's default is a null prototype)
const plain = { noNullPrototype: true } as const
const arbBox = fc.record({ ephemeralPublic: fixed(32), nonce: fixed(12), ciphertext: fc.uint8Array({ minLength: 16, maxLength: 400 }) }, plain)
const arbPolicy = fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 64, maxLength: 64 }).map(c => c.join(''))
const arbCid = fc.uint8Array({ maxLength: 64 }).map(code => workerCid(code).bytes)
const arbRequest: fc.Arbitrary<JobRequest> = fc.record({
  jobId: fixed(16),
  policyId: arbPolicy,
  workerCid: arbCid,
  inlineCode: fc.uint8Array({ minLength: 1, maxLength: 300 }), // not required: absent in some requests
  input: arbBox,
  timeoutMs: fc.integer({ min: 0, max: MAX_JOB_TIMEOUT_MS })
}, { requiredKeys: ['jobId', 'policyId', 'workerCid', 'input', 'timeoutMs'], ...plain })
const arbReceipt = fc.record({ jobId: fixed(16), policyId: arbPolicy, workerCid: arbCid, inputHash: fixed(32), outputHash: fixed(32), status: fc.integer({ min: 0, max: 0xffff_ffff }), signature: fixed(64) }, plain)
const arbResponse: fc.Arbitrary<JobResponse> = fc.oneof(
  fc.record({ ok: fc.record({ output: arbBox, receipt: arbReceipt }, plain) }, plain),
  fc.record({ failure: fc.record({ code: fc.constantFrom(...WIRE_FAILURE_CODES), message: fc.string({ maxLength: MAX_FAILURE_MESSAGE_LENGTH, unit: 'grapheme' }) }, plain) }, plain)
)

function goodRequest (): JobRequest {
  return { jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, input: { ephemeralPublic: bytes(32), nonce: bytes(12), ciphertext: bytes(40) }, timeoutMs: 5000 }
}

function goodOk (): JobResponse & { ok: NonNullable<JobResponse['ok']> } {
  return {
    ok: {
      output: { ephemeralPublic: bytes(32), nonce: bytes(12), ciphertext: bytes(40) },
      receipt: { jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, inputHash: bytes(32), outputHash: bytes(32), status: 200, signature: bytes(64) }
    }
  }
}

describe('job wire codec: requests', () => {
  it('the protocol id', () => {
    assert.equal(JOB_PROTOCOL, '/escrin/job/1')
  })

  it('round-trip (property), as plain Uint8Arrays', () => {
    fc.assert(fc.property(arbRequest, r => {
      const back = decodeJobRequest(encodeJobRequest(r))
      assert.deepStrictEqual(back, r)
      assert.equal(Object.getPrototypeOf(back.input.ciphertext), Uint8Array.prototype)
    }), { numRuns: 200 })
  })

  it('accept every bound exactly', () => {
    const r = { ...goodRequest(), inlineCode: new Uint8Array(MAX_INLINE_CODE_BYTES), timeoutMs: MAX_JOB_TIMEOUT_MS }
    r.input.ciphertext = new Uint8Array(MAX_JOB_INPUT_BYTES + 16)
    const encoded = encodeJobRequest(r)
    assert.ok(encoded.length <= MAX_JOB_REQUEST_BYTES, 'the largest valid request fits in a frame')
    const back = decodeJobRequest(encoded)
    assert.equal(back.input.ciphertext.length, MAX_JOB_INPUT_BYTES + 16)
    assert.equal(back.inlineCode?.length, MAX_INLINE_CODE_BYTES)
    assert.equal(decodeJobRequest(encodeJobRequest({ ...goodRequest(), timeoutMs: 0 })).timeoutMs, 0)
  })

  it('each invalid field: INVALID_FIELD or TOO_LARGE', async () => {
    const digest = await mfSha256.digest(bytes(10))
    const cases: Array<[string, (r: JobRequest) => void, WireErrorCode]> = [
      ['no job id', r => { r.jobId = new Uint8Array() }, 'INVALID_FIELD'],
      ['short job id', r => { r.jobId = bytes(15) }, 'INVALID_FIELD'],
      ['long job id', r => { r.jobId = bytes(17) }, 'INVALID_FIELD'],
      ['no policy id', r => { r.policyId = '' }, 'INVALID_FIELD'],
      ['upper-case policy id', r => { r.policyId = POLICY.toUpperCase() }, 'INVALID_FIELD'],
      ['short policy id', r => { r.policyId = POLICY.slice(1) }, 'INVALID_FIELD'],
      ['long policy id', r => { r.policyId = POLICY + '0' }, 'INVALID_FIELD'],
      ['non-hex policy id', r => { r.policyId = 'g' + POLICY.slice(1) }, 'INVALID_FIELD'],
      ['0x policy id', r => { r.policyId = '0x' + POLICY.slice(2) }, 'INVALID_FIELD'],
      ['policy id with a newline', r => { r.policyId = POLICY + '\n' }, 'INVALID_FIELD'],
      ['no worker CID', r => { r.workerCid = new Uint8Array() }, 'INVALID_FIELD'],
      ['garbage worker CID', r => { r.workerCid = Uint8Array.of(9, 9, 9) }, 'INVALID_FIELD'],
      ['CIDv0 worker CID', r => { r.workerCid = CID.createV0(digest).bytes }, 'INVALID_FIELD'],
      ['dag-pb worker CID', r => { r.workerCid = CID.createV1(0x70, digest).bytes }, 'INVALID_FIELD'],
      ['worker CID with a trailing byte', r => { r.workerCid = Uint8Array.of(...CID_BYTES, 0) }, 'INVALID_FIELD'],
      ['huge worker CID', r => { r.workerCid = bytes(65) }, 'INVALID_FIELD'],
      ['no input', r => { (r as Partial<JobRequest>).input = undefined }, 'INVALID_FIELD'],
      ['short ephemeral key', r => { r.input.ephemeralPublic = bytes(31) }, 'INVALID_FIELD'],
      ['long ephemeral key', r => { r.input.ephemeralPublic = bytes(33) }, 'INVALID_FIELD'],
      ['no nonce', r => { r.input.nonce = new Uint8Array() }, 'INVALID_FIELD'],
      ['short nonce', r => { r.input.nonce = bytes(11) }, 'INVALID_FIELD'],
      ['long nonce', r => { r.input.nonce = bytes(13) }, 'INVALID_FIELD'],
      ['ciphertext without a whole tag', r => { r.input.ciphertext = bytes(15) }, 'INVALID_FIELD'],
      ['timeout over the bound', r => { r.timeoutMs = MAX_JOB_TIMEOUT_MS + 1 }, 'INVALID_FIELD'],
      ['input over the bound', r => { r.input.ciphertext = new Uint8Array(MAX_JOB_INPUT_BYTES + 17) }, 'TOO_LARGE'],
      ['inline code over the bound', r => { r.inlineCode = new Uint8Array(MAX_INLINE_CODE_BYTES + 1) }, 'TOO_LARGE']
    ]
    for (const [what, change, code] of cases) {
      const r = goodRequest()
      decodeJobRequest(encodeJobRequest(r))
      change(r)
      throwsWire(() => decodeJobRequest(encodeJobRequest(r)), code, what)
    }
  })

  it('a frame over MAX_JOB_REQUEST_BYTES is TOO_LARGE before it is parsed', () => {
    throwsWire(() => decodeJobRequest(new Uint8Array(MAX_JOB_REQUEST_BYTES + 1)), 'TOO_LARGE')
    throwsWire(() => decodeJobRequest(new Uint8Array(MAX_JOB_REQUEST_BYTES + 1).fill(0xff)), 'TOO_LARGE')
  })

  it('garbage and truncations are MALFORMED', () => {
    throwsWire(() => decodeJobRequest(Uint8Array.of(0xff, 0xff, 0xff)), 'MALFORMED', 'bad tag')
    throwsWire(() => decodeJobRequest(Uint8Array.of(0x0a, 0x10, 1, 2)), 'MALFORMED', 'length past the end')
    const encoded = encodeJobRequest(goodRequest())
    throwsWire(() => decodeJobRequest(encoded.subarray(0, encoded.length - 1)), 'MALFORMED', 'truncated varint')
    throwsWire(() => decodeJobRequest(encoded.subarray(0, 10)), 'MALFORMED', 'truncated field')
    throwsWire(() => decodeJobRequest(new Uint8Array()), 'INVALID_FIELD', 'empty: every field missing')
  })
})

describe('job wire codec: responses', () => {
  it('round-trip (property), ok and failure', () => {
    fc.assert(fc.property(arbResponse, r => { assert.deepStrictEqual(decodeJobResponse(encodeJobResponse(r)), r) }), { numRuns: 200 })
  })

  it('accept the largest output, and it fits in a frame', () => {
    const r = goodOk()
    r.ok.output.ciphertext = new Uint8Array(MAX_JOB_OUTPUT_BYTES + 16)
    const encoded = encodeJobResponse(r)
    assert.ok(encoded.length <= MAX_JOB_RESPONSE_BYTES)
    assert.equal(decodeJobResponse(encoded).ok?.output.ciphertext.length, MAX_JOB_OUTPUT_BYTES + 16)
    const longest = { failure: { code: escrin.JobErrorCode.INTERNAL, message: '€'.repeat(MAX_FAILURE_MESSAGE_LENGTH) } }
    assert.deepStrictEqual(decodeJobResponse(encodeJobResponse(longest)), longest)
  })

  it('each invalid field: INVALID_FIELD or TOO_LARGE', () => {
    type Ok = ReturnType<typeof goodOk>
    const cases: Array<[string, (r: Ok) => void, WireErrorCode]> = [
      ['no receipt', r => { (r.ok as Partial<Ok['ok']>).receipt = undefined }, 'INVALID_FIELD'],
      ['no output', r => { (r.ok as Partial<Ok['ok']>).output = undefined }, 'INVALID_FIELD'],
      ['short output key', r => { r.ok.output.ephemeralPublic = bytes(31) }, 'INVALID_FIELD'],
      ['short output nonce', r => { r.ok.output.nonce = bytes(11) }, 'INVALID_FIELD'],
      ['output without a whole tag', r => { r.ok.output.ciphertext = bytes(15) }, 'INVALID_FIELD'],
      ['output over the bound', r => { r.ok.output.ciphertext = new Uint8Array(MAX_JOB_OUTPUT_BYTES + 17) }, 'TOO_LARGE'],
      ['receipt job id', r => { r.ok.receipt.jobId = bytes(15) }, 'INVALID_FIELD'],
      ['receipt policy id', r => { r.ok.receipt.policyId = POLICY.toUpperCase() }, 'INVALID_FIELD'],
      ['receipt worker CID', r => { r.ok.receipt.workerCid = bytes(36) }, 'INVALID_FIELD'],
      ['receipt input hash', r => { r.ok.receipt.inputHash = bytes(31) }, 'INVALID_FIELD'],
      ['receipt output hash', r => { r.ok.receipt.outputHash = bytes(33) }, 'INVALID_FIELD'],
      ['receipt signature', r => { r.ok.receipt.signature = bytes(63) }, 'INVALID_FIELD'],
      ['no receipt signature', r => { r.ok.receipt.signature = new Uint8Array() }, 'INVALID_FIELD']
    ]
    for (const [what, change, code] of cases) {
      const r = goodOk()
      decodeJobResponse(encodeJobResponse(r))
      change(r)
      throwsWire(() => decodeJobResponse(encodeJobResponse(r)), code, what)
    }
  })

  it('failures: a known code and a bounded message', () => {
    throwsWire(() => decodeJobResponse(encodeJobResponse({})), 'INVALID_FIELD', 'neither ok nor failure')
    throwsWire(() => decodeJobResponse(encodeJobResponse({ failure: { code: 0, message: 'x' } })), 'INVALID_FIELD', 'unspecified code')
    throwsWire(() => decodeJobResponse(encodeJobResponse({ failure: { code: 999, message: 'x' } })), 'INVALID_FIELD', 'unknown code')
    throwsWire(() => decodeJobResponse(encodeJobResponse({ failure: { code: escrin.JobErrorCode.INTERNAL, message: 'x'.repeat(MAX_FAILURE_MESSAGE_LENGTH + 1) } })), 'INVALID_FIELD', 'long message')
    const empty = decodeJobResponse(encodeJobResponse({ failure: { code: escrin.JobErrorCode.RUNNER_BUSY, message: '' } }))
    assert.deepStrictEqual(empty, { failure: { code: escrin.JobErrorCode.RUNNER_BUSY, message: '' } })
  })

  it('both ok and failure on the wire: the last one read wins, as protobuf oneofs do', () => {
    const ok = encodeJobResponse(goodOk())
    const failure = encodeJobResponse({ failure: { code: escrin.JobErrorCode.WORKER_THREW, message: 'boom' } })
    const both = decodeJobResponse(Uint8Array.of(...ok, ...failure))
    assert.equal(both.ok, undefined)
    assert.equal(both.failure?.code, escrin.JobErrorCode.WORKER_THREW)
  })

  it('a frame over MAX_JOB_RESPONSE_BYTES is TOO_LARGE; garbage is MALFORMED', () => {
    throwsWire(() => decodeJobResponse(new Uint8Array(MAX_JOB_RESPONSE_BYTES + 1)), 'TOO_LARGE')
    throwsWire(() => decodeJobResponse(Uint8Array.of(0x0a, 0x7f)), 'MALFORMED')
    throwsWire(() => decodeJobResponse(Uint8Array.of(0x0f)), 'MALFORMED', 'wire type 7')
  })
})

describe('job wire codec: hostile bytes', () => {
  it('random bytes raise WireError only (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), data => {
      wireErrorOnly(decodeJobRequest, data)
      wireErrorOnly(decodeJobResponse, data)
    }), { numRuns: 3000 })
  })

  it('mutated valid encodings decode to valid messages or raise WireError only (property)', () => {
    const mutation = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('set', 'cut', 'insert', 'delete') })
    const mutate = (encoded: Uint8Array, ms: Array<{ at: number, value: number, kind: string }>): Uint8Array => {
      let b = Array.from(encoded)
      for (const m of ms) {
        const i = b.length === 0 ? 0 : m.at % b.length
        if (m.kind === 'set') b[i] = m.value
        else if (m.kind === 'cut') b = b.slice(0, i)
        else if (m.kind === 'insert') b.splice(i, 0, m.value)
        else b.splice(i, 1)
      }
      return Uint8Array.from(b)
    }
    fc.assert(fc.property(arbRequest, arbResponse, fc.array(mutation, { minLength: 1, maxLength: 4 }), (request, response, ms) => {
      const r = wireErrorOnly(decodeJobRequest, mutate(encodeJobRequest(request), ms))
      // whatever decodes is valid: it encodes and decodes to itself
      if (r != null) assert.deepStrictEqual(decodeJobRequest(encodeJobRequest(r)), r)
      const s = wireErrorOnly(decodeJobResponse, mutate(encodeJobResponse(response), ms))
      if (s != null) assert.deepStrictEqual(decodeJobResponse(encodeJobResponse(s)), s)
    }), { numRuns: 2000 })
  })

  it('unknown fields are skipped, not errors (forward compatibility)', () => {
    const r = goodRequest()
    const withUnknown = Uint8Array.of(...encodeJobRequest(r), 0x78, 0x01) // field 15, varint 1
    assert.deepStrictEqual(decodeJobRequest(withUnknown), r)
  })

  it('protobuf messages built outside encodeJobRequest are checked the same way', () => {
    const raw = encodeMessage(escrin.JobRequest, { jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, timeoutMs: 1 })
    throwsWire(() => decodeJobRequest(raw), 'INVALID_FIELD', 'no input box')
  })
})

describe('job errors', () => {
  const RUNNER_CODES = Object.keys(escrin.JobErrorCode).filter(k => k !== 'JOB_ERROR_UNSPECIFIED') as RunnerErrorCode[]

  it('every wire code maps to a JobError code of the same name and back', () => {
    assert.ok(RUNNER_CODES.length >= 16)
    assert.deepEqual([...WIRE_FAILURE_CODES].sort((a, b) => a - b), RUNNER_CODES.map(k => escrin.JobErrorCode[k as keyof typeof escrin.JobErrorCode]).sort((a, b) => a - b))
    for (const name of RUNNER_CODES) {
      const failure = failureFromJobError(new JobError(name, `because ${name}`))
      assert.equal(failure.code, escrin.JobErrorCode[name as keyof typeof escrin.JobErrorCode], name)
      const back = jobErrorFromFailure(decodeJobResponse(encodeJobResponse({ failure })).failure ?? { code: -1, message: '' })
      assert.equal(back.code, name)
      assert.equal(back.message, `because ${name}`)
      assert.ok(back instanceof JobError)
    }
  })

  it('client-side codes never go on the wire as themselves; unknown wire codes read as INTERNAL', () => {
    for (const code of ['NO_RUNNER_IN_SCOPE', 'BAD_RECEIPT', 'RUNNER_UNAVAILABLE', 'TIMEOUT'] as const) {
      assert.equal(failureFromJobError(new JobError(code, '')).code, escrin.JobErrorCode.INTERNAL, code)
    }
    assert.equal(failureFromJobError(new JobCryptoError('DECRYPT_FAILED', '')).code, escrin.JobErrorCode.DECRYPT_FAILED)
    assert.equal(jobErrorFromFailure({ code: 0, message: '' }).code, 'INTERNAL')
    assert.equal(jobErrorFromFailure({ code: 12345, message: '' }).code, 'INTERNAL')
  })

  it('messages are cut to the wire bound', () => {
    const failure = failureFromJobError(new JobError('WORKER_THREW', 'x'.repeat(5000)))
    assert.equal(failure.message.length, MAX_FAILURE_MESSAGE_LENGTH)
    decodeJobResponse(encodeJobResponse({ failure }))
  })

  it('retryable on another runner: only what another runner may do differently', () => {
    const retryable: JobErrorCode[] = ['RUNNER_BUSY', 'RUNNER_SHUTTING_DOWN', 'INTERNAL', 'TIMEOUT', 'RUNNER_UNAVAILABLE', 'OUT_OF_SCOPE', 'WORKER_NOT_FOUND', 'DUPLICATE_JOB', 'CLOCK_SKEW']
    const final: JobErrorCode[] = ['WORKER_THREW', 'OUTPUT_TOO_LARGE', 'INPUT_TOO_LARGE', 'CODE_TOO_LARGE', 'CODE_MISMATCH', 'MALFORMED_REQUEST', 'WORKER_TIMEOUT',
      'WORKER_CPU_EXCEEDED', 'WORKER_MEMORY_EXCEEDED', 'DECRYPT_FAILED', 'BAD_RECEIPT', 'NO_RUNNER_IN_SCOPE']
    for (const code of retryable) assert.equal(new JobError(code, '').retryable, true, code)
    for (const code of final) assert.equal(new JobError(code, '').retryable, false, code)
    for (const code of [...retryable, ...final]) assert.equal(isRetryable(code), new JobError(code, '').retryable)
  })

  it('carry a fixed name and code, usable as metric labels', () => {
    const err = new JobCryptoError('BAD_RECEIPT', 'no')
    assert.equal(err.name, 'JobCryptoError')
    assert.equal(err.code, 'BAD_RECEIPT')
    assert.ok(err instanceof JobError && err instanceof Error)
    assert.equal(new JobError('TIMEOUT', '').name, 'JobError')
  })
})
