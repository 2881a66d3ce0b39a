export {classifyLink} from './classify'
export type {
  ClassifiedLink,
  EmailLink,
  ExternalLink,
  InternalLink,
  LinkOptions,
  PhoneLink,
  UnsafeLink,
  UnsafeReason,
} from './classify'
export {collectOutboundLinks, findUnsafeLinks} from './audit'
export type {LinkLocation, OutboundLink, UnsafeLinkFound} from './audit'
export {linksInBlock, linksInBody} from './portableText'
export type {LinkRun} from './portableText'
export {hostToUnicode} from './displayHost'
