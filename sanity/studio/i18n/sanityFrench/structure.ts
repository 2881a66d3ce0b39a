/**
 * French for the words Studio 6 added to Sanity's `structure` namespace (its desk), which
 * Sanity's French locale (@sanity/locale-fr-fr 1.2.31, written for Studio 5) does not have yet;
 * with the few it never had. Merged over Sanity's French, key for key with Sanity's English
 * (checked by the Studio's words test); drop a key here once Sanity's French has it.
 */
export const structureFrFR: Record<string, string> = {
  'action.delete.disabled.target-not-found':
    'La publication ou la variante choisie ne contient pas ce document',
  'action.discard-changes.disabled.target-not-found':
    'La publication ou la variante choisie ne contient pas ce document',
  'action.duplicate.disabled.target-not-found':
    'La publication ou la variante choisie ne contient pas ce document',
  'action.publish.disabled.not-publishable':
    'Cette version est publiée dans le cadre de sa publication',
  'action.publish.disabled.target-not-found':
    'La publication ou la variante choisie ne contient pas ce document',
  'action.unpublish.disabled.already-unpublished': 'Ce document est déjà prévu pour être dépublié',
  'action.unpublish.disabled.target-not-found':
    'La publication ou la variante choisie ne contient pas ce document',
  'banners.obsolete-draft.actions.compare-draft.tooltip':
    'Le document publié n’existe pas : ce brouillon ne peut pas lui être comparé.',
  'banners.release.action.add-to-bundle': 'Ajouter au lot',
  'banners.variant.action.add-to-variant': 'Créer une variante',
  'banners.variant.definition-not-found':
    'La variante choisie, <VariantName>{{name}}</VariantName>, est introuvable.',
  'banners.variant.error.description':
    'Une erreur est survenue en ajoutant le document à la variante : {{message}}',
  'banners.variant.error.title': 'Erreur lors de l’ajout du document à la variante',
  'banners.variant.not-in-variant':
    'Aucun document de variante <PerspectiveTitle>{{perspectiveTitle}}</PerspectiveTitle> n’existe pour <VariantBadge>{{variantTitle}}</VariantBadge>.',
  'banners.variant.waiting.description':
    'Un instant : le document est ajouté à la variante. Cela ne devrait prendre que quelques secondes.',
  'banners.variant.waiting.title': 'Ajout du document à la variante…',
  'compare-version.error.loadVersions.title': 'Impossible de charger les versions',
  'confirm-delete-dialog.confirm-anyway-button.text_delete_one': 'Supprimer quand même',
  'confirm-delete-dialog.confirm-anyway-button.text_delete_other':
    'Supprimer toutes les versions quand même',
  'confirm-delete-dialog.confirm-button.text_delete_one': 'Supprimer le document',
  'confirm-delete-dialog.confirm-button.text_delete_other': 'Supprimer toutes les versions',
  'confirm-delete-dialog.confirmation.text_delete_one':
    'Voulez-vous vraiment supprimer ce document ?',
  'confirm-delete-dialog.confirmation.text_delete_other':
    'Voulez-vous vraiment supprimer toutes les versions de ce document ?',
  'document-group-inventory.onboarding-hint': 'Où sont passés les boutons des versions ?',
  'document-inspector.error.close-button.aria-label': 'Fermer le panneau',
  'document-inspector.error.description': 'Une erreur est survenue en affichant ce panneau.',
  'document-inspector.error.retry-button.text': 'Réessayer',
  'document-inspector.error.title': 'Un problème est survenu',
  'document-target-badges.not-in-target.tooltip':
    'Le document n’existe pas encore dans la perspective choisie.',
  'document-view.form-view.sync-pending.description':
    'Nous continuons d’essayer. En attendant, vos modifications sont gardées dans votre navigateur.',
  'document-view.form-view.sync-pending.title': 'Vos modifications ne sont pas enregistrées',
  'document-view.form-view.sync-recovering.description':
    'La modification reprend dès que vos changements sont enregistrés.',
  'document-view.form-view.sync-recovering.title': 'Enregistrement de vos modifications…',
  'document-view.form-view.sync-stalled.description':
    'La modification est suspendue jusqu’à leur enregistrement. Vos modifications sont gardées dans votre navigateur : gardez cet onglet ouvert pendant que nous continuons d’essayer.',
  'document-view.form-view.sync-stalled.title':
    'Vos modifications ne sont toujours pas enregistrées',
  'incoming-references-pane.no-references': 'Aucune référence entrante.',
  'menu-items.layout.restore-default': 'Affichage par défaut',
  'menu-items.layout.restore-default.disabled-reason': 'L’affichage par défaut est déjà utilisé',
  'menu-items.sort-by.restore-default': 'Tri par défaut',
  'menu-items.sort-by.restore-default.disabled-reason': 'Le tri par défaut est déjà utilisé',
  'panes.document-list-pane.error.max-retries-attempted':
    'Plus de nouvel essai automatique après {{count}} tentatives infructueuses.',
  'panes.document-list-pane.search-ordering.aria-label': 'Changer l’ordre des résultats',
  'panes.document-list-pane.search-ordering.label': 'Trié par {{order}}',
  'panes.document-list-pane.search-ordering.relevance': 'Pertinence',
  'panes.document-list-pane.search-ordering.summary-relevance': 'Trié par pertinence',
  'panes.document-list-pane.sort-order.disabled-reason':
    'Ce tri utilise des champs qui ne font pas partie de ce type de document',
  'panes.document-operation-results.operation-success_publishVersion': 'La version a été publiée',
  'panes.document-operation-results.operation-success_unpublishVersion':
    'La version sera dépubliée quand sa publication sera publiée',
  'panes.document-pane.variant-target.loading': 'Chargement du document…',
}
