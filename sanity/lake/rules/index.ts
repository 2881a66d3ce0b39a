/**
 * The policy's rules, enforced on every transaction: the sign-off (docs/decisions/0007) and
 * published versions that never change; the site's signing key they verify with.
 */

export {publishedVersionsAreImmutable} from './policyGuard'
export {ensureSigningKey, unknownKeyLine} from './signingKey'
export {anomaliesLine} from './versionDocuments'
export {versionWorkflowRules} from './versionRules'
