import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startTestLake, type TestLake} from './helpers'

describe('the site reads the policy from the embedded lake through @sanity/client', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('listens on the port it was given by the system and says so', () => {
    expect(lake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(lake.url).not.toMatch(/:0$/)
  })

  it('serves the current published version to a visitor without a token', async () => {
    const version = await lake.anonymous.fetch(
      '*[_type == "policyVersion" && status == "published" && effectiveDate <= $today] | order(number desc)[0]{number, changeSummary}',
      {today: '2025-06-30'},
    )
    expect(version).toEqual({number: 2, changeSummary: {fr: 'Témoins', en: 'Cookies'}})
  })

  it('hides drafts from visitors and shows them, overlaid, to an editor', async () => {
    const query = '*[_id == "section-cookies"][0].title.fr'
    expect(await lake.anonymous.fetch(query)).toBe('Témoins')
    expect(await lake.anonymous.fetch(query, {}, {perspective: 'drafts'})).toBe('Témoins')
    expect(await lake.editor.fetch(query, {}, {perspective: 'drafts'})).toBe('Témoins (brouillon)')
    expect(
      await lake.editor.fetch(
        '*[_id == "section-cookies"][0]._originalId',
        {},
        {perspective: 'drafts'},
      ),
    ).toBe('drafts.section-cookies')
    expect(
      await lake.anonymous.fetch('count(*[_id in path("drafts.**")])', {}, {perspective: 'raw'}),
    ).toBe(0)
    expect(
      await lake.editor.fetch('count(*[_id in path("drafts.**")])', {}, {perspective: 'raw'}),
    ).toBe(1)
  })

  it('returns documents by id and names the ones it does not have', async () => {
    expect(await lake.anonymous.getDocument('version-1')).toMatchObject({
      _id: 'version-1',
      number: 1,
    })
    expect(await lake.anonymous.getDocument('drafts.section-cookies')).toBeUndefined()
    expect(await lake.editor.getDocument('drafts.section-cookies')).toMatchObject({
      _type: 'policySection',
    })
    const docs = await lake.anonymous.getDocuments(['version-1', 'version-9'])
    expect(docs.map((doc) => doc?._id ?? null)).toEqual(['version-1', null])
  })

  it('explains a GROQ syntax error with its position', async () => {
    await expect(lake.anonymous.fetch('*[_type == ]')).rejects.toMatchObject({
      statusCode: 400,
      details: {type: 'queryParseError', start: 10},
    })
  })

  it('answers an unknown dataset with a 404', async () => {
    await expect(lake.anonymous.withConfig({dataset: 'staging'}).fetch('*')).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('Dataset "staging" not found'),
    })
  })
})
