/**
 * The versioning workflow's words in English: the Prepare, Approve and Publish dialogs, the
 * comparison, statuses, badges and the version's fields. The keys here are the list French must
 * match (fr-FR.ts). Refusals are added from lib/policy/refusals.ts (index.ts).
 */
export const versioningEnUS = {
  'language.fr': 'French',
  'language.en': 'English',

  'status.candidate': 'Candidate, awaiting legal approval',
  'status.approved': 'Approved, ready to publish',
  'status.published': 'Published',

  'badge.candidate': 'Candidate',
  'badge.candidate.title': 'Awaiting approval by a legal reviewer',
  'badge.approved': 'Approved',
  'badge.approved.title': 'Approved by a legal reviewer, ready to publish',
  'badge.published': 'Published',
  'badge.published.title': 'Part of the public record: it can no longer change',
  'badge.upcoming': 'Upcoming',
  'badge.upcoming.title': 'Comes into force on {{date}}',
  'badge.stale': 'Out of date',
  'badge.stale.title':
    'The policy changed after this candidate was prepared ({{sections}}): it does not hold those changes',

  'preview.candidate': 'Candidate for version {{number}}',
  'preview.version': 'Version {{number}}',
  'preview.inForceFrom': 'in force from {{date}}',
  'preview.upcoming': 'upcoming, in force from {{date}}',
  'preview.proposedFor': 'proposed for {{date}}',
  'preview.stale': 'out of date: {{sections}}',
  'preview.neverInForce': 'replaced before it came into force',
  'preview.wasInForce': 'was in force from {{from}} to {{to}}',
  'turn.review': 'to review',
  'turn.publish': 'approved, to publish',
  'turn.prepare-again': 'out of date, to prepare again or withdraw',

  'structure.versions': 'Versions',
  'structure.versions.list': 'Versions, newest first',
  'structure.awaitingReview': 'Awaiting legal review',
  'structure.yourTurn_zero': 'Your turn: nothing awaits you',
  'structure.yourTurn_one': 'Your turn: 1 version awaits you',
  'structure.yourTurn_other': 'Your turn: {{count}} versions await you',
  'structure.yourTurn.list': 'What awaits you',

  'workflow.last.prepared': 'Prepared by {{name}}, {{when}}.',
  'workflow.last.approved': 'Approved by {{name}}, {{when}}.',
  'workflow.last.published': 'Published by {{name}}, {{when}}.',
  'workflow.next.review':
    'Next: a legal reviewer who neither prepared it nor wrote its changes compares it with the published version and approves it.',
  'workflow.next.publish': 'Next: an editor publishes it; readers see it from its effective date.',
  'workflow.stale':
    'The policy changed after this candidate was prepared ({{sections}}): it does not hold those edits.',
  'workflow.yours.review': 'Your turn: compare it with the published version, then approve it.',
  'workflow.yours.publish': 'Your turn: publish it.',
  'workflow.yours.prepare-again':
    'Your turn: prepare it again from the policy as it is now, or withdraw it.',
  'workflow.cannot.approve': 'You cannot approve it: {{reason}}',
  'workflow.cannot.publish': 'You cannot publish it: {{reason}}',

  'nextVersion.action': 'Prepare version {{number}}',
  'nextVersion.action.changes': 'Prepare version {{number}} ({{changes}})',
  'nextVersion.action.title':
    'Since version {{since}}: {{details}}. Edits not published yet are left out.',
  'nextVersion.action.unchanged':
    'Nothing to prepare: the published policy and sections are the same as version {{since}}. Publish your edits first.',
  'changes.sections_one': '{{count}} section changed',
  'changes.sections_other': '{{count}} sections changed',
  'changes.frontMatter': 'title or introduction changed',
  'changes.order': 'sections reordered',
  'changes.section.modified': '“{{title}}” changed',
  'changes.section.added': '“{{title}}” added',
  'changes.section.removed': '“{{title}}” taken out',
  'sectionChange.modified': 'Changed since version {{number}}',
  'sectionChange.added': 'New since version {{number}}',
  'sectionChange.removed': 'Taken out of the policy since version {{number}}',
  'badge.section.modified': 'Changed',
  'badge.section.added': 'New',
  'badge.section.removed': 'Taken out',

  'prepare.action': 'Prepare a new version',
  'prepare.intro':
    'A candidate for version {{number}} freezes the policy and its sections as they are published now, with the summary of changes and the effective date you propose. A legal reviewer then compares it with version {{last}} and approves all of it before it can be published.',
  'prepare.intro.first':
    'A candidate for version {{number}} freezes the policy and its sections as they are published now, with the summary of changes and the effective date you propose. A legal reviewer then approves all of it before it can be published.',
  'prepare.errors.title': 'Fix these first: no candidate can be prepared until then',
  'prepare.warnings.title': 'Worth a look before you continue',
  'prepare.drafts.title': 'Unpublished changes will not be included',
  'prepare.drafts.policy':
    'The policy itself (its title, introduction or list of sections) has unpublished changes.',
  'prepare.drafts.section': 'Section “{{title}}” has unpublished changes.',
  'prepare.replaces.title': 'Only one candidate at a time',
  'prepare.replaces.approved':
    'This replaces the candidate prepared by {{preparer}}, which {{approver}} approved: that approval will no longer count.',
  'prepare.replaces.pending':
    'This replaces the candidate prepared by {{preparer}}, still awaiting approval.',
  'prepare.proposal.title': 'What readers will be told',
  'prepare.proposal.help':
    'The legal reviewer approves these with the text. You may still change them until she does.',
  'prepare.date.label': 'Proposed effective date (Québec time; today or later)',
  'prepare.summary.label.fr': 'Summary of changes in French (shown in the French history)',
  'prepare.summary.label.en': 'Summary of changes in English (shown in the English history)',
  'prepare.cancel': 'Cancel',
  'prepare.submit': 'Prepare candidate for version {{number}}',
  'prepare.loading': 'Checking the published sections…',
  'prepare.saving': 'Preparing…',
  'prepare.done':
    'The candidate for version {{number}} is ready. A legal reviewer finds it under “Awaiting legal review”, compares it with the published version and approves it.',
  'prepare.close': 'Close',
  'prepare.open': 'Open the candidate',
  'prepare.failed': 'The candidate could not be prepared: {{message}}',
  'prepare.noPolicy': 'Publish the policy once before preparing a version.',
  'prepare.nobody': 'someone',

  'section.titleLanguage': 'en',
  'section.titled': 'Section “{{title}}” ({{place}})',
  'section.titledOnly': 'Section “{{title}}”',
  'section.key': 'Section #{{key}}',
  'section.position': 'Section {{position}}',
  'section.place.position': 'section {{position}}',
  'section.unknown': 'A section',
  'section.introduction': 'The introduction',
  'since.version': 'since version {{number}}',
  'since.last': 'since the last version',

  'issue.policy-title-missing':
    'The policy has no {{language}} title. Add it to the policy and publish the policy.',
  'issue.organisation-name-missing':
    'The policy does not name the organisation. Add it to the policy and publish the policy.',
  'issue.introduction-missing':
    'The introduction has no {{language}} text, although the other language has one. Translate it or empty both.',
  'issue.no-sections': 'The policy lists no section. Add at least one section to the policy.',
  'issue.section-not-found':
    'The policy lists a section that has never been published ({{id}}). Publish that section, or remove it from the policy’s sections.',
  'issue.section-key-missing':
    '{{section}} has no stable key. Open it and use “Generate” next to its key.',
  'issue.duplicate-key':
    'Sections {{positions}} share the key “{{key}}”. Each section needs a key of its own.',
  'issue.title-missing': '{{section}} has no {{language}} title.',
  'issue.body-missing': '{{section}} has no {{language}} text.',
  'issue.unsafe-link':
    '{{section}}, {{language}} text: the link on “{{text}}” goes to “{{href}}”, which is not a safe address ({{reason}}). Correct or remove the link.',
  'issue.unsafe.scheme':
    'browsers could run it as a script or open a file, so it is never shown as a link',
  'issue.unsafe.credentials':
    'it carries a user name or password, a way to make a link look as if it went elsewhere',
  'issue.unsafe.missing-scheme':
    'it lacks its https:// or mailto:, so readers would get a broken link to a page of this site',
  'issue.unsafe.malformed': 'it is empty, unreadable or holds invisible characters',
  'issue.translation-drift':
    '{{section}}: the {{changed}} text changed {{since}}, the {{unchanged}} text did not. Check that the {{unchanged}} version says the same.',
  'issue.no-changes': 'Nothing changed {{since}}: this candidate would be identical to it.',

  'signoff.checking': 'Checking with the site whether you may do this…',
  'signoff.signIn': 'Sign in to the Studio first.',
  'signoff.unreachable': 'The site could not be reached: {{message}}. Try again in a moment.',

  'approve.label': 'Approve',
  'approve.busy': 'Approving…',
  'approve.dialog.title': 'Approve version {{number}}',
  'approve.dialog.intro':
    'You approve all of the following, exactly as it is now and as shown under “Compare with published”:',
  'approve.dialog.sections':
    'The text: {{changed}} section(s) changed, {{added}} added, {{removed}} removed, {{moved}} moved, and the title or introduction {{frontMatter}}.',
  'approve.dialog.frontMatter.changed': 'changed',
  'approve.dialog.frontMatter.same': 'unchanged',
  'approve.dialog.links': 'Links to other sites: {{added}} added, {{removed}} removed.',
  'approve.dialog.date': 'Effective date: {{date}}.',
  'approve.dialog.date.upcoming': 'Effective date: {{date}} (upcoming).',
  'approve.dialog.summary': 'Summary of changes in {{language}}: “{{text}}”',
  'approve.dialog.signed':
    'The site records your approval and signs it. If anything in it changes afterwards, your approval no longer counts.',
  'approve.dialog.stale':
    'The policy changed after this candidate was prepared ({{sections}}): those changes are not part of what you approve.',
  'approve.dialog.drift': 'Translation warnings',
  'approve.confirm': 'Approve all of this',
  'approve.cancel': 'Not yet',
  'approve.done.title': 'Approved',
  'approve.done.description': 'The editor can now publish this version.',
  'approve.failed.title': 'The version was not approved',

  'publish.label': 'Publish version {{number}}',
  'publish.busy': 'Publishing…',
  'publish.dialog.title': 'Publish version {{number}}',
  'publish.dialog.intro':
    'Once published, version {{number}} can no longer be changed. Readers see it from {{date}}, with the summary of changes {{approver}} approved. Publishing adds only the number, the time and your name.',
  'publish.stale.title': 'The policy changed after this candidate was prepared',
  'publish.stale.body':
    'It does not hold these newer edits: {{sections}}. Prepare a new candidate from the policy to include them, or publish this one and let them wait for the next version.',
  'publish.stale.acknowledge': 'Publish without them: the newer edits wait for the next version',
  'publish.stale.prepareAgain': 'Go to the policy to prepare again',
  'publish.confirm': 'Publish version {{number}}',
  'publish.cancel': 'Cancel',
  'publish.done.title': 'Version {{number}} is published',
  'publish.done.description': 'Readers see it from {{date}}.',
  'publish.failed.title': 'The version was not published',

  'withdraw.label': 'Withdraw candidate',

  'compare.tab': 'Compare with published',
  'compare.formTab': 'Version',
  'compare.subject.candidate': 'this candidate',
  'compare.subject.version': 'version {{number}}',
  'compare.heading': 'Changes from version {{from}} to {{subject}}',
  'compare.heading.first': 'Everything in {{subject}} (no version was published before)',
  'compare.summary':
    'Sections: {{modified}} changed · {{added}} added · {{removed}} removed · {{moved}} moved · {{unchanged}} unchanged.',
  'compare.identical': 'No difference at all.',
  'compare.status.added': 'Added',
  'compare.status.removed': 'Removed',
  'compare.status.modified': 'Changed',
  'compare.status.moved': 'Moved: same text in both languages',
  'compare.status.unchanged': 'Unchanged: same text in both languages',
  'compare.movedFrom': 'Moved from position {{from}} to {{to}}.',
  'compare.noChangeIn': 'No change in {{language}}.',
  'compare.frontMatter': 'Title and introduction',
  'compare.links': 'Links to other sites',
  'compare.link.new': 'New: {{host}} (“{{text}}”, {{language}})',
  'compare.link.gone': 'Gone: {{host}} (“{{text}}”, {{language}})',
  'compare.proposal': 'What readers will be told',
  'compare.proposal.missing': 'not written yet',
  'compare.fingerprint.pending':
    'Not fingerprinted yet: when a legal reviewer approves, the site fingerprints the text, the summary of changes, the date and the links to other sites together, and signs.',
  'compare.fingerprint.approved':
    'Approved by {{name}} on {{date}} for exactly this record (fingerprint {{short}}…).',
  'compare.fingerprint.published':
    'Published record, fingerprint {{short}}…, approved by {{name}} on {{date}}.',
  'compare.fingerprint.changed':
    'This version changed after it was approved: the approval no longer covers it.',
  'compare.stale':
    'The policy changed after this candidate was prepared ({{sections}}): the candidate does not hold those changes.',
  'compare.loadFailed': 'The published version could not be read: {{message}}',
  'compare.noSections': 'This version holds no sections to compare.',
  'compare.comparing': 'Comparing…',
  'compare.drift': 'Translation warnings',

  'redline.was': '(was {{format}})',
  'format.normal': 'a paragraph',
  'format.h3': 'a sub-heading',
  'format.h4': 'a minor heading',
  'format.bullet': 'a bulleted list item',
  'format.number': 'a numbered list item',
  'redline.link.retargeted': 'The link on “{{text}}” now goes to {{after}} (was {{before}}).',
  'redline.link.added': 'New link on “{{text}}” to {{href}}.',
  'redline.link.removed': 'Link removed from “{{text}}” (went to {{href}}).',

  'schema.record': 'Signed record',
  'schema.record.description':
    'What the site signed, for anyone who checks it: identifiers, fingerprints, keys and signatures. Nothing here can change.',
  'schema.fingerprint.copy': 'Copy the fingerprint',
  'schema.fingerprint.copied': 'Fingerprint copied',
  'schema.actor.type': 'Person',
  'schema.actor.userId': 'User id',
  'schema.actor.name': 'Name',
  'schema.actor.at': 'When',
  'schema.approval.type': 'Approval',
  'schema.approval.userId': 'Reviewer’s user id',
  'schema.approval.name': 'Reviewer',
  'schema.approval.at': 'Approved at',
  'schema.approval.fingerprint': 'Fingerprint approved',
  'schema.signature.keyId': 'Signing key',
  'schema.signature.signature': 'Signature',
  'schema.publication.type': 'Publication',
  'schema.publication.userId': 'Publisher’s user id',
  'schema.publication.name': 'Published by',
  'schema.publication.at': 'Published at',
  'schema.publication.staleAcknowledged': 'Published knowing newer edits wait for the next version',
  'schema.linkAudit.siteHosts': 'The site’s own hosts',
  'schema.linkAudit.links': 'Links',
  'schema.linkAudit.pending': 'The site lists them when the version is approved.',
  'schema.linkAudit.none': 'No link leaves the site.',
  'schema.linkAudit.link': '“{{text}}” goes to {{host}} ({{where}}, {{language}})',
  'schema.linkAudit.introduction': 'introduction',
  'schema.outboundLink.type': 'Link to another site',
  'schema.outboundLink.host': 'Site',
  'schema.outboundLink.url': 'Address',
  'schema.outboundLink.text': 'Linked words',
  'schema.outboundLink.sectionKey': 'Section',
  'schema.outboundLink.sectionKey.description':
    'The section’s stable key; empty for a link in the introduction.',
  'schema.outboundLink.language': 'Language',
  'prepare.date.day': 'Day',
  'prepare.date.month': 'Month',
  'prepare.date.year': 'Year',
  'prepare.date.spelled': 'In force from {{date}}, at midnight, Québec time.',
  'prepare.date.past': '{{date}} has passed: choose today or a later day.',
  'schema.type': 'Policy version',
  'schema.status': 'Status',
  'schema.number': 'Version number',
  'schema.number.description':
    'The number it is published as: one more than the latest published version.',
  'schema.effectiveDate': 'Effective date',
  'schema.effectiveDate.description':
    'Proposed when the candidate is prepared; the editor may change it until a legal reviewer approves. A future date is shown as upcoming until then.',
  'schema.publishedAt': 'Published at',
  'schema.changeSummary': 'Summary of changes',
  'schema.changeSummary.description':
    'What changed for readers, in both languages, shown in the public history. Written when the candidate is prepared; the editor may change it until a legal reviewer approves.',
  'schema.title': 'Title',
  'schema.organisationName': 'Organisation name',
  'schema.introduction': 'Introduction',
  'schema.sections': 'Sections as they were',
  'schema.fingerprint': 'Fingerprint (SHA-256)',
  'schema.fingerprint.description':
    'Of everything readers get of this version: its text in both languages, title, organisation, effective date, summary of changes, links to other sites and the previous version’s fingerprint.',
  'schema.previousFingerprint': 'Fingerprint of the previous version',
  'schema.linkAudit': 'Links to other sites',
  'schema.linkAudit.description':
    'Every link leaving the site, computed by the site from the text when it was approved.',
  'schema.preparedBy': 'Prepared by',
  'schema.approval': 'Legal approval',
  'schema.publication': 'Publication',
  'schema.checklistCoverage': 'Privacy-law checklist',
  'schema.checklistCoverage.description':
    'Which items of the checklist the sections covered when the version was prepared, as legal approved it. Part of the fingerprint.',
}

export type VersioningTextKey = keyof typeof versioningEnUS
