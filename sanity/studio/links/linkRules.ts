import {classifyLink, type UnsafeReason} from '../../../lib/links/classify'

export interface LinkProblem {
  /** `error` stops the section from being published; `warning` only asks the editor to look. */
  level: 'error' | 'warning'
  /** What the editor reads, in French and in English. */
  message: string
  /** The address to use instead, when it is certain (an address written without its https://). */
  fix?: string
}

/**
 * A message in both languages of the policy, French (its primary language) first. Each half is a
 * sentence of its own, so that the Studio's translation can later pick one.
 */
export function bilingual(fr: string, en: string): string {
  return `${fr} / ${en}`
}

const UNSAFE: Record<Exclude<UnsafeReason, 'missing-scheme'>, string> = {
  scheme: bilingual(
    'Cette adresse pourrait exécuter un script ou ouvrir autre chose qu’une page : elle ne sera jamais affichée comme un lien. Utilisez une adresse web (https://…), une adresse courriel (mailto:…), un numéro de téléphone (tel:…) ou une partie de cette page (#…).',
    'This address could run a script or open something other than a page, so it will never be shown as a link. Use a web address (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a part of this page (#…).',
  ),
  credentials: bilingual(
    'Cette adresse cache un nom d’utilisateur ou un mot de passe avant le nom du site (« …@ »), une ruse qui fait croire qu’un lien mène ailleurs. Retirez cette partie.',
    'This address hides a user name or password before the site’s name (“…@”), a trick that makes a link look as if it went somewhere else. Remove that part.',
  ),
  malformed: bilingual(
    'Cette adresse est vide, illisible ou contient des caractères invisibles. Tapez-la de nouveau.',
    'This address is empty, cannot be read as an address, or contains invisible characters. Type it again.',
  ),
}

function missingSchemeMessage(fix: string): string {
  if (fix.startsWith('mailto:')) {
    return bilingual(
      `Il manque « mailto: » au début de cette adresse courriel : telle quelle, elle mènerait à une page inexistante de ce site. Écrivez ${fix}`,
      `This e-mail address lacks “mailto:” at the start: as written, it would lead to a page of this site that does not exist. Write ${fix}`,
    )
  }
  return bilingual(
    `Il manque « https:// » au début de cette adresse : telle quelle, elle mènerait à une page inexistante de ce site. Écrivez ${fix} (pour une page de ce site, commencez par « / »).`,
    `This address lacks “https://” at the start: as written, it would lead to a page of this site that does not exist. Write ${fix} (for a page of this site, start with “/”).`,
  )
}

/**
 * What is wrong with a link's address, if anything, decided as the site will decide it
 * (lib/links/classify.ts): an unsafe or incomplete address is an error, a plain `http:` address to
 * another site a warning, since readers would leave the site without encryption.
 */
export function linkAddressProblem(
  href: unknown,
  siteHosts: readonly string[],
): LinkProblem | undefined {
  if (typeof href !== 'string' || href === '') return undefined
  const link = classifyLink(href, {siteHosts})
  if (link.kind === 'unsafe') {
    return link.reason === 'missing-scheme'
      ? {level: 'error', message: missingSchemeMessage(link.suggestion), fix: link.suggestion}
      : {level: 'error', message: UNSAFE[link.reason]}
  }
  if (link.kind === 'external' && link.href.startsWith('http:')) {
    return {
      level: 'warning',
      message: bilingual(
        `Cette adresse n’est pas sécurisée (http://). Si ${link.displayHost} offre https://, utilisez-le.`,
        `This address is not secure (http://). If ${link.displayHost} offers https://, use that instead.`,
      ),
    }
  }
  return undefined
}

/** How an editor is told that a link leaves the site, or undefined when it stays on it. */
export function outboundLinkNotice(
  href: unknown,
  siteHosts: readonly string[],
): string | undefined {
  if (typeof href !== 'string' || href === '') return undefined
  const link = classifyLink(href, {siteHosts})
  return link.kind === 'external'
    ? `Goes to another site (${link.displayHost}): opens in a new window, flagged to readers as another site.`
    : undefined
}
