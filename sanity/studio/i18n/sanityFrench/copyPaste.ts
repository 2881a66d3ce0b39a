/**
 * French for the words of Sanity's `copy-paste` namespace that Sanity's French locale
 * (@sanity/locale-fr-fr 1.2.31) lacks. Merged over Sanity's French; drop a key here once Sanity's
 * French has it.
 */
export const copyPasteFrFR: Record<string, string> = {
  'copy-paste.on-paste.validation.read-only-fields-skipped.description':
    'Champs en lecture seule ignorés : {{fieldNames}}',
  'copy-paste.on-paste.validation.read-only-fields-skipped-truncated.description':
    'Champs en lecture seule ignorés : {{fieldNames}} et {{count}} autres',
}
