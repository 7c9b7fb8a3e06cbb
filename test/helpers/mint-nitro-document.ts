/**
 * An evidence command for tests, standing in for the enclave's NSM helper:
 * prints (base64) a Nitro attestation document of the test PKI saved in
 * PKI_DIR, measured PCR0_HEX, carrying the binding the node passes in
 * ESCRIN_ENCLAVE_BINDING.
 *
 *   node mint-nitro-document.js PKI_DIR PCR0_HEX
 */
import { Buffer } from 'node:buffer'
import { TestNitroPki } from './nitro-pki.js'

const [dir, pcr0] = process.argv.slice(2)
const binding = process.env.ESCRIN_ENCLAVE_BINDING
if (dir === undefined || pcr0 === undefined || binding === undefined) {
  console.error('usage: ESCRIN_ENCLAVE_BINDING=HEX node mint-nitro-document.js PKI_DIR PCR0_HEX')
  process.exit(2)
}
const document = TestNitroPki.load(dir).document({ binding: Buffer.from(binding, 'hex'), pcr0 })
console.log(Buffer.from(document).toString('base64'))
