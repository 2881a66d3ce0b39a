import {execFileSync} from 'node:child_process'
import {createHash, X509Certificate} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/**
 * A certificate authority made for one test run, and a certificate it signed for a public-looking
 * name: what an organisation's own CA, or Let's Encrypt, hands its operator. Made with openssl.
 */
export interface TestCertificate {
  /** The CA's certificate (PEM), which clients of the test trust. */
  caFile: string
  ca: string
  /** The server's chain (its certificate, then the CA's), as nginx's `ssl_certificate` wants it. */
  chainFile: string
  keyFile: string
  /** SHA-256 of the certificates' public keys, base64: what Chromium is told to trust. */
  spkiHashes: string[]
  remove(): void
}

function spkiHash(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({type: 'spki', format: 'der'})
  return createHash('sha256').update(der).digest('base64')
}

export function makeTestCertificate(name: string): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-test-ca-'))
  const file = (base: string) => path.join(dir, base)
  const openssl = (...args: string[]) => execFileSync('openssl', args, {stdio: 'pipe'})
  openssl(
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', file('ca.key'), '-out', file('ca.pem'),
    '-subj', '/CN=Policy site test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ) // prettier-ignore
  openssl(
    'req', '-newkey', 'rsa:2048', '-nodes',
    '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${name}`,
  ) // prettier-ignore
  writeFileSync(
    file('server.ext'),
    `subjectAltName=DNS:${name}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  )
  openssl(
    'x509', '-req', '-in', file('server.csr'), '-days', '2',
    '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-extfile', file('server.ext'), '-out', file('server.pem'),
  ) // prettier-ignore
  const ca = readFileSync(file('ca.pem'), 'utf8')
  const server = readFileSync(file('server.pem'), 'utf8')
  writeFileSync(file('chain.pem'), `${server}${ca}`)
  return {
    caFile: file('ca.pem'),
    ca,
    chainFile: file('chain.pem'),
    keyFile: file('server.key'),
    spkiHashes: [spkiHash(server), spkiHash(ca)],
    remove: () => rmSync(dir, {recursive: true, force: true}),
  }
}
