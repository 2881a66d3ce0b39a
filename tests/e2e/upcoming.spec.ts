import {expect, test, type Page} from '@playwright/test'
import {startNginx, type RunningNginx} from '../../deploy/nginx/foreground'
import {standaloneConfig} from '../../deploy/nginx/render'
import {organisationDayStart, organisationToday} from '../../lib/policy/dates'
import {freePort, startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'
import {publishVersion} from './helpers/publish'

/**
 * A version published for a later date is announced on every page of the version in force, in
 * the reader's language, until its day; at 00:00 in Québec that day it is the version in force
 * and the announcement is gone, through the site's kept pages and the shared cache in front,
 * with nobody acting. The site's clock is moved for the test (lib/clock.ts).
 */
test.describe.configure({mode: 'serial'})

const EN = '/en/privacy-policy'
const FR = '/fr/politique-de-confidentialite'
const EN_VERSION_2 = '/en/privacy-policy/versions/2'
const FR_VERSION_2 = '/fr/politique-de-confidentialite/versions/2'

let site: IsolatedSite
let nginx: RunningNginx
let cacheUrl: string

test.beforeAll(async () => {
  site = await startIsolatedSite()
  const port = await freePort()
  cacheUrl = `http://127.0.0.1:${port}`
  const origin = new URL(site.url)
  nginx = await startNginx(
    (prefix) =>
      standaloneConfig(prefix, {listen: `127.0.0.1:${port}`, origin: `127.0.0.1:${origin.port}`}),
    `${cacheUrl}/api/health`,
  )
})

test.afterAll(async () => {
  await nginx?.stop()
  await site?.stop()
})

/** The 15th of the month after next, in Québec: weeks away, whatever today is. */
function dayWeeksAway(): string {
  const [year, month] = organisationToday().split('-').map(Number) as [number, number]
  const date = new Date(Date.UTC(year, month + 1, 15))
  return date.toISOString().slice(0, 10)
}

function spelled(isoDate: string, language: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone: 'UTC'}).format(
    new Date(`${isoDate}T00:00:00Z`),
  )
}

/** Reads a page as a reader does, through the shared cache. */
async function read(page: Page, path: string) {
  await page.goto(`${cacheUrl}${path}`)
}

const notice = (page: Page, name: string) => page.getByRole('note', {name})

test('readers of the version in force are told of the next version until its day, and then read it', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const effectiveDate = dayWeeksAway()
  const comesIntoForce = organisationDayStart(effectiveDate)
  const number = await publishVersion(site, {
    title: {fr: 'Politique de confidentialité (nouvelle)', en: 'Privacy policy (new)'},
    summary: {
      fr: 'Nouvelle section sur la personne responsable de la protection des renseignements personnels.',
      en: 'New section on the person in charge of the protection of personal information.',
    },
    effectiveDate,
  })
  expect(number).toBe(3)

  await test.step('an English reader of the policy in force is told, with what changes', async () => {
    await expect(async () => {
      await read(page, EN)
      await expect(notice(page, 'Upcoming changes to this policy')).toBeVisible({timeout: 1_000})
    }).toPass({timeout: 15_000})
    const upcoming = notice(page, 'Upcoming changes to this policy')
    await expect(upcoming).toContainText(
      `Version 3 of this policy comes into force on ${spelled(effectiveDate, 'en')}.`,
    )
    await expect(upcoming).toContainText(
      'What changes: New section on the person in charge of the protection of personal information.',
    )
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Privacy policy')
    await expect(page.getByText('Version 2', {exact: true})).toBeVisible()

    await upcoming.getByRole('link', {name: 'See the changes from the version in force'}).click()
    await expect(page).toHaveURL(`${cacheUrl}/en/privacy-policy/compare?from=2&to=3`)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changes from version 2 to version 3',
    )
  })

  await test.step('a French reader is told in French', async () => {
    await read(page, FR)
    const upcoming = notice(page, 'Modifications à venir de la présente politique')
    await expect(upcoming).toContainText(
      `La version 3 de la présente politique entrera en vigueur le ${spelled(effectiveDate, 'fr')}.`,
    )
    await expect(upcoming).toContainText(
      'Ce qui change : Nouvelle section sur la personne responsable de la protection des renseignements personnels.',
    )
    await expect(
      upcoming.getByRole('link', {
        name: 'Voir les changements par rapport à la version en vigueur',
      }),
    ).toHaveAttribute('href', '/fr/politique-de-confidentialite/comparer?from=2&to=3')
  })

  await test.step('the page of version 2, in force, says so too; version 1’s does not', async () => {
    await read(page, EN_VERSION_2)
    await expect(notice(page, 'Upcoming changes to this policy')).toContainText(
      'Version 3 of this policy comes into force on',
    )
    await read(page, FR_VERSION_2)
    await expect(notice(page, 'Modifications à venir de la présente politique')).toBeVisible()
    await read(page, '/en/privacy-policy/versions/1')
    await expect(notice(page, 'Upcoming changes to this policy')).toHaveCount(0)
  })

  await test.step('half a minute before the day, nothing has changed yet', async () => {
    site.setClock(new Date(comesIntoForce.getTime() - 30_000))
    // Rendered and kept by the site now, on the moved clock, before the shared cache asks.
    for (const [path, announcement] of [
      [EN, 'Version 3 of this policy comes into force on'],
      [FR, 'La version 3 de la présente politique entrera en vigueur le'],
      [EN_VERSION_2, 'Version 3 of this policy comes into force on'],
      [FR_VERSION_2, 'La version 3 de la présente politique entrera en vigueur le'],
    ] as const) {
      const response = await request.get(`${site.url}${path}`)
      expect(await response.text(), path).toContain(announcement)
    }
    await expect(async () => {
      await read(page, EN)
      await expect(notice(page, 'Upcoming changes to this policy')).toBeVisible({timeout: 1_000})
      await expect(page.getByText('Version 2', {exact: true})).toBeVisible({timeout: 1_000})
    }).toPass({timeout: 10_000})
  })

  await test.step('at 00:00 in Québec on the day, version 3 is in force and the notice is gone', async () => {
    // The pages kept half a minute ago would otherwise be served for another half minute.
    site.setClock(new Date(comesIntoForce.getTime() + 1_000))
    for (const [path, title, label] of [
      [EN, 'Privacy policy (new)', 'Upcoming changes to this policy'],
      [
        FR,
        'Politique de confidentialité (nouvelle)',
        'Modifications à venir de la présente politique',
      ],
    ] as const) {
      await expect(async () => {
        await read(page, path)
        await expect(page.getByRole('heading', {level: 1})).toHaveText(title, {timeout: 1_000})
      }, path).toPass({timeout: 10_000})
      await expect(page.getByText('Version 3', {exact: true})).toBeVisible()
      await expect(notice(page, label)).toHaveCount(0)
    }
    await expect(async () => {
      await read(page, EN_VERSION_2)
      await expect(page.getByRole('note').first()).toContainText('Archived version', {
        timeout: 1_000,
      })
    }).toPass({timeout: 10_000})
    await expect(notice(page, 'Upcoming changes to this policy')).toHaveCount(0)
  })
})
