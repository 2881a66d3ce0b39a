import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {generateSigningKey} from '@/lib/policy/signingKeys'

/**
 * The site configured for a hosted Sanity project, `abc`, as a deployment would be: every
 * variable a real project needs, and a signing key of its own.
 */
Object.assign(process.env, {
  SANITY_PROJECT_ID: 'abc',
  SANITY_DATASET: 'production',
  SANITY_API_READ_TOKEN: 'sk-read-token-of-the-site',
  SANITY_API_WRITE_TOKEN: 'sk-write-token-of-the-site',
  SANITY_WEBHOOK_SECRET: 'the-webhook-secret',
  SANITY_REVIEWERS: 'sophie.gagnon@example.org',
  SITE_URL: 'https://policy.example.org',
  SIGNING_PRIVATE_KEY: generateSigningKey().pem,
  // The site's own folder (its checkpoint, its record of who wrote what), one per test run.
  SITE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'policy-contract-site-')),
})
