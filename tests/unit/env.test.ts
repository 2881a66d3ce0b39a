import {describe, expect, it} from 'vitest'
import {ConfigurationError, checkRealProjectSettings, parseEnv} from '@/lib/env'

const REAL_PROJECT = {
  SANITY_PROJECT_ID: 'abc',
  SANITY_DATASET: 'production',
  SANITY_WEBHOOK_SECRET: 'secret',
  SANITY_API_READ_TOKEN: 'sk-read',
  SANITY_API_WRITE_TOKEN: 'sk-write',
  SIGNING_PRIVATE_KEY:
    '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIBm3zJ9Z\\n-----END PRIVATE KEY-----',
  SANITY_REVIEWERS: 'sophie.gagnon@example.org, p1234',
}

function startWith(source: Record<string, string | undefined>): string | undefined {
  try {
    checkRealProjectSettings(parseEnv(source))
    return undefined
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message
    throw error
  }
}

describe('starting the site on a real Sanity project', () => {
  it('starts with every variable a hosted project needs', () => {
    expect(startWith(REAL_PROJECT)).toBeUndefined()
    expect(parseEnv(REAL_PROJECT).signoff.reviewers).toEqual({
      role: undefined,
      users: ['sophie.gagnon@example.org', 'p1234'],
    })
  })

  it('stops with one line naming each missing variable', () => {
    for (const variable of [
      'SANITY_WEBHOOK_SECRET',
      'SANITY_API_READ_TOKEN',
      'SANITY_API_WRITE_TOKEN',
      'SIGNING_PRIVATE_KEY',
    ]) {
      const message = startWith({...REAL_PROJECT, [variable]: undefined})
      expect(message).toMatch(new RegExp(`^Configuration error: ${variable} must be set`))
      expect(message).not.toContain('\n')
    }
  })

  it('needs the legal reviewers named, by a list for any plan or by a role on Enterprise', () => {
    expect(startWith({...REAL_PROJECT, SANITY_REVIEWERS: undefined})).toMatch(
      /SANITY_REVIEWERS must list the legal reviewers .*SANITY_REVIEWER_ROLE/,
    )
    expect(
      startWith({...REAL_PROJECT, SANITY_REVIEWERS: undefined, SANITY_REVIEWER_ROLE: 'counsel'}),
    ).toBeUndefined()
    expect(startWith({...REAL_PROJECT, SANITY_REVIEWERS: 'not an address,'})).toMatch(
      /SANITY_REVIEWERS must be Sanity user ids or e-mail addresses/,
    )
  })

  it('needs nothing of this with the embedded lake, whose reviewers hold the legal-reviewer role', () => {
    expect(startWith({})).toBeUndefined()
    expect(parseEnv({}).signoff.reviewers).toEqual({role: 'legal-reviewer', users: []})
  })

  it('reads a signing key written on one line with \\n, as environment files hold it', () => {
    expect(parseEnv(REAL_PROJECT).signoff.signingPrivateKey).toContain('\n')
    expect(() => parseEnv({SIGNING_PRIVATE_KEY: 'hello'})).toThrow(/SIGNING_PRIVATE_KEY must be/)
  })
})
