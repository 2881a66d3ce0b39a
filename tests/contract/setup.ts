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
})
