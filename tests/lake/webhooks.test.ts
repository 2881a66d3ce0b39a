import {isValidSignature, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startTestLake, type TestLake} from './helpers'

interface Delivery {
  headers: IncomingHttpHeaders
  body: string
}

const SECRET = 'a-shared-webhook-secret'

describe('the site hears about new policy versions through signed webhooks', () => {
  let lake: TestLake
  let receiver: Server
  const deliveries: Delivery[] = []
  let failuresLeft = 1
  const waiters: (() => void)[] = []

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        // The first delivery fails, to show that the lake retries
        if (failuresLeft > 0) {
          failuresLeft--
          res.writeHead(503).end()
          return
        }
        deliveries.push({headers: req.headers, body})
        res.writeHead(200).end()
        waiters.splice(0).forEach((wake) => wake())
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/revalidate`
    // Versions are written freely here (the sign-off rules are versionRules.test.ts's subject).
    lake = await startTestLake({
      workflowRules: false,
      webhooks: [
        {
          url,
          secret: SECRET,
          filter: '_type == "policyVersion"',
          projection: '{_id, number, "operation": delta::operation()}',
        },
      ],
    })
  })
  afterAll(async () => {
    await lake.stop()
    await new Promise((resolve) => receiver.close(resolve))
  })

  const nextDelivery = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (deliveries.length >= count ? resolve() : waiters.push(check))
      check()
    })

  it('posts the projected version once it is committed, signed so the site can verify it', async () => {
    const {transactionId} = await lake.editor.create(
      {_id: 'version-9', _type: 'policyVersion', number: 9, status: 'draft'},
      {returnDocuments: false},
    )
    await lake.editor.create({_id: 'section-unrelated', _type: 'policySection'})
    await lake.editor.create({_id: 'drafts.version-10', _type: 'policyVersion', number: 10})
    await nextDelivery(1)

    const [delivery] = deliveries
    expect(JSON.parse(delivery!.body)).toEqual({_id: 'version-9', number: 9, operation: 'create'})
    expect(delivery!.headers).toMatchObject({
      'sanity-operation': 'create',
      'sanity-document-id': 'version-9',
      'sanity-transaction-id': transactionId,
      'sanity-dataset': 'production',
      'content-type': 'application/json',
    })
    const signature = delivery!.headers[SIGNATURE_HEADER_NAME] as string
    expect(await isValidSignature(delivery!.body, signature, SECRET)).toBe(true)
    expect(await isValidSignature(delivery!.body, signature, 'another-secret')).toBe(false)
  })

  it('does not deliver for sections or drafts, and reports deletions', async () => {
    await lake.editor.delete('version-9')
    await nextDelivery(2)
    expect(deliveries.map((d) => d.headers['sanity-document-id'])).toEqual([
      'version-9',
      'version-9',
    ])
    expect(deliveries[1]!.headers['sanity-operation']).toBe('delete')
    expect(JSON.parse(deliveries[1]!.body)).toMatchObject({_id: 'version-9', operation: 'delete'})
  })
})
