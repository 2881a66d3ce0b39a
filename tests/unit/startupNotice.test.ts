import {describe, expect, it} from 'vitest'
import {realProjectStudioLines, studioStartupLines} from '../../sanity/studio/startupNotice'

const editorToken = `sk${'e'.repeat(62)}`
const reviewerToken = `sk${'r'.repeat(62)}`

const lines = studioStartupLines({
  siteOrigin: 'http://localhost:3000',
  lakeHttpsPort: 3334,
  dataDir: '/home/camille/politique/.data/lake',
  certificateFile: '/home/camille/politique/.data/lake/tls/localhost.pem',
  users: [
    {name: 'Camille Tremblay', role: 'editor', title: 'Editor', token: editorToken},
    {
      name: 'Me Sophie Gagnon',
      role: 'legal-reviewer',
      title: 'Legal reviewer',
      token: reviewerToken,
    },
  ],
})
const text = lines.join('\n')

describe('what npm start says about the Studio', () => {
  it('says it in French, then in English', () => {
    expect(lines.slice(0, 2)).toEqual([
      'Studio (pour modifier la politique) : http://localhost:3000/studio',
      'Studio (to edit the policy): http://localhost:3000/studio',
    ])
    expect(text).toContain('La première fois dans un navigateur :')
    expect(text).toContain('The first time in a browser:')
    expect(text.indexOf('Faites confiance au certificat')).toBeLessThan(
      text.indexOf('Trust the local content server’s certificate'),
    )
    expect(text).toMatch(/Gardez ces adresses pour vous[\s\S]*Keep these addresses private/)
  })

  it('gives each person’s login address once, named in both languages', () => {
    const editorLines = lines.filter((line) => line.includes(editorToken))
    const reviewerLines = lines.filter((line) => line.includes(reviewerToken))
    expect(editorLines).toEqual([
      expect.stringMatching(
        /^ +Camille Tremblay, rédaction \/ editor: +http:\/\/localhost:3000\/studio#token=sk/,
      ),
    ])
    expect(reviewerLines).toEqual([
      expect.stringMatching(/^ +Me Sophie Gagnon, révision juridique \/ legal reviewer: +http/),
    ])
    // The addresses line up, so that each can be copied at a glance.
    expect(editorLines[0]?.indexOf('http')).toBe(reviewerLines[0]?.indexOf('http'))
  })

  it('keeps to the width of a terminal, breaking lines between words and never inside an address', () => {
    const wide = lines.filter((line) => line.length > 100)
    expect(wide.every((line) => line.includes('#token='))).toBe(true)
    expect(text).toContain('https://local.localhost:3334/')
    expect(text).toContain('/home/camille/politique/.data/lake/tls/localhost.pem')
    expect(text).toContain('/home/camille/politique/.data/lake/users.json')
  })

  it('with a real project, says in both languages to log in with a Sanity account', () => {
    expect(realProjectStudioLines('https://politique.example.org')).toEqual([
      'Studio : https://politique.example.org/studio (connectez-vous avec votre compte Sanity)',
      'Studio: https://politique.example.org/studio (log in with your Sanity account)',
    ])
  })
})
