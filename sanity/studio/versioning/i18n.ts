import {defineLocaleResourceBundle} from 'sanity'
import {REFUSAL_MESSAGES} from '../../../lib/policy/refusals'
import type {Language} from '../../../lib/policy/types'

/**
 * Every word the versioning workflow shows in the Studio, in the Studio's languages (its French
 * is Québec's: « renseignements personnels », « version en vigueur »). Refusals come from
 * lib/policy/refusals.ts, the texts the site and the lake send too, so they are said alike.
 */
export const VERSIONING_NAMESPACE = 'policy-versioning'

type Resources = Record<string, string>

function refusals(language: Language): Resources {
  return Object.fromEntries(
    Object.entries(REFUSAL_MESSAGES[language]).map(([code, text]) => [`refusal.${code}`, text]),
  )
}

const en: Resources = {
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

  'structure.versions': 'Versions',
  'structure.versions.list': 'Versions, newest first',
  'structure.awaitingReview': 'Awaiting legal review',

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
  'compare.proposal.upcoming': 'upcoming',
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
}

const fr: Resources = {
  'language.fr': 'français',
  'language.en': 'anglais',

  'status.candidate': 'Version candidate, en attente de l’approbation juridique',
  'status.approved': 'Approuvée, prête à publier',
  'status.published': 'Publiée',

  'badge.candidate': 'Candidate',
  'badge.candidate.title': 'En attente de l’approbation d’une personne réviseure juridique',
  'badge.approved': 'Approuvée',
  'badge.approved.title': 'Approuvée par une personne réviseure juridique, prête à publier',
  'badge.published': 'Publiée',
  'badge.published.title': 'Fait partie du registre public : elle ne peut plus changer',
  'badge.upcoming': 'À venir',
  'badge.upcoming.title': 'Entrera en vigueur le {{date}}',
  'badge.stale': 'Pas à jour',
  'badge.stale.title':
    'La politique a changé après la préparation de cette version candidate ({{sections}}) : elle ne contient pas ces modifications',

  'preview.candidate': 'Version candidate {{number}}',
  'preview.version': 'Version {{number}}',
  'preview.inForceFrom': 'en vigueur à compter du {{date}}',
  'preview.upcoming': 'à venir, en vigueur à compter du {{date}}',
  'preview.proposedFor': 'proposée pour le {{date}}',
  'preview.stale': 'pas à jour : {{sections}}',

  'structure.versions': 'Versions',
  'structure.versions.list': 'Versions, de la plus récente à la plus ancienne',
  'structure.awaitingReview': 'En attente de révision juridique',

  'prepare.action': 'Préparer une nouvelle version',
  'prepare.intro':
    'Une version candidate {{number}} fige la politique et ses sections telles qu’elles sont publiées maintenant, avec le résumé des modifications et la date d’entrée en vigueur que vous proposez. Une personne réviseure juridique la compare ensuite à la version {{last}} et approuve l’ensemble avant qu’elle puisse être publiée.',
  'prepare.intro.first':
    'Une version candidate {{number}} fige la politique et ses sections telles qu’elles sont publiées maintenant, avec le résumé des modifications et la date d’entrée en vigueur que vous proposez. Une personne réviseure juridique approuve ensuite l’ensemble avant qu’elle puisse être publiée.',
  'prepare.errors.title':
    'Corrigez d’abord ces points : aucune version candidate ne peut être préparée d’ici là',
  'prepare.warnings.title': 'À examiner avant de continuer',
  'prepare.drafts.title': 'Les modifications non publiées ne seront pas incluses',
  'prepare.drafts.policy':
    'La politique elle-même (son titre, son introduction ou sa liste de sections) comporte des modifications non publiées.',
  'prepare.drafts.section': 'La section « {{title}} » comporte des modifications non publiées.',
  'prepare.replaces.title': 'Une seule version candidate à la fois',
  'prepare.replaces.approved':
    'Celle-ci remplace la version candidate préparée par {{preparer}}, que {{approver}} a approuvée : cette approbation ne comptera plus.',
  'prepare.replaces.pending':
    'Celle-ci remplace la version candidate préparée par {{preparer}}, toujours en attente d’approbation.',
  'prepare.proposal.title': 'Ce qui sera annoncé aux lecteurs',
  'prepare.proposal.help':
    'La personne réviseure juridique les approuve avec le texte. Vous pouvez encore les modifier d’ici là.',
  'prepare.date.label':
    'Date d’entrée en vigueur proposée (heure du Québec; aujourd’hui ou plus tard)',
  'prepare.summary.label.fr':
    'Résumé des modifications en français (affiché dans l’historique en français)',
  'prepare.summary.label.en':
    'Résumé des modifications en anglais (affiché dans l’historique en anglais)',
  'prepare.cancel': 'Annuler',
  'prepare.submit': 'Préparer la version candidate {{number}}',
  'prepare.loading': 'Vérification des sections publiées…',
  'prepare.saving': 'Préparation…',
  'prepare.done':
    'La version candidate {{number}} est prête. Une personne réviseure juridique la trouve sous « En attente de révision juridique », la compare à la version publiée et l’approuve.',
  'prepare.close': 'Fermer',
  'prepare.open': 'Ouvrir la version candidate',
  'prepare.failed': 'La version candidate n’a pas pu être préparée : {{message}}',
  'prepare.noPolicy': 'Publiez la politique une première fois avant de préparer une version.',
  'prepare.nobody': 'quelqu’un',

  'section.titleLanguage': 'fr',
  'section.titled': 'La section « {{title}} » ({{place}})',
  'section.titledOnly': 'La section « {{title}} »',
  'section.key': 'La section #{{key}}',
  'section.position': 'La section {{position}}',
  'section.place.position': 'section {{position}}',
  'section.unknown': 'Une section',
  'section.introduction': 'L’introduction',
  'since.version': 'depuis la version {{number}}',
  'since.last': 'depuis la dernière version',

  'issue.policy-title-missing':
    'La politique n’a pas de titre en {{language}}. Ajoutez-le à la politique et publiez la politique.',
  'issue.organisation-name-missing':
    'La politique ne nomme pas l’organisation. Ajoutez son nom à la politique et publiez la politique.',
  'issue.introduction-missing':
    'L’introduction n’a pas de texte en {{language}}, alors que l’autre langue en a un. Traduisez-la ou videz les deux.',
  'issue.no-sections': 'La politique ne comporte aucune section. Ajoutez-y au moins une section.',
  'issue.section-not-found':
    'La politique énumère une section qui n’a jamais été publiée ({{id}}). Publiez cette section ou retirez-la des sections de la politique.',
  'issue.section-key-missing':
    '{{section}} n’a pas de clé stable. Ouvrez-la et utilisez « Générer » à côté de sa clé.',
  'issue.duplicate-key':
    'Les sections {{positions}} ont la même clé « {{key}} ». Chaque section doit avoir sa propre clé.',
  'issue.title-missing': '{{section}} n’a pas de titre en {{language}}.',
  'issue.body-missing': '{{section}} n’a pas de texte en {{language}}.',
  'issue.unsafe-link':
    '{{section}}, texte en {{language}} : le lien sur « {{text}} » mène à « {{href}} », qui n’est pas une adresse sûre ({{reason}}). Corrigez ou retirez le lien.',
  'issue.unsafe.scheme':
    'un navigateur pourrait l’exécuter comme un script ou ouvrir un fichier, aussi n’est-il jamais affiché comme un lien',
  'issue.unsafe.credentials':
    'il contient un nom d’utilisateur ou un mot de passe, un moyen de faire croire qu’un lien mène ailleurs',
  'issue.unsafe.malformed': 'elle est vide, illisible ou contient des caractères invisibles',
  'issue.translation-drift':
    '{{section}} : le texte en {{changed}} a changé {{since}}, mais pas celui en {{unchanged}}. Vérifiez que la version en {{unchanged}} dit la même chose.',
  'issue.no-changes': 'Rien n’a changé {{since}} : cette version candidate lui serait identique.',

  'signoff.checking': 'Vérification auprès du site de votre droit de le faire…',
  'signoff.signIn': 'Connectez-vous d’abord au Studio.',
  'signoff.unreachable': 'Le site n’a pas pu être joint : {{message}}. Réessayez dans un moment.',

  'approve.label': 'Approuver',
  'approve.busy': 'Approbation…',
  'approve.dialog.title': 'Approuver la version {{number}}',
  'approve.dialog.intro':
    'Vous approuvez tout ce qui suit, exactement tel quel et tel que présenté sous « Comparer avec la version publiée » :',
  'approve.dialog.sections':
    'Le texte : {{changed}} section(s) modifiée(s), {{added}} ajoutée(s), {{removed}} retirée(s), {{moved}} déplacée(s), et le titre ou l’introduction {{frontMatter}}.',
  'approve.dialog.frontMatter.changed': 'modifiés',
  'approve.dialog.frontMatter.same': 'inchangés',
  'approve.dialog.links': 'Liens vers d’autres sites : {{added}} ajouté(s), {{removed}} retiré(s).',
  'approve.dialog.date': 'Date d’entrée en vigueur : {{date}}.',
  'approve.dialog.summary': 'Résumé des modifications en {{language}} : « {{text}} »',
  'approve.dialog.signed':
    'Le site enregistre votre approbation et la signe. Si quoi que ce soit y change ensuite, votre approbation ne compte plus.',
  'approve.dialog.stale':
    'La politique a changé après la préparation de cette version candidate ({{sections}}) : ces modifications ne font pas partie de ce que vous approuvez.',
  'approve.dialog.drift': 'Avertissements de traduction',
  'approve.confirm': 'Approuver l’ensemble',
  'approve.cancel': 'Pas maintenant',
  'approve.done.title': 'Approuvée',
  'approve.done.description': 'La personne éditrice peut maintenant publier cette version.',
  'approve.failed.title': 'La version n’a pas été approuvée',

  'publish.label': 'Publier la version {{number}}',
  'publish.busy': 'Publication…',
  'publish.dialog.title': 'Publier la version {{number}}',
  'publish.dialog.intro':
    'Une fois publiée, la version {{number}} ne peut plus être modifiée. Les lecteurs la voient à compter du {{date}}, avec le résumé des modifications que {{approver}} a approuvé. La publication n’ajoute que le numéro, l’heure et votre nom.',
  'publish.stale.title': 'La politique a changé après la préparation de cette version candidate',
  'publish.stale.body':
    'Elle ne contient pas ces modifications plus récentes : {{sections}}. Préparez une nouvelle version candidate à partir de la politique pour les inclure, ou publiez celle-ci et laissez-les attendre la prochaine version.',
  'publish.stale.acknowledge':
    'Publier sans elles : les modifications plus récentes attendront la prochaine version',
  'publish.stale.prepareAgain': 'Aller à la politique pour préparer de nouveau',
  'publish.confirm': 'Publier la version {{number}}',
  'publish.cancel': 'Annuler',
  'publish.done.title': 'La version {{number}} est publiée',
  'publish.done.description': 'Les lecteurs la voient à compter du {{date}}.',
  'publish.failed.title': 'La version n’a pas été publiée',

  'withdraw.label': 'Retirer la version candidate',

  'compare.tab': 'Comparer avec la version publiée',
  'compare.formTab': 'Version',
  'compare.subject.candidate': 'cette version candidate',
  'compare.subject.version': 'la version {{number}}',
  'compare.heading': 'Modifications de la version {{from}} à {{subject}}',
  'compare.heading.first': 'Tout le contenu de {{subject}} (aucune version n’a été publiée avant)',
  'compare.summary':
    'Sections : {{modified}} modifiée(s) · {{added}} ajoutée(s) · {{removed}} retirée(s) · {{moved}} déplacée(s) · {{unchanged}} inchangée(s).',
  'compare.identical': 'Aucune différence.',
  'compare.status.added': 'Ajoutée',
  'compare.status.removed': 'Retirée',
  'compare.status.modified': 'Modifiée',
  'compare.status.moved': 'Déplacée : même texte dans les deux langues',
  'compare.status.unchanged': 'Inchangée : même texte dans les deux langues',
  'compare.movedFrom': 'Déplacée de la position {{from}} à la position {{to}}.',
  'compare.noChangeIn': 'Aucun changement en {{language}}.',
  'compare.frontMatter': 'Titre et introduction',
  'compare.links': 'Liens vers d’autres sites',
  'compare.link.new': 'Nouveau : {{host}} (« {{text}} », {{language}})',
  'compare.link.gone': 'Retiré : {{host}} (« {{text}} », {{language}})',
  'compare.proposal': 'Ce qui sera annoncé aux lecteurs',
  'compare.proposal.upcoming': 'à venir',
  'compare.proposal.missing': 'pas encore rédigé',
  'compare.fingerprint.pending':
    'Pas encore d’empreinte : à l’approbation, le site calcule l’empreinte de l’ensemble (texte, résumé des modifications, date et liens vers d’autres sites) et la signe.',
  'compare.fingerprint.approved':
    'Approuvée par {{name}} le {{date}} pour exactement ce contenu (empreinte {{short}}…).',
  'compare.fingerprint.published':
    'Version publiée, empreinte {{short}}…, approuvée par {{name}} le {{date}}.',
  'compare.fingerprint.changed':
    'Cette version a changé après son approbation : l’approbation ne la couvre plus.',
  'compare.stale':
    'La politique a changé après la préparation de cette version candidate ({{sections}}) : la version candidate ne contient pas ces modifications.',
  'compare.loadFailed': 'La version publiée n’a pas pu être lue : {{message}}',
  'compare.noSections': 'Cette version ne contient aucune section à comparer.',
  'compare.comparing': 'Comparaison…',
  'compare.drift': 'Avertissements de traduction',

  'redline.was': '(était {{format}})',
  'format.normal': 'un paragraphe',
  'format.h3': 'un intertitre',
  'format.h4': 'un sous-intertitre',
  'format.bullet': 'un élément de liste à puces',
  'format.number': 'un élément de liste numérotée',
  'redline.link.retargeted':
    'Le lien sur « {{text}} » mène maintenant à {{after}} (auparavant {{before}}).',
  'redline.link.added': 'Nouveau lien sur « {{text}} » vers {{href}}.',
  'redline.link.removed': 'Lien retiré de « {{text}} » (menait à {{href}}).',

  'schema.type': 'Version de la politique',
  'schema.status': 'Statut',
  'schema.number': 'Numéro de version',
  'schema.number.description':
    'Le numéro sous lequel elle est publiée : celui de la dernière version publiée, plus un.',
  'schema.effectiveDate': 'Date d’entrée en vigueur',
  'schema.effectiveDate.description':
    'Proposée à la préparation de la version candidate; la personne éditrice peut la modifier jusqu’à l’approbation. Une date future est présentée comme à venir jusque-là.',
  'schema.publishedAt': 'Publiée le',
  'schema.changeSummary': 'Résumé des modifications',
  'schema.changeSummary.description':
    'Ce qui a changé pour les lecteurs, dans les deux langues, affiché dans l’historique public. Rédigé à la préparation de la version candidate; la personne éditrice peut le modifier jusqu’à l’approbation.',
  'schema.title': 'Titre',
  'schema.organisationName': 'Nom de l’organisation',
  'schema.introduction': 'Introduction',
  'schema.sections': 'Sections telles qu’elles étaient',
  'schema.fingerprint': 'Empreinte (SHA-256)',
  'schema.fingerprint.description':
    'De tout ce que les lecteurs obtiennent de cette version : son texte dans les deux langues, son titre, l’organisation, sa date d’entrée en vigueur, son résumé des modifications, ses liens vers d’autres sites et l’empreinte de la version précédente.',
  'schema.previousFingerprint': 'Empreinte de la version précédente',
  'schema.linkAudit': 'Liens vers d’autres sites',
  'schema.linkAudit.description':
    'Tous les liens qui quittent le site, relevés par le site dans le texte au moment de l’approbation.',
  'schema.preparedBy': 'Préparée par',
  'schema.approval': 'Approbation juridique',
  'schema.publication': 'Publication',
}

export const VERSIONING_RESOURCES: Record<'en-US' | 'fr-FR', Resources> = {
  'en-US': {...en, ...refusals('en')},
  'fr-FR': {...fr, ...refusals('fr')},
}

/** Registered in sanity.config.ts under `i18n.bundles`. */
export const versioningBundles = (['en-US', 'fr-FR'] as const).map((locale) =>
  defineLocaleResourceBundle({
    locale,
    namespace: VERSIONING_NAMESPACE,
    resources: VERSIONING_RESOURCES[locale],
  }),
)
