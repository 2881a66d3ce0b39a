/**
 * French for the words Studio 6 added to Sanity's `studio` namespace, which Sanity's French
 * locale (@sanity/locale-fr-fr 1.2.31, written for Studio 5) does not have yet. Merged over
 * Sanity's French, key for key with Sanity's English (checked by the Studio's words test); drop a
 * key here once Sanity's French has it. Terms follow Sanity's French: a release is a
 * _publication_, a draft a _brouillon_.
 */
export const studioFrFR: Record<string, string> = {
  'about-dialog.version-info.deprecated.current':
    'La version v{{version}} est obsolète et ne devrait plus être utilisée.',
  'about-dialog.version-info.deprecated.header': 'Version obsolète',
  'about-dialog.version-info.deprecated.next-step.pinned':
    'Ce Studio est figé sur une version obsolète. Choisissez-en une autre dans Manage.',
  'about-dialog.version-info.deprecated.next-step.upgrade':
    'Mettez à jour le paquet sanity vers une version plus récente et redéployez le Studio.',
  'about-dialog.version-info.deprecated.next-step.upgrade.learn-how': 'Comment mettre à jour',
  'about-dialog.version-info.deprecated.reason': 'Raison : {{reason}}',
  'about-dialog.version-info.tooltip.deprecated': 'Obsolète',
  'asset-source.dialog.load-error': 'Impossible de charger les fichiers',
  'content-agent': 'Content Agent',
  'changes.from-base-variant.label': 'Modifié par rapport à la variante de base',
  'changes.unknown-schema-field.description':
    'Ce champ n’est pas défini dans le schéma. Ses valeurs sont affichées en JSON.',
  'common.error': 'Erreur',
  'diagnostics.menu-item': 'Diagnostics',
  'divergence.action.close.label': 'Fermer',
  'divergence.action.markResolved.label': 'Ignorer',
  'divergence.action.next.label': 'Suivant',
  'divergence.action.previous.label': 'Précédent',
  'divergence.action.takeFromUpstream.label': 'Copier de la base',
  'divergence.effect.changed': 'modifié',
  'divergence.effect.summary': '{{title}} {{effect}} dans la version {{versionName}}',
  'divergence.pagination': '{{position}} sur {{count}}',
  'divergence.unresolved-divergence_one':
    'Modification non résolue dans la version {{versionName}}',
  'divergence.unresolved-divergence_other':
    '{{count}} modifications non résolues dans la version {{versionName}}',
  'document-group-inventory.action.cancel': 'Annuler',
  'document-group-inventory.action.manage-versions': 'Gérer les versions',
  'document-group-inventory.feedback.sentiment-label':
    'Le nouvel inventaire des versions est-il facile ou difficile à utiliser ?',
  'document-group-inventory.filter-string.label': 'Filtrer : {{subject}}',
  'document-group-inventory.title': '{{count}} {{subject}}',
  'document-group-inventory.title_one': '{{count}} {{subject}}',
  'document-group-inventory.title_other': '{{count}} {{subject}}',
  'document-group-inventory.viewing-item-label': 'affiché',
  'document-group.base-variant': 'Tous les utilisateurs (par défaut)',
  'document-group.create-variant': 'Créer une variante',
  'document-group.create-variant.for-target': 'Créer une variante pour {{variantDefinitionName}}',
  'document-group.create-variant.target-drafts': 'Comme brouillon',
  'document-group.create-variant.target-releases': 'Dans une publication',
  'document-group.create-variant.view-existing-variants': 'Ou voir les variantes existantes',
  'document-group.delete.cancel-button.text': 'Annuler',
  'document-group.delete.cdr-summary.document-count_one': '1 document',
  'document-group.delete.cdr-summary.document-count_other': '{{count}} documents',
  'document-group.delete.cdr-summary.subtitle_one': 'Jeu de données : {{datasets}}',
  'document-group.delete.cdr-summary.subtitle_other': 'Jeux de données : {{datasets}}',
  'document-group.delete.cdr-summary.subtitle_unavailable_one': 'Jeu de données indisponible',
  'document-group.delete.cdr-summary.subtitle_unavailable_other': 'Jeux de données indisponibles',
  'document-group.delete.cdr-summary.title_one': '{{documentCount}} dans un autre jeu de données',
  'document-group.delete.cdr-summary.title_other':
    '{{documentCount}} dans {{count}} jeux de données',
  'document-group.delete.cdr-table.copy-id-button.tooltip': 'Copier l’identifiant',
  'document-group.delete.cdr-table.dataset.label': 'Jeu de données',
  'document-group.delete.cdr-table.document-id.label': 'Identifiant du document',
  'document-group.delete.cdr-table.id-copied-toast.title-failed':
    'Impossible de copier l’identifiant du document',
  'document-group.delete.cdr-table.project-id.label': 'Identifiant du projet',
  'document-group.delete.confirm-button.text_one': 'Supprimer (1)',
  'document-group.delete.confirm-button.text_other': 'Supprimer ({{count}})',
  'document-group.delete.error.message':
    'Une erreur est survenue en supprimant ce document. Le plus souvent, d’autres documents y font référence.',
  'document-group.delete.other-reference-count.title_one': '1 autre référence non affichée',
  'document-group.delete.other-reference-count.title_other':
    '{{count}} autres références non affichées',
  'document-group.delete.other-reference-count.tooltip':
    'Les métadonnées de ces références ne peuvent pas être affichées : il manque un jeton d’accès aux jeux de données concernés.',
  'document-group.delete.preview-item.preview-unavailable.subtitle': 'Identifiant : {{documentId}}',
  'document-group.delete.preview-item.preview-unavailable.title': 'Aperçu indisponible',
  'document-group.delete.referring-document-count.text_one':
    '1 document fait référence à « <DocumentTitle/> »',
  'document-group.delete.referring-document-count.text_other':
    '{{count}} documents font référence à « <DocumentTitle/> »',
  'document-group.delete.referring-documents-descriptor.text':
    'Vous ne pourrez peut-être pas supprimer « <DocumentTitle/> », car les documents suivants y font référence :',
  'document-group.delete.title_one': 'Supprimer {{count}} {{subject}}',
  'document-group.delete.title_other': 'Supprimer {{count}} {{subject}}',
  'document-group.subject.variant_one': 'variante',
  'document-group.subject.variant_other': 'variantes',
  'document-group.subject.version_one': 'version',
  'document-group.subject.version_other': 'versions',
  'document-status.published-at': 'Publié {{date}}',
  'document.initial-value.error.title': 'Impossible de déterminer la valeur initiale',
  'document.initial-value.error.description':
    'Le document s’est ouvert sans valeur. {{errorMessage}}',
  'form.field.actions-menu.title': 'Actions du champ',
  'help-resources.studio-version-deprecated': 'La version v{{version}} est obsolète',
  'inputs.portable-text.unknown-value.annotation':
    'Annotation non définie dans le schéma : {{name}}',
  'inputs.portable-text.unknown-value.list-item':
    'Type de liste non défini dans le schéma : {{name}}',
  'inputs.portable-text.unknown-value.mark': 'Marque non définie dans le schéma : {{name}}',
  'inputs.portable-text.unknown-value.style': 'Style non défini dans le schéma : {{name}}',
  'inputs.portable-text.table.add-column': 'Ajouter une colonne à la fin',
  'inputs.portable-text.table.add-row': 'Ajouter une ligne à la fin',
  'inputs.portable-text.table.column-handle': 'Poignée de colonne',
  'inputs.portable-text.table.delete-column': 'Supprimer la colonne',
  'inputs.portable-text.table.delete-row': 'Supprimer la ligne',
  'inputs.portable-text.table.delete-table': 'Supprimer le tableau',
  'inputs.portable-text.table.header-row': 'Ligne d’en-tête',
  'inputs.portable-text.table.insert-here': 'Insérer ici',
  'inputs.portable-text.table.menu-aria-label': 'Options du tableau',
  'inputs.portable-text.table.row-handle': 'Poignée de ligne',
  'inputs.portable-text.table.select-table': 'Sélectionner le tableau',
  'login.logged-out.generic': 'Votre session n’est plus valide. Veuillez vous reconnecter.',
  'login.logged-out.session-expired': 'Votre session a expiré. Veuillez vous reconnecter.',
  'login.logged-out.title': 'Vous avez été déconnecté',
  'release.action.edit-details': 'Modifier les détails',
  'release.action.new-release.limit-reached':
    'Cet espace de travail est limité à {{count}} publication',
  'release.action.pause-to-edit': 'Suspendre pour modifier',
  'release.chip.button.other-variants_one': '+{{count}} variante',
  'release.chip.button.other-variants_other': '+{{count}} variantes',
  'release.chip.tooltip.other-variants_one': 'Une variante',
  'release.chip.tooltip.other-variants_other': '{{count}} variantes',
  'release.dialog.edit.confirm': 'Enregistrer',
  'release.dialog.edit.description-label': 'Description',
  'release.dialog.edit.title': 'Modifier la publication',
  'release.dialog.edit.title-label': 'Titre',
  'release.toast.edit-release-error.title':
    'Impossible d’enregistrer les détails de la publication',
  'user-menu.action.claim-project': 'Revendiquer ce projet',
}
