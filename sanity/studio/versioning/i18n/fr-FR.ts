import type {VersioningTextKey} from './en-US'

/**
 * The versioning workflow's words in Québec French (« renseignements personnels », « version en
 * vigueur »). Every key of en-US.ts, no more, no less: the type says so.
 */
export const versioningFrFR: Record<VersioningTextKey, string> = {
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
  'preview.neverInForce': 'remplacée avant d’entrer en vigueur',
  'preview.wasInForce': 'en vigueur du {{from}} au {{to}}',
  'turn.review': 'à réviser',
  'turn.publish': 'approuvée, à publier',
  'turn.prepare-again': 'pas à jour, à préparer de nouveau ou à retirer',

  'structure.versions': 'Versions',
  'structure.versions.list': 'Versions, de la plus récente à la plus ancienne',
  'structure.awaitingReview': 'En attente de révision juridique',
  'structure.yourTurn_zero': 'À vous : rien ne vous attend',
  'structure.yourTurn_one': 'À vous : 1 version vous attend',
  'structure.yourTurn_other': 'À vous : {{count}} versions vous attendent',
  'structure.yourTurn.list': 'Ce qui vous attend',

  'workflow.last.prepared': 'Préparée par {{name}}, le {{when}}.',
  'workflow.last.approved': 'Approuvée par {{name}}, le {{when}}.',
  'workflow.last.published': 'Publiée par {{name}}, le {{when}}.',
  'workflow.next.review':
    'Prochaine étape : une personne réviseure juridique qui ne l’a ni préparée ni rédigée la compare à la version publiée et l’approuve.',
  'workflow.next.publish':
    'Prochaine étape : une personne éditrice la publie; le public la voit à compter de sa date d’entrée en vigueur.',
  'workflow.stale':
    'La politique a changé après la préparation de cette version candidate ({{sections}}) : elle ne contient pas ces modifications.',
  'workflow.yours.review': 'À vous : comparez-la à la version publiée, puis approuvez-la.',
  'workflow.yours.publish': 'À vous : publiez-la.',
  'workflow.yours.prepare-again':
    'À vous : préparez-la de nouveau à partir de la politique actuelle, ou retirez-la.',
  'workflow.cannot.approve': 'Vous ne pouvez pas l’approuver : {{reason}}',
  'workflow.cannot.publish': 'Vous ne pouvez pas la publier : {{reason}}',

  'nextVersion.action': 'Préparer la version {{number}}',
  'nextVersion.action.changes': 'Préparer la version {{number}} ({{changes}})',
  'nextVersion.action.title':
    'Depuis la version {{since}} : {{details}}. Les modifications pas encore publiées n’en font pas partie.',
  'nextVersion.action.unchanged':
    'Rien à préparer : la politique et les sections publiées sont identiques à la version {{since}}. Publiez d’abord vos modifications.',
  'changes.sections_one': '{{count}} section modifiée',
  'changes.sections_other': '{{count}} sections modifiées',
  'changes.frontMatter': 'titre ou introduction modifiés',
  'changes.order': 'ordre des sections modifié',
  'changes.section.modified': '« {{title}} » modifiée',
  'changes.section.added': '« {{title}} » ajoutée',
  'changes.section.removed': '« {{title}} » retirée',
  'sectionChange.modified': 'Modifiée depuis la version {{number}}',
  'sectionChange.added': 'Nouvelle depuis la version {{number}}',
  'sectionChange.removed': 'Retirée de la politique depuis la version {{number}}',
  'badge.section.modified': 'Modifiée',
  'badge.section.added': 'Nouvelle',
  'badge.section.removed': 'Retirée',

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
  'issue.unsafe.missing-scheme':
    'il lui manque son https:// ou son mailto:, si bien que les lecteurs auraient un lien brisé vers une page de ce site',
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
  'approve.dialog.date.upcoming': 'Date d’entrée en vigueur : {{date}} (à venir).',
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

  'schema.record': 'Registre signé',
  'schema.record.description':
    'Ce que le site a signé, pour quiconque le vérifie : identifiants, empreintes, clés et signatures. Rien ici ne peut changer.',
  'schema.fingerprint.copy': 'Copier l’empreinte',
  'schema.fingerprint.copied': 'Empreinte copiée',
  'schema.actor.type': 'Personne',
  'schema.actor.userId': 'Identifiant de la personne',
  'schema.actor.name': 'Nom',
  'schema.actor.at': 'Quand',
  'schema.approval.type': 'Approbation',
  'schema.approval.userId': 'Identifiant de la personne réviseure',
  'schema.approval.name': 'Personne réviseure',
  'schema.approval.at': 'Approuvée le',
  'schema.approval.fingerprint': 'Empreinte approuvée',
  'schema.signature.keyId': 'Clé de signature',
  'schema.signature.signature': 'Signature',
  'schema.publication.type': 'Publication',
  'schema.publication.userId': 'Identifiant de la personne qui a publié',
  'schema.publication.name': 'Publiée par',
  'schema.publication.at': 'Publiée le',
  'schema.publication.staleAcknowledged':
    'Publiée en sachant que des modifications plus récentes attendent la version suivante',
  'schema.linkAudit.siteHosts': 'Les domaines du site lui-même',
  'schema.linkAudit.links': 'Liens',
  'schema.linkAudit.pending': 'Le site les relève au moment de l’approbation de la version.',
  'schema.linkAudit.none': 'Aucun lien ne quitte le site.',
  'schema.linkAudit.link': '« {{text}} » mène à {{host}} ({{where}}, {{language}})',
  'schema.linkAudit.introduction': 'introduction',
  'schema.outboundLink.type': 'Lien vers un autre site',
  'schema.outboundLink.host': 'Site',
  'schema.outboundLink.url': 'Adresse',
  'schema.outboundLink.text': 'Mots liés',
  'schema.outboundLink.sectionKey': 'Section',
  'schema.outboundLink.sectionKey.description':
    'La clé stable de la section; vide pour un lien dans l’introduction.',
  'schema.outboundLink.language': 'Langue',
  'prepare.date.day': 'Jour',
  'prepare.date.month': 'Mois',
  'prepare.date.year': 'Année',
  'prepare.date.spelled': 'En vigueur à compter du {{date}}, à minuit, heure du Québec.',
  'prepare.date.past': 'Le {{date}} est passé : choisissez aujourd’hui ou un jour suivant.',
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
  'schema.checklistCoverage': 'Liste de vérification (droit de la vie privée)',
  'schema.checklistCoverage.description':
    'Les éléments de la liste que couvraient les sections à la préparation de la version, tels que le service juridique les a approuvés. Compris dans l’empreinte.',
}
