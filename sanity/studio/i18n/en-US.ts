/**
 * The Studio's own words in English: desk, schema, preview, navbar, login and local-server
 * notices. The keys here are the list every other language must match (fr-FR.ts). `{{name}}`
 * inserts a value; `<Code>…</Code>`, `<Em>…</Em>` and `<Link>…</Link>` mark up words.
 */
export const studioEnUS = {
  'workspace.title': 'Privacy policy',
  'tool.structure.title': 'Policy',
  'tool.presentation.title': 'Preview',

  'language.label': 'Studio language',
  'language.fr-FR': 'Français',
  'language.en-US': 'English',

  'structure.root.title': 'Privacy policy',
  'structure.policy.title': 'Policy',
  'structure.sections.title': 'Sections',
  'structure.sections.list-title': 'Sections, in policy order',
  'structure.sections.not-in-policy': 'Not in the policy yet',
  'structure.sections.new': 'New section',

  'schema.language.fr': 'French',
  'schema.language.en': 'English',
  'schema.locale-string.title': 'Text in both languages',
  'schema.locale-string.fr.required': 'Write the French text: the French version is required.',
  'schema.locale-string.en.required': 'Write the English text: the English version is required.',
  'schema.locale-text.title': 'Paragraph in both languages',
  'schema.locale-rich-text.title': 'Rich text in both languages',
  'schema.locale-rich-text.fr.required': 'The French text cannot be empty.',
  'schema.locale-rich-text.en.required': 'The English text cannot be empty.',

  'schema.policy.title': 'Privacy policy',
  'schema.policy.field.title': 'Title',
  'schema.policy.field.title.required': 'Give the policy a title in French and in English.',
  'schema.policy.field.organisation-name': 'Organisation name',
  'schema.policy.field.organisation-name.description':
    'As the organisation writes it, e.g. “groupe (e)space”.',
  'schema.policy.field.organisation-name.required': 'Name the organisation the policy belongs to.',
  'schema.policy.field.introduction': 'Introduction',
  'schema.policy.field.introduction.description':
    'Shown above the table of contents, which is generated from the sections.',
  'schema.policy.field.sections': 'Sections, in order',
  'schema.policy.field.sections.required':
    'The policy needs at least one section, each listed once.',

  'schema.section.title': 'Policy section',
  'schema.section.untitled': 'Untitled section',
  'schema.section.field.title': 'Title',
  'schema.section.field.title.required': 'Give the section a title in French and in English.',
  'schema.section.field.key': 'Stable key',
  'schema.section.field.key.description':
    'Identifies this section in every version and language, and is its anchor on the site (#key). Do not change it once a version has been published.',
  'schema.section.field.key.required':
    'The section needs a stable key (use “Generate” to make one from the English title).',
  'schema.section.field.body': 'Text',
  'schema.section.field.body.required': 'The section text cannot be empty in either language.',
  'schema.section-snapshot.title': 'Section as published',

  'schema.rich-text.title': 'Rich text',
  'schema.rich-text.style.normal': 'Paragraph',
  'schema.rich-text.style.h3': 'Sub-heading',
  'schema.rich-text.style.h4': 'Minor heading',
  'schema.rich-text.list.bullet': 'Bulleted list',
  'schema.rich-text.list.number': 'Numbered list',
  'schema.rich-text.decorator.strong': 'Strong',
  'schema.rich-text.decorator.em': 'Emphasis',
  'schema.rich-text.link.title': 'Link',
  'schema.rich-text.link.field.href': 'Address',
  'schema.rich-text.link.field.href.description':
    'A web address (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a part of this page (#…). Links to other sites are flagged for readers automatically.',
  'schema.rich-text.link.field.href.required': 'Give the link an address.',

  'links.problem.scheme':
    'This address could run a script or open something other than a page, so it will never be shown as a link. Use a web address (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a part of this page (#…).',
  'links.problem.credentials':
    'This address hides a user name or password before the site’s name (“…@”), a trick that makes a link look as if it went somewhere else. Remove that part.',
  'links.problem.malformed':
    'This address is empty, cannot be read as an address, or contains invisible characters. Type it again.',
  'links.problem.missing-https':
    'This address lacks “https://” at the start: as written, it would lead to a page of this site that does not exist. Write {{fix}} (for a page of this site, start with “/”).',
  'links.problem.missing-mailto':
    'This e-mail address lacks “mailto:” at the start: as written, it would lead to a page of this site that does not exist. Write {{fix}}',
  'links.problem.insecure':
    'This address is not secure (http://). If {{host}} offers https://, use that instead.',
  'links.notice.outbound':
    'Goes to another site ({{host}}): opens in a new window, flagged to readers as another site.',
  'links.fix.use': 'Use {{fix}}',

  'presentation.location': '{{title}} ({{language}})',
  'presentation.location.untitled': 'Untitled',
  'presentation.section.not-saved': 'Not saved yet.',
  'presentation.section.not-in-policy':
    'Not in the policy yet: add it to the policy’s sections to see it on the site.',
  'presentation.version.published': 'Version {{number}}',
  'presentation.version.approved': 'Approved version',
  'presentation.version.candidate': 'Candidate version',
  'presentation.version.preview-only': 'Shown to editors in preview only, until it is published.',

  'role.editor': 'Editor',
  'role.legal-reviewer': 'Legal reviewer',

  'local-lake.strip.title': 'Local content server',
  'local-lake.strip.signed-in': 'Signed in as {{name}}',
  'local-lake.strip.signed-in-with-roles': 'Signed in as {{name}}, {{roles}}',
  'local-lake.strip.switch-person': 'Log in as someone else',

  'local-lake.notice.title': 'First, trust the local content server',
  'local-lake.notice.why':
    'The Studio edits the policy kept on this computer by a local content server. That server uses a certificate made on this computer, which your browser does not trust yet, so the Studio cannot reach it. Once per browser:',
  'local-lake.notice.step-open': 'Open <Link>{{address}}</Link> in a new tab.',
  'local-lake.notice.step-accept':
    'The browser warns that the connection is not private: choose <Em>Advanced</Em>, then <Em>Proceed</Em> (Chrome, Edge) or <Em>Accept the Risk and Continue</Em> (Firefox).',
  'local-lake.notice.step-return':
    'Come back to this tab and press “Check again”: the Studio reloads.',
  'local-lake.notice.still-stuck':
    'Still stuck? Make sure <Code>npm start</Code> is still running in its terminal.',
  'local-lake.notice.check-again': 'Check again',
  'local-lake.notice.checking': 'Checking…',
  'local-lake.notice.hide': 'Hide',

  'login.provider': 'Log in with a local access token',
  'login.document-title': 'Log in · Studio · Privacy policy',
  'login.heading': 'Log in to the Studio',
  'login.intro':
    'This Studio edits the policy kept on this computer by a local content server. There are no passwords: the editor and the legal reviewer each have an access token, made by the server the first time it started.',
  'login.step-find':
    'Find your token. It is printed in the terminal where <Code>npm start</Code> runs, and kept in <Code>users.json</Code> in the server’s data folder (<Code>.data/lake</Code> unless <Code>LAKE_DATA_DIR</Code> says otherwise).',
  'login.step-paste': 'Paste it below. This browser remembers it until you log out of the Studio.',
  'login.first-time':
    'First time in this browser? It must trust the server’s certificate, made on this computer: open <Link>{{address}}</Link> and accept the warning (<Em>Advanced</Em>, then <Em>Proceed</Em>).',
  'login.token-label': 'Access token',
  'login.submit': 'Log in',
  'login.checking': 'Checking…',
  'login.error.malformed':
    'That is not an access token: a token is one long word of letters and digits starting with “sk”. Copy it whole.',
  'login.error.unknown-token':
    'The local content server does not know this token. Copy it again from the terminal where npm start runs, or from users.json in its data folder.',
  'login.error.unreachable':
    'This browser cannot reach the local content server. Open <Link>{{address}}</Link> once, accept the certificate warning, then try again.',

  'startup.studio': 'Studio (to edit the policy): {{address}}',
  'startup.first-time': 'The first time in a browser:',
  'startup.trust':
    '1. Trust the local content server’s certificate (made on this computer): open {{address}} and accept the warning (Advanced, then Proceed).',
  'startup.trust-file': 'Or trust {{file}} on this computer.',
  'startup.log-in': '2. Log in by opening your own address, listed below.',
  'startup.keep-private':
    'Keep these addresses private: they log anyone in. The tokens are kept in {{file}}.',
  'startup.real-project': 'Studio: {{address}} (log in with your Sanity account)',
  'schema.section.field.covers': 'Checklist items it covers',
  'schema.section.field.covers.description':
    'Tick what this section tells readers, among the items of the checklist the policy follows: preparing a version shows which items no section covers.',
  'schema.policy.field.checklist': 'Privacy-law checklist',
  'schema.policy.field.checklist.description':
    'What the law expects the policy to say, for the Act that applies to the organisation. An aid for editors and legal reviewers, not legal advice.',
  'schema.checklist.title': 'Privacy-law checklist',
  'schema.checklist.description':
    'An aid, not legal advice: the product ships one for each Québec Act; edit it, or write your own if your organisation is outside Québec.',
  'schema.checklist.field.title': 'Title',
  'schema.checklist.field.act': 'Act',
  'schema.checklist.field.act.required': 'Say which Act this checklist follows.',
  'schema.checklist.act.public-bodies':
    'Act respecting access to documents held by public bodies and the protection of personal information',
  'schema.checklist.act.private-sector':
    'Act respecting the protection of personal information in the private sector',
  'schema.checklist.act.other': 'Another law',
  'schema.checklist.field.items': 'Items',
  'schema.checklist.field.items.unique':
    'Two items have the same key: sections name items by key, so each needs its own.',
  'schema.checklist-item.title': 'Checklist item',
  'schema.checklist-item.field.key': 'Key',
  'schema.checklist-item.field.key.description':
    'Sections name the item by this key: keep it when you reword the item.',
  'schema.checklist-item.field.key.invalid':
    'Use lowercase letters, digits and hyphens only, e.g. person-in-charge.',
  'schema.checklist-item.field.label': 'What the policy must say',
  'schema.checklist-item.field.reference': 'Legal reference',
  'schema.checklist-item.field.reference.description': 'The article it comes from, e.g. s. 63.4.',
  'schema.checklist-item.field.guidance': 'Guidance for editors',
  'schema.checklist-item.field.provided-by-site': 'Given by the site itself',
  'schema.checklist-item.field.provided-by-site.description':
    'Covered whatever the sections say, because every page of the site gives it (the date of the last update, for instance).',
  'schema.checklist-coverage.title': 'Privacy-law checklist',
  'schema.checklist-coverage.field.sections': 'Sections that cover it',
  'schema.checklist-coverage.field.covered': 'Covered',
  'checklist.coverage.title': 'Checklist: {{checklist}}',
  'checklist.coverage.aid':
    'An aid for editors and legal reviewers, not legal advice. The organisation may edit or replace the checklist (Checklists, in the desk).',
  'checklist.coverage.missing': 'Items no section covers: {{count}}',
  'checklist.coverage.item-reference': '{{label}} ({{reference}})',
  'checklist.coverage.complete': 'Every item of the checklist is covered.',
  'checklist.coverage.covered-by': '{{label}}: {{sections}}',
  'checklist.coverage.by-site': 'given by the site (every page shows it)',
  'checklist.covers.no-checklist':
    'The policy follows no checklist yet: choose one on the policy (Privacy-law checklist) to tag sections.',
  'checklist.covers.unknown': '“{{tag}}”, which the policy’s checklist no longer has',
  'structure.checklists.title': 'Checklists',
} as const

export type StudioTextKey = keyof typeof studioEnUS
