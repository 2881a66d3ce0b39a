/**
 * How the sections of a page of the policy (the policy in force, a version, a comparison) are
 * addressed. Every address derives from the section's key, which is the same in every language:
 * the section itself (`#links-to-other-sites`) and its heading (`#links-to-other-sites-title`)
 * exist under the same names in the French and English pages, so that any in-page address has
 * its counterpart in the other language, and the language switcher can take a reader from either
 * to the same section (see LanguageSwitcher.tsx).
 */

/** Marks the element of a section, for the language switcher to find. */
export const SECTION_ATTRIBUTE = 'data-policy-section'

/** The attributes of a section's element and of its heading. */
export function sectionAnchors(key: string) {
  const headingId = `${key}-title`
  return {
    section: {id: key, 'aria-labelledby': headingId, [SECTION_ATTRIBUTE]: ''},
    heading: {id: headingId},
  }
}

/** A link to a section from the same page. */
export function sectionHref(key: string): string {
  return `#${encodeURIComponent(key)}`
}
