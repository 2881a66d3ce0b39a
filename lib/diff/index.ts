export {blockFormat, blockText, compareBodies, compareLinks} from './blocks'
export type {
  BlockComparison,
  BlockFormat,
  BlockStatus,
  BodyComparison,
  InlineChange,
  LinkChange,
} from './blocks'
export {movedKeys} from './moves'
export {comparePolicies} from './policy'
export type {
  CompareOptions,
  ComparisonSummary,
  LanguageComparison,
  PolicyComparison,
  SectionComparison,
  SectionStatus,
} from './policy'
export {diffRanges, diffText, hasChanges} from './text'
export type {ChangeKind, TextChange, TextRange} from './text'
export {normalise, tokenize} from './tokenize'
export type {Token} from './tokenize'
