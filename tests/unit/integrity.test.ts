import {describe, expect, it} from 'vitest'
import {contentHash} from '@/lib/policy/contentHash'
import {checkIntegrity} from '@/lib/policy/integrity'
import type {PolicyVersion} from '@/lib/policy/types'
import {sampleVersion} from '../fixtures/policyVersion'

async function approved(): Promise<PolicyVersion> {
  const version = sampleVersion()
  const hash = await contentHash(version)
  return {
    ...version,
    contentHash: hash,
    approval: {
      userId: 'p-legal-reviewer',
      name: 'Me Sophie Gagnon',
      at: '2026-02-19T12:00:00Z',
      contentHash: hash,
    },
  }
}

describe('checking that a published version is what legal approved', () => {
  it('verifies an untouched, approved version', async () => {
    expect(await checkIntegrity(await approved())).toBe('verified')
  })

  it('notices a word changed after approval, in either language', async () => {
    const version = await approved()
    version.sections[0]!.body.fr[0]!.children[0]!.text = 'Un témoin permanent est nécessaire.'
    expect(await checkIntegrity(version)).toBe('content-changed')
  })

  it('notices a retitled section even when the fingerprint was recomputed to match', async () => {
    const version = await approved()
    version.sections[1]!.title.en = 'Links elsewhere'
    version.contentHash = await contentHash(version)
    expect(await checkIntegrity(version)).toBe('approval-mismatch')
  })

  it('says so when no approval was recorded', async () => {
    const version = await approved()
    delete version.approval
    expect(await checkIntegrity(version)).toBe('not-approved')
  })

  it('is not fooled by the order in which keys were stored', async () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value
    const reordered = reverseKeys(await approved()) as PolicyVersion
    expect(Object.keys(reordered)[0]).toBe('approval')
    expect(await checkIntegrity(reordered)).toBe('verified')
  })
})
