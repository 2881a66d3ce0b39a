import {expect, test, type Browser, type Locator, type Page} from '@playwright/test'

/**
 * A reader who switches language lands on the section they were reading, in the other language,
 * however they got there: the table of contents, a section's or a heading's address, the back
 * button, the mouse wheel or the keyboard; at any moment, even while the page is still scrolling
 * to the address; on the policy in force, on a version's page and on a redline.
 */

type Language = 'en' | 'fr'

interface SectionedPage {
  name: string
  address: Record<Language, string>
  /** The name of the page's list of sections. */
  contents: Record<Language, string>
  /** A section in the middle of the page, that a reader can scroll to the top of the window. */
  section: {key: string; title: Record<Language, string>}
}

const LINKS = {
  key: 'links-to-other-sites',
  title: {en: 'Links to other sites', fr: 'Liens vers d’autres sites'},
}
const TRANSMISSION = {
  key: 'transmission-of-personal-information',
  title: {
    en: 'Transmission of personal information',
    fr: 'Transmission de renseignements personnels',
  },
}

const PAGES: SectionedPage[] = [
  {
    name: 'the policy in force',
    address: {en: '/en/privacy-policy', fr: '/fr/politique-de-confidentialite'},
    contents: {en: 'Contents', fr: 'Table des matières'},
    section: LINKS,
  },
  {
    name: 'the page of version 1',
    address: {
      en: '/en/privacy-policy/versions/1',
      fr: '/fr/politique-de-confidentialite/versions/1',
    },
    contents: {en: 'Contents', fr: 'Table des matières'},
    section: TRANSMISSION,
  },
  {
    name: 'the redline of versions 1 and 2',
    address: {
      en: '/en/privacy-policy/compare?from=1&to=2',
      fr: '/fr/politique-de-confidentialite/comparer?from=1&to=2',
    },
    contents: {en: 'Sections', fr: 'Sections'},
    section: TRANSMISSION,
  },
]

const LANGUAGE_NAME: Record<Language, string> = {en: 'English', fr: 'Français'}
const other = (language: Language): Language => (language === 'en' ? 'fr' : 'en')

function heading(page: Page, title: string): Locator {
  return page.getByRole('heading', {level: 2, name: title, exact: true})
}

/** Where a heading is, in pixels from the top of the window, and where the sticky header ends. */
function placement(page: Page, title: string) {
  return heading(page, title).evaluate((element) => ({
    top: element.getBoundingClientRect().top,
    headerBottom: document.querySelector('header')!.getBoundingClientRect().bottom,
    windowHeight: window.innerHeight,
  }))
}

/**
 * Does what scrolls the page (a key, the wheel) and waits for the scrolling to end: wheel and
 * keyboard scrolling are animated, and on a busy machine the animation may start late.
 */
async function scrollAndWait(page: Page, scroll: () => Promise<void>) {
  await page.evaluate(() => {
    const holder = window as typeof window & {scrollEnded?: Promise<void>}
    holder.scrollEnded = new Promise<void>((resolve) => {
      window.addEventListener('scrollend', () => resolve(), {once: true})
      // Nothing to scroll (already at the end): no scrollend comes.
      setTimeout(resolve, 3_000)
    })
  })
  await scroll()
  await page.evaluate(() => (window as typeof window & {scrollEnded?: Promise<void>}).scrollEnded)
}

/** Scrolls one step at a time, as a reader does, until the heading is just below the header. */
async function scrollUntilAtTop(
  page: Page,
  title: string,
  step: (distance: number) => Promise<void>,
) {
  for (let i = 0; i < 100; i++) {
    const {top, headerBottom} = await placement(page, title)
    const distance = top - headerBottom
    if (distance <= 40) return
    await scrollAndWait(page, () => step(distance))
  }
  throw new Error(`"${title}" never reached the top of the window`)
}

const wheel = (page: Page) => async (distance: number) => {
  await page.mouse.move(640, 400)
  await page.mouse.wheel(0, Math.min(400, Math.max(40, distance - 20)))
}

const keys = (page: Page) => async (distance: number) => {
  const windowHeight = await page.evaluate(() => window.innerHeight)
  // Page Down moves by seven eighths of the window in Chromium; the arrow key by a line.
  await page.keyboard.press(distance > windowHeight * 0.9 ? 'PageDown' : 'ArrowDown')
}

/**
 * Follows the language switcher as a reader does: with the mouse where the sticky header shows it
 * (locator.click() would first scroll the page, which a reader's click does not), or with Tab
 * and Enter, focus moving through the header's links. Waits for the page's script to point the
 * link at a section first: before it runs, the plain link leads to the top of the other page.
 */
async function switchLanguage(page: Page, to: Language, by: 'mouse' | 'keyboard') {
  const link = page.getByRole('link', {name: LANGUAGE_NAME[to], exact: true})
  if (by === 'mouse') {
    const box = (await link.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await expect(async () => {
      await page.mouse.move(x, y + 200)
      await page.mouse.move(x, y)
      expect(await link.getAttribute('href')).toContain('#')
    }).toPass()
    await page.mouse.click(x, y)
  } else {
    // From the top of the page's order: skip link, site navigation, then the switcher.
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab')
      if (await link.evaluate((element) => element === document.activeElement)) break
    }
    await expect(link).toBeFocused()
    await expect(async () => {
      if (!(await link.getAttribute('href'))?.includes('#')) {
        await page.keyboard.press('Shift+Tab')
        await page.keyboard.press('Tab')
      }
      expect(await link.getAttribute('href')).toContain('#')
    }).toPass()
    await page.keyboard.press('Enter')
  }
}

/** The reader is on the section, its heading in the window below the sticky header. */
async function expectReading(page: Page, address: string, key: string, title: string) {
  await expect(page).toHaveURL(`${address}#${key}`)
  await expect(heading(page, title)).toBeInViewport()
  await expect
    .poll(async () => {
      const {top, headerBottom, windowHeight} = await placement(page, title)
      return top >= headerBottom && top < windowHeight
    }, 'the heading shows below the sticky header')
    .toBe(true)
}

for (const sectioned of PAGES) {
  for (const from of ['en', 'fr'] as const) {
    const to = other(from)
    const {section} = sectioned
    test(`on ${sectioned.name}, a reader switching from ${LANGUAGE_NAME[from]} to ${LANGUAGE_NAME[to]} stays on the section they were reading, however they got there`, async ({
      page,
    }) => {
      const start = sectioned.address[from]
      const land = () => expectReading(page, sectioned.address[to], section.key, section.title[to])

      await test.step('from the list of sections', async () => {
        await page.goto(start)
        const entry = page
          .getByRole('navigation', {name: sectioned.contents[from]})
          .getByRole('link', {name: section.title[from], exact: true})
        // The table of contents scrolls smoothly; the reader waits for it to arrive.
        await scrollAndWait(page, () => entry.click())
        await expect(page).toHaveURL(new RegExp(`#${section.key}$`))
        await switchLanguage(page, to, 'mouse')
        await land()
      })

      await test.step('from the section’s address', async () => {
        await page.goto(`${start}#${section.key}`)
        await switchLanguage(page, to, 'mouse')
        await land()
      })

      await test.step('from the heading’s address', async () => {
        await page.goto(`${start}#${section.key}-title`)
        await switchLanguage(page, to, 'mouse')
        await land()
      })

      await test.step('after scrolling with the mouse wheel', async () => {
        await page.goto(start)
        await scrollUntilAtTop(page, section.title[from], wheel(page))
        await switchLanguage(page, to, 'mouse')
        await land()
      })

      await test.step('after scrolling with the keyboard', async () => {
        await page.goto(start)
        await scrollUntilAtTop(page, section.title[from], keys(page))
        await switchLanguage(page, to, 'keyboard')
        await land()
      })
    })
  }
}

test.describe('on the policy in force', () => {
  const EN = '/en/privacy-policy'
  const FR = '/fr/politique-de-confidentialite'

  test('a reader who followed the table of contents, then scrolled on, lands where they scrolled to', async ({
    page,
  }) => {
    await page.goto(`${EN}#cookies`)
    await scrollUntilAtTop(page, LINKS.title.en, wheel(page))
    await switchLanguage(page, 'fr', 'mouse')
    await expectReading(page, FR, LINKS.key, LINKS.title.fr)
  })

  test('a reader at the very end of the page lands on the last section', async ({page}) => {
    await page.goto(FR)
    await scrollAndWait(page, () => page.keyboard.press('End'))
    await switchLanguage(page, 'en', 'keyboard')
    await expectReading(page, EN, 'learn-more-about-privacy', 'To learn more about privacy')
  })

  test('opening the other language in a new tab keeps the section too', async ({page, context}) => {
    await page.goto(EN)
    await scrollUntilAtTop(page, LINKS.title.en, wheel(page))
    const link = page.getByRole('link', {name: 'Français', exact: true})
    const box = (await link.boundingBox())!
    await expect(async () => {
      await page.mouse.move(box.x + 5, box.y + 200)
      await page.mouse.move(box.x + 5, box.y + 5)
      expect(await link.getAttribute('href')).toContain('#')
    }).toPass()
    const opened = context.waitForEvent('page')
    await page.mouse.click(box.x + 5, box.y + 5, {button: 'middle'})
    const tab = await opened
    await tab.waitForLoadState()
    await expectReading(tab, FR, LINKS.key, LINKS.title.fr)
  })

  test('on a phone, the section lands below the header', async ({browser}) => {
    const context = await browser.newContext({viewport: {width: 390, height: 800}, hasTouch: true})
    const page = await context.newPage()
    await page.goto(`${EN}#${TRANSMISSION.key}`)
    const link = page.getByRole('link', {name: 'Français', exact: true})
    await expect(async () => {
      await link.dispatchEvent('pointerdown')
      expect(await link.getAttribute('href')).toContain('#')
    }).toPass()
    await link.tap()
    await expectReading(page, FR, TRANSMISSION.key, TRANSMISSION.title.fr)
    // A heading's own address, followed from elsewhere, also shows the heading below the header.
    await page.goto(`${FR}#${TRANSMISSION.key}-title`)
    await expectReading(page, FR, `${TRANSMISSION.key}-title`, TRANSMISSION.title.fr)
    await context.close()
  })

  test('without JavaScript, the switcher is a plain link to the same page in the other language', async ({
    browser,
  }) => {
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    await page.goto(`${EN}#${LINKS.key}`)
    await page.getByRole('link', {name: 'Français', exact: true}).click()
    await expect(page).toHaveURL(FR)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Politique de confidentialité')
    await context.close()
  })
})

/**
 * Presses the switch as soon as the page's script is there to point it (the plain link it is
 * before leads to the top of the other page), with the mouse or a finger where the sticky header
 * shows it: no scrolling, and no delay but the press itself. Whether the script is there is
 * checked in the page at each frame, by what pressing the link begins with (a `pointerdown`,
 * which scrolls nothing).
 */
async function pressSwitch(page: Page, to: Language, touch: boolean) {
  const pointed = await page.waitForFunction(
    (name) => {
      const link = [...document.querySelectorAll('.language-switcher a')].find(
        (element) => element.textContent === name,
      )
      if (!link) return false
      link.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}))
      if (!link.getAttribute('href')?.includes('#')) return false
      const box = link.getBoundingClientRect()
      return {x: box.x + box.width / 2, y: box.y + box.height / 2}
    },
    LANGUAGE_NAME[to],
    {polling: 'raf'},
  )
  const {x, y} = (await pointed.jsonValue()) as {x: number; y: number}
  await (touch ? page.touchscreen.tap(x, y) : page.mouse.click(x, y))
}

test.describe('a reader who switches at any moment after arriving stays on the section', () => {
  const EN = '/en/privacy-policy'
  const FR = '/fr/politique-de-confidentialite'
  // 0 ms: as soon as the page's script can point the link; then while the page is still on its
  // way to the section (it scrolls smoothly for about a second), and long after.
  const DELAYS = [0, 100, 300, 1_000, 3_000]

  /**
   * Ways in: each takes the reader to LINKS, near the end of the English page, and returns as
   * they arrive: as the page starts coming (an address), or as they follow the link.
   */
  const WAYS_IN: Record<string, (page: Page, touch: boolean) => Promise<void>> = {
    'by the section’s address': async (page) => {
      await page.goto(`${EN}#${LINKS.key}`, {waitUntil: 'commit'})
    },
    'by the heading’s address, as shared in an e-mail': async (page) => {
      await page.goto(`${EN}#${LINKS.key}-title`, {waitUntil: 'commit'})
    },
    'by the table of contents': async (page, touch) => {
      await page.goto(EN)
      const entry = page
        .getByRole('navigation', {name: 'Contents'})
        .getByRole('link', {name: LINKS.title.en, exact: true})
      await (touch ? entry.tap() : entry.click())
    },
    'by the back button': async (page) => {
      await page.goto(`${EN}#${LINKS.key}`)
      await page
        .getByRole('navigation', {name: 'Main navigation'})
        .getByRole('link', {name: /history/i})
        .click()
      await expect(page).toHaveURL('/en/privacy-policy/history')
      await page.goBack({waitUntil: 'commit'})
    },
  }

  const SCREENS = [
    {name: 'at 1280×900 with the mouse', viewport: {width: 1280, height: 900}, touch: false},
    {name: 'on a 390×844 phone by touch', viewport: {width: 390, height: 844}, touch: true},
  ]

  async function open(browser: Browser, screen: (typeof SCREENS)[number]) {
    const context = await browser.newContext({
      viewport: screen.viewport,
      hasTouch: screen.touch,
      isMobile: screen.touch,
      // The smooth scrolling that used to mislead the switch.
      reducedMotion: 'no-preference',
    })
    return {context, page: await context.newPage()}
  }

  for (const screen of SCREENS) {
    for (const [wayIn, arrive] of Object.entries(WAYS_IN)) {
      test(`${screen.name}, ${wayIn}`, async ({browser}) => {
        test.setTimeout(120_000)
        const {context, page} = await open(browser, screen)
        for (const delay of DELAYS) {
          await test.step(`switching ${delay} ms after arriving`, async () => {
            await arrive(page, screen.touch)
            if (delay > 0) await page.waitForTimeout(delay)
            await pressSwitch(page, 'fr', screen.touch)
            await expectReading(page, FR, LINKS.key, LINKS.title.fr)
          })
        }
        await context.close()
      })
    }
  }

  test('with prefers-reduced-motion: reduce, nothing scrolls smoothly', async ({browser}) => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await browser.newContext({reducedMotion})
      const page = await context.newPage()
      await page.goto(EN)
      // Following a link of the contents: where the page is as soon as the link is followed.
      const scrolled = await page.evaluate((key) => {
        document.querySelector<HTMLAnchorElement>(`.toc a[href="#${key}"]`)!.click()
        return {
          behavior: getComputedStyle(document.documentElement).scrollBehavior,
          top: document.getElementById(`${key}-title`)!.getBoundingClientRect().top,
          headerBottom: document.querySelector('header')!.getBoundingClientRect().bottom,
        }
      }, LINKS.key)
      if (reducedMotion === 'reduce') {
        expect(scrolled.behavior).toBe('auto')
        // Already there: the heading just below the header, not on its way up the window.
        expect(scrolled.top).toBeGreaterThanOrEqual(scrolled.headerBottom)
        expect(scrolled.top).toBeLessThan(scrolled.headerBottom + 100)
      } else {
        // The control: otherwise the page sets off smoothly, the heading still far below.
        expect(scrolled.behavior).toBe('smooth')
        expect(scrolled.top).toBeGreaterThan(scrolled.headerBottom + 100)
      }
      await context.close()
    }
  })
})

test.describe('the header on a 360 px phone', () => {
  for (const [address, language] of [
    ['/en/privacy-policy', 'fr'],
    ['/fr/politique-de-confidentialite', 'en'],
  ] as const) {
    test(`on ${address}, it is one line at most 56 px tall, the language link at the thumb, and a section’s address lands below it`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        viewport: {width: 360, height: 740},
        hasTouch: true,
        isMobile: true,
      })
      const page = await context.newPage()
      await page.goto(`${address}#${TRANSMISSION.key}`)
      const header = page.locator('header.site-header')
      const headerBox = (await header.boundingBox())!
      expect(headerBox.height).toBeLessThanOrEqual(56)

      const links = header.getByRole('link')
      // The skip link waits above the screen until focused.
      const boxes = await Promise.all((await links.all()).map((link) => link.boundingBox()))
      const shown = boxes.filter((box) => box !== null && box.width > 0 && box.y >= 0)
      expect(shown.length).toBe(3)
      for (const box of shown) {
        // One line: every link within the header's height and the screen's width.
        expect(box!.y).toBeGreaterThanOrEqual(headerBox.y)
        expect(box!.y + box!.height).toBeLessThanOrEqual(headerBox.y + headerBox.height + 1)
        expect(box!.x + box!.width).toBeLessThanOrEqual(360)
      }
      const switchBox = (await page
        .getByRole('link', {name: LANGUAGE_NAME[language], exact: true})
        .boundingBox())!
      // At the right end, under the right thumb, and a target a finger can hit.
      expect(switchBox.x).toBeGreaterThan(360 / 2)
      expect(switchBox.height).toBeGreaterThanOrEqual(40)

      // The offset for in-page addresses is the header's real height.
      await expect
        .poll(() =>
          page.evaluate(() =>
            getComputedStyle(document.documentElement).getPropertyValue('--site-header-height'),
          ),
        )
        .toBe(`${Math.ceil(headerBox.height)}px`)
      const title = TRANSMISSION.title[language === 'fr' ? 'en' : 'fr']
      await expectReading(page, address, TRANSMISSION.key, title)
      await context.close()
    })
  }
})
