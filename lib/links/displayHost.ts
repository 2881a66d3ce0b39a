import {ens_normalize} from '@adraffy/ens-normalize'
import punycode from 'punycode/punycode.js'
import {parse} from 'tldts'

/**
 * How a host name is shown to readers and editors. The WHATWG URL parser gives the ASCII
 * (Punycode) form, which stays the one used to compare hosts; showing it in Unicode is only safe
 * when the name cannot pass for another. That judgement is left to maintained implementations of
 * Unicode's security mechanisms rather than code of our own:
 * - Punycode is decoded by `punycode` (RFC 3492, the reference JavaScript implementation);
 * - each label chosen by whoever registered the name must pass `@adraffy/ens-normalize`
 *   (ENSIP-15, kept current with Unicode and CLDR), which refuses characters outside the
 *   identifier profile, mixtures of scripts that UTS #39 deems confusable (Latin with Cyrillic,
 *   Greek, Armenian, Cherokee…) and whole-script confusables (`аррӏе` in Cyrillic), and must be
 *   made of letters, marks, digits and hyphens only (no symbols or emoji);
 * - the public suffix (`.рф`, `.中国`) is assigned by ICANN, not chosen by a registrant, and is
 *   shown decoded whenever the Public Suffix List (`tldts`) knows it.
 * A name with any label that fails is shown entirely in Punycode: never half decoded.
 */

const XN = /^xn--/i
const LETTERS_MARKS_DIGITS = /^[\p{L}\p{M}\p{N}-]+$/u

function decodedLabel(label: string): string | undefined {
  try {
    const unicode = punycode.toUnicode(label.toLowerCase())
    // A label that does not survive the way back is not valid Punycode
    return punycode.toASCII(unicode) === label.toLowerCase() ? unicode : undefined
  } catch {
    return undefined
  }
}

/** Whether a decoded label could be taken for another name. */
function isDeceptive(label: string): boolean {
  if (!LETTERS_MARKS_DIGITS.test(label)) return true
  try {
    return ens_normalize(label) !== label
  } catch {
    return true
  }
}

/** The host name to show: Unicode when that cannot deceive, otherwise the ASCII form as given. */
export function hostToUnicode(asciiHost: string): string {
  const labels = asciiHost.split('.')
  if (!labels.some((label) => XN.test(label))) return asciiHost
  const {publicSuffix, isIcann} = parse(asciiHost)
  const suffixLabels = isIcann && publicSuffix ? publicSuffix.split('.').length : 0
  const shown: string[] = []
  for (const [index, label] of labels.entries()) {
    if (!XN.test(label)) {
      shown.push(label)
      continue
    }
    const unicode = decodedLabel(label)
    if (unicode === undefined) return asciiHost
    const assignedByIcann = index >= labels.length - suffixLabels
    if (!assignedByIcann && isDeceptive(unicode)) return asciiHost
    shown.push(unicode)
  }
  return shown.join('.')
}
