import {complianceChecklist} from './documents/complianceChecklist'
import {policy} from './documents/policy'
import {policySection} from './documents/policySection'
import {policyVersion} from './documents/policyVersion'
import {checklistCoverage, checklistCoverageItem} from './objects/checklistCoverage'
import {checklistItem} from './objects/checklistItem'
import {linkAudit} from './objects/linkAudit'
import {localePortableText} from './objects/localePortableText'
import {localeString} from './objects/localeString'
import {localeText} from './objects/localeText'
import {outboundLink} from './objects/outboundLink'
import {policyBody} from './objects/policyBody'
import {sectionSnapshot} from './objects/sectionSnapshot'
import {versionActor} from './objects/versionActor'
import {versionApproval} from './objects/versionApproval'
import {versionPublication} from './objects/versionPublication'

export const schemaTypes = [
  policy,
  policySection,
  policyVersion,
  complianceChecklist,
  checklistItem,
  checklistCoverage,
  checklistCoverageItem,
  localeString,
  localeText,
  localePortableText,
  policyBody,
  sectionSnapshot,
  versionActor,
  versionApproval,
  versionPublication,
  linkAudit,
  outboundLink,
]
