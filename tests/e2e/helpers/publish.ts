import type {IsolatedSite} from './isolatedSite'

export interface NewVersion {
  title: {fr: string; en: string}
  summary: {fr: string; en: string}
  /** YYYY-MM-DD; today in Québec when left out. */
  effectiveDate?: string
}

/**
 * Publishes the next version of the policy in an isolated site's lake through its workflow rules,
 * as the Studio does: the editor prepares a candidate (the version in force, retitled), the legal
 * reviewer approves it with her own access, the editor publishes it. Resolves when the lake has
 * committed it (its webhook to the site is then on its way).
 */
export async function publishVersion(site: IsolatedSite, version: NewVersion): Promise<number> {
  const {contentHash} = await import('../../../lib/policy/contentHash')
  const {organisationToday} = await import('../../../lib/policy/dates')
  const {actor, candidateDocument, versionContent} =
    await import('../../../sanity/studio/versioning/workflow')
  const editor = site.client('editor')
  const reviewer = site.client('legal-reviewer')
  const me = (client: typeof editor) =>
    client.request<{id: string; name: string}>({uri: '/users/me'})
  const latest = await editor.fetch<number>(
    `*[_type == "policyVersion" && status == "published"] | order(number desc)[0].number`,
  )
  const number = latest + 1
  const current = await editor.fetch(
    `*[_id == $id][0]{title{fr, en}, organisationName, introduction{fr, en}, sections[]{key, title{fr, en}, body{fr, en}}}`,
    {id: `version-${latest}`},
  )
  const content = {...current, title: version.title}
  const unhashed = candidateDocument({
    id: `version-${number}`,
    content,
    contentHash: '',
    preparedBy: actor(await me(editor)),
  })
  const hash = await contentHash(versionContent(unhashed)!)
  await editor.create({...unhashed, contentHash: hash})
  await reviewer
    .patch(`version-${number}`)
    .set({
      status: 'approved',
      approval: {_type: 'versionApproval', ...actor(await me(reviewer)), contentHash: hash},
    })
    .commit()
  await editor
    .patch(`version-${number}`)
    .set({
      status: 'published',
      number,
      effectiveDate: version.effectiveDate ?? organisationToday(),
      publishedAt: new Date().toISOString(),
      changeSummary: {_type: 'localeText', ...version.summary},
    })
    .commit()
  return number
}
