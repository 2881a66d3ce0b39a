import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {X509Certificate} from 'node:crypto'
import {join} from 'node:path'
import {generate} from 'selfsigned'

/**
 * The self-signed certificate of the lake's HTTP/2 listener. The Studio keeps more event streams
 * open than a browser allows HTTP/1.1 connections per host, and browsers only speak HTTP/2 over
 * TLS, hence a certificate for `localhost`, `*.localhost` and the loopback addresses. It is made
 * once and kept in the data directory, so a person trusts it once.
 */

export interface TlsMaterial {
  key: string
  cert: string
  certFile: string
}

const NAMES = ['localhost', '*.localhost', 'local.localhost']
const ADDRESSES = ['127.0.0.1', '::1']
const VALID_DAYS = 397

export async function ensureCertificate(dataDir: string): Promise<TlsMaterial> {
  const dir = join(dataDir, 'tls')
  const keyFile = join(dir, 'localhost-key.pem')
  const certFile = join(dir, 'localhost.pem')
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8')
    if (new Date(new X509Certificate(cert).validTo).getTime() > Date.now() + 86_400_000) {
      return {key: readFileSync(keyFile, 'utf8'), cert, certFile}
    }
  }
  const notBeforeDate = new Date(Date.now() - 60_000)
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000)
  const pems = await generate(
    [
      {name: 'commonName', value: 'localhost'},
      {name: 'organizationName', value: 'Embedded Sanity lake'},
    ],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        {name: 'basicConstraints', cA: false},
        {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
        {name: 'extKeyUsage', serverAuth: true},
        {
          name: 'subjectAltName',
          altNames: [
            ...NAMES.map((value) => ({type: 2 as const, value})),
            ...ADDRESSES.map((ip) => ({type: 7 as const, ip})),
          ],
        },
      ],
    },
  )
  mkdirSync(dir, {recursive: true})
  writeFileSync(keyFile, pems.private, {mode: 0o600})
  writeFileSync(certFile, pems.cert)
  return {key: pems.private, cert: pems.cert, certFile}
}
