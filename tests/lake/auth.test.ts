import {LAKE_PROJECT_ID} from '../../lib/env'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ensureLocalUsers} from '../../sanity/lake/auth'
import {parseNdjson} from '../../sanity/lake/store'
import {readLocalUsers} from '../../sanity/lake/server'
import {lakeClient, startTestLake, type TestLake} from './helpers'

describe('who may read and write in the lake', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('creates an editor, a legal reviewer and the site’s signing service with distinct tokens, kept in the data directory', () => {
    const users = readLocalUsers(lake.dataDir)
    expect(users.map(({id, name, role}) => ({id, name, role}))).toEqual([
      {id: 'p-editor', name: 'Camille Tremblay', role: 'editor'},
      {id: 'p-legal-reviewer', name: 'Me Sophie Gagnon', role: 'legal-reviewer'},
      {id: 'p-site-signer', name: 'Privacy policy site (signing service)', role: 'signing-service'},
    ])
    expect(new Set(users.map((user) => user.token)).size).toBe(3)
    expect(users[0]?.token.length).toBeGreaterThanOrEqual(32)
  })

  it('gives a data folder from an earlier release the users it lacks, keeping everyone’s token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lake-users-'))
    try {
      const earlier = readLocalUsers(lake.dataDir).slice(0, 2)
      writeFileSync(join(dataDir, 'users.json'), JSON.stringify({users: earlier}))
      const users = ensureLocalUsers(dataDir)
      expect(users.slice(0, 2)).toEqual(earlier)
      expect(users[2]).toMatchObject({id: 'p-site-signer', role: 'signing-service'})
      expect(readLocalUsers(dataDir)).toEqual(users)
    } finally {
      rmSync(dataDir, {recursive: true, force: true})
    }
  })

  it('refuses writes without a token, or with a wrong one, with 401', async () => {
    await expect(lake.anonymous.create({_type: 'policySection'})).rejects.toMatchObject({
      statusCode: 401,
    })
    const stranger = lakeClient(lake.url, 'sk-not-a-real-token')
    await expect(stranger.fetch('count(*)')).rejects.toMatchObject({statusCode: 401})
    await expect(
      lake.anonymous.action({
        actionType: 'sanity.action.document.discard',
        draftId: 'drafts.section-cookies',
      }),
    ).rejects.toMatchObject({statusCode: 401})
    expect(await lake.editor.getDocument('drafts.section-cookies')).toBeDefined()
  })

  it('says who is logged in and names users for the history', async () => {
    expect(await lake.legal.request({url: '/users/me'})).toMatchObject({
      id: 'p-legal-reviewer',
      name: 'Me Sophie Gagnon',
      role: 'administrator',
      roles: expect.arrayContaining([{name: 'legal-reviewer', title: 'Legal reviewer'}]),
    })
    expect(await lake.anonymous.request({url: '/users/me'})).toEqual({})
    expect(await lake.editor.request({url: '/users/p-legal-reviewer'})).toMatchObject({
      id: 'p-legal-reviewer',
      displayName: 'Me Sophie Gagnon',
    })
    const both = await lake.editor.request<{id: string}[]>({
      url: '/users/p-editor,p-legal-reviewer',
    })
    expect(both.map((user) => user.id)).toEqual(['p-editor', 'p-legal-reviewer'])
  })

  it('names no user and no member to someone without a token, as Sanity does', async () => {
    for (const uri of [
      '/users/p-legal-reviewer',
      '/users/p-editor,p-legal-reviewer',
      `/projects/${LAKE_PROJECT_ID}`,
      '/projects',
    ]) {
      await expect(lake.anonymous.request({uri}), uri).rejects.toMatchObject({statusCode: 401})
    }
  })

  it('names the author of the seed import, so the history panel can credit it', async () => {
    const body = await lake.legal.request<string>({
      url: '/data/history/production/transactions/policy?excludeContent=true',
    })
    const [seed] = parseNdjson(body) as {author?: string}[]
    const system = await lake.editor.request<Record<string, unknown>>({
      url: `/users/${seed?.author}`,
    })
    expect(system).toMatchObject({id: seed?.author, displayName: 'System (seed import)'})
    expect(system).not.toHaveProperty('email')
    const batch = await lake.editor.request<{id: string}[]>({
      url: `/users/p-editor,${seed?.author},nobody`,
    })
    expect(batch.map((user) => user.id)).toEqual(['p-editor', seed?.author])
    await expect(lake.editor.request({url: '/users/nobody'})).rejects.toMatchObject({
      statusCode: 404,
    })
  })

  it('lets the Studio sign out, with its token, with cookies only, or with a forgotten token', async () => {
    const signOut = {url: '/auth/logout', method: 'POST'} as const
    // The API version the Studio's sign-out uses
    const studio = lake.editor.withConfig({apiVersion: 'v2026-05-04'})
    expect(await studio.request(signOut)).toEqual({})
    expect(await lake.anonymous.withConfig({withCredentials: true}).request(signOut)).toEqual({})
    const forgotten = lakeClient(lake.url, 'sk-from-an-earlier-data-directory')
    expect(await forgotten.request(signOut)).toEqual({})
    // The local users' tokens are their only credentials: the editor can log in again
    expect(await lake.editor.request({url: '/users/me'})).toMatchObject({id: 'p-editor'})
  })

  it('answers the Studio’s project, dataset and permission questions', async () => {
    expect(await lake.editor.request({url: '/projects/local/datasets/production/acl'})).toEqual([
      expect.objectContaining({
        permissions: expect.arrayContaining(['read', 'create', 'update', 'history']),
      }),
    ])
    expect(await lake.editor.request({url: '/projects/local'})).toMatchObject({id: 'local'})
    expect(await lake.editor.request({url: '/projects/local/datasets'})).toEqual([
      expect.objectContaining({name: 'production'}),
    ])
    // No studio is deployed to Sanity's hosting, and the latency probe answers
    expect(await lake.editor.request({url: '/projects/local/user-applications'})).toEqual([])
    expect(await lake.editor.request({url: '/data/ping/production'})).toBe('PONG')
    await expect(lake.editor.request({url: '/data/ping/staging'})).rejects.toMatchObject({
      statusCode: 404,
    })
    await lake.editor.request({
      url: '/users/me/keyvalue',
      method: 'PUT',
      body: [{key: 'studio.pane-width', value: 420}],
    })
    expect(
      await lake.editor.request({url: '/users/me/keyvalue/studio.pane-width,missing'}),
    ).toEqual([
      {key: 'studio.pane-width', value: 420},
      {key: 'missing', value: null},
    ])
  })
})
