/**
 * Sanity's Presentation tool in French: Sanity's French locale has no words for this tool yet,
 * so the Studio brings its own, key for key with Sanity's English (checked by the Studio's words
 * test). Plurals follow i18next: `_one`, `_other`, `_zero`.
 */
export const presentationFrFR: Record<string, string> = {
  'document-list-pane.document-list.title': 'Documents de cette page',
  'document-list-pane.error.text': 'Impossible d’afficher la liste des documents',
  'channel.status_connected': 'Connecté',
  'channel.status_connecting': 'Connexion…',
  'channel.status_disconnected': 'Déconnecté',
  'channel.status_reconnecting': 'Reconnexion…',
  'document-pane.error.text': 'Impossible d’afficher l’éditeur du document',
  'error-card.continue-button.text': 'Continuer quand même',
  'error-card.retry-button.text': 'Réessayer',
  'error-card.title': 'Une erreur est survenue',
  'locations-banner.locations-count_one': 'Utilisé dans une page',
  'locations-banner.locations-count_other': 'Utilisé dans {{count}} pages',
  'locations-banner.locations-count_zero': 'Utilisé dans aucune page',
  'locations-banner.resolving.text': 'Recherche des pages…',
  'main-document.label': 'Document principal',
  'main-document.missing.text': 'Aucun document principal pour <Code>{{path}}</Code>',
  'narrow-tabs.content-tab.label': 'Structure',
  'narrow-tabs.navigator-tab.label': 'Navigateur',
  'narrow-tabs.preview-tab.label': 'Présentation',
  'presentation-error.label': 'Message d’erreur',
  'preview-frame.connection.error.text': 'Impossible de se connecter à l’aperçu',
  'preview-frame.configuration.error.title': 'L’origine de l’adresse d’aperçu ne correspond pas',
  'preview-frame.configuration.error.description':
    'Le cadre d’aperçu est configuré pour charger <Code>{{targetOrigin}}</Code>, mais l’origine signalée est <Code>{{reportedOrigin}}</Code>. Par sécurité, l’outil Présentation ne se connecte pas à une origine inconnue. Ajoutez-la à la configuration <Code>presentationTool.allowOrigins</Code> pour permettre la connexion à Visual Editing et aux Loaders.',
  'preview-search-param.configuration.error.title': 'Adresse d’aperçu bloquée',
  'preview-search-param.configuration.error.description':
    'Le routeur veut ouvrir <Code>{{previewSearchParam}}</Code>, mais l’origine <Code>{{blockedOrigin}}</Code> n’est pas permise. Ajoutez-la à la configuration <Code>presentationTool.allowOrigins</Code> pour la permettre.',
  'preview-frame.continue-button.text': 'Continuer quand même',
  'preview-frame.loader.connection-status.label': 'État de la connexion du chargeur',
  'preview-frame.navigator.toggle-button.aria-label': 'Afficher ou masquer le navigateur',
  'preview-frame.navigator.toggle-button.tooltip': 'Afficher ou masquer le navigateur',
  'preview-frame.overlay.connection-status.label': 'État de la connexion de la superposition',
  'preview-frame.overlay.toggle-button.text': 'Modifier',
  'preview-frame.overlay.toggle-button.tooltip_disable':
    'Désactiver la superposition de modification',
  'preview-frame.overlay.toggle-button.tooltip_enable': 'Activer la superposition de modification',
  'preview-frame.perspective.published.text': 'Voir cette page avec le contenu publié',
  'preview-frame.refresh-button.aria-label': 'Actualiser l’aperçu',
  'preview-frame.refresh-button.tooltip': 'Actualiser l’aperçu',
  'preview-frame.status_connecting': 'Connexion.',
  'preview-frame.status_loading': 'Chargement.',
  'preview-frame.status_refreshing': 'Actualisation.',
  'preview-frame.status_reloading': 'Actualisation.',
  'preview-frame.status_timeout':
    'Connexion impossible; la console du navigateur donne plus de détails.',
  'preview-frame.viewport-button.aria-label': 'Changer la largeur de l’affichage',
  'preview-frame.viewport-button.tooltip_full': 'Passer à l’affichage pleine largeur',
  'preview-frame.viewport-button.tooltip_narrow': 'Passer à l’affichage étroit',
  'preview-location-input.error_missing-origin': 'L’adresse doit commencer par {{origin}}',
  'preview-location-input.error_same-base-path':
    'L’adresse ne peut pas avoir le même chemin de base que le Studio, {{basePath}}',
  'share-url.clipboard.status_copying': 'Copie de l’adresse dans le presse-papiers…',
  'share-url.clipboard.status_failed': 'La copie a échoué',
  'share-url.clipboard.status_success': 'L’adresse est copiée dans le presse-papiers',
  'share-url.clipboard.status_unsupported': 'Presse-papiers non pris en charge',
  'share-url.menu-item.open.text': 'Ouvrir l’aperçu',
  'preview-url-secret.missing-grants':
    'Vous n’avez pas la permission de créer des secrets d’adresse d’aperçu. L’aperçu risque de ne pas se charger.',
  'preview-frame.share-button.aria-label': 'Partager cet aperçu',
  'share-preview-menu.qr-code.title': 'Un code QR qui contient l’adresse : {{url}}',
  'share-preview-menu.error_toggle-sharing':
    'Vous n’avez pas la permission d’activer ou de désactiver le partage de cet aperçu',
  'share-preview-menu.toggle-button.tooltip_disable': 'Désactiver le partage',
  'share-preview-menu.toggle-button.tooltip_enable': 'Activer le partage',
  'share-preview-menu.toggle-button.label_first-line': 'Partager cet aperçu',
  'share-preview-menu.toggle-button.label_second-line': 'avec toute personne qui a le lien',
  'share-preview-menu.qr-code.placeholder': 'Le code QR apparaîtra ici',
  'share-preview-menu.qr-code.instructions':
    'Balayez le code QR pour ouvrir l’aperçu sur votre téléphone.',
  'share-preview-menu.copy-url.text': 'Copier le lien de l’aperçu',
  'share-preview-menu.error_missing-grants':
    'Vous n’avez pas la permission de partager des aperçus. ',
}
