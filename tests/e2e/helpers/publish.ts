import {organisationToday} from '../../../lib/policy/dates'
import {prepareCandidate, signoffThroughSite} from '../../fixtures/signoff'
import type {IsolatedSite} from './isolatedSite'

export interface NewVersion {
  title: {fr: string; en: string}
  summary: {fr: string; en: string}
  /** YYYY-MM-DD; today in Québec when left out. */
  effectiveDate?: string
}

/**
 * Publishes the next version of the policy in an isolated site's lake, as the Studio does: the
 * editor retitles the policy and prepares a candidate with its summary and date, the legal
 * reviewer approves it and the editor publishes it, each through the site, which signs. Resolves
 * when the lake has committed the publication (its webhook to the site is then on its way).
 */
export async function publishVersion(site: IsolatedSite, version: NewVersion): Promise<number> {
  const editor = site.client('editor')
  const latest = await editor.fetch<number>(
    `*[_type == "policyVersion" && status == "published"] | order(number desc)[0].number`,
  )
  const number = latest + 1
  await editor
    .patch('policy')
    .set({'title.fr': version.title.fr, 'title.en': version.title.en})
    .commit()
  const candidate = await editor.create(
    await prepareCandidate(editor, number, {
      effectiveDate: version.effectiveDate ?? organisationToday(),
      changeSummary: version.summary,
    }),
  )
  const approved = await signoffThroughSite(site.url, 'approve', site.token('legal-reviewer'), {
    id: candidate._id,
    revision: candidate._rev,
  })
  if (approved.status !== 200) throw new Error(`Approval refused: ${JSON.stringify(approved.body)}`)
  const current = await editor.getDocument(candidate._id)
  const published = await signoffThroughSite(site.url, 'publish', site.token('editor'), {
    id: candidate._id,
    revision: current!._rev,
  })
  if (published.status !== 200)
    throw new Error(`Publication refused: ${JSON.stringify(published.body)}`)
  return number
}
