import type {StudioTextKey} from './en-US'

/**
 * The Studio's own words in French, as the organisation writes it in Québec (the site's
 * messages/fr.json sets the terms). Every key of en-US.ts, no more, no less: the type says so.
 */
export const studioFrFR: Record<StudioTextKey, string> = {
  'workspace.title': 'Politique de confidentialité',
  'tool.structure.title': 'Politique',
  'tool.presentation.title': 'Aperçu',

  'language.label': 'Langue du Studio',
  'language.fr-FR': 'Français',
  'language.en-US': 'English',

  'structure.root.title': 'Politique de confidentialité',
  'structure.policy.title': 'Politique',
  'structure.sections.title': 'Sections',
  'structure.sections.list-title': 'Sections, dans l’ordre de la politique',
  'structure.sections.not-in-policy': 'Pas encore dans la politique',
  'structure.sections.new': 'Nouvelle section',

  'schema.language.fr': 'Français',
  'schema.language.en': 'Anglais',
  'schema.locale-string.title': 'Texte dans les deux langues',
  'schema.locale-string.fr.required':
    'Écrivez le texte français : la version française est obligatoire.',
  'schema.locale-string.en.required':
    'Écrivez le texte anglais : la version anglaise est obligatoire.',
  'schema.locale-text.title': 'Paragraphe dans les deux langues',
  'schema.locale-rich-text.title': 'Texte enrichi dans les deux langues',
  'schema.locale-rich-text.fr.required': 'Le texte français ne peut pas être vide.',
  'schema.locale-rich-text.en.required': 'Le texte anglais ne peut pas être vide.',

  'schema.policy.title': 'Politique de confidentialité',
  'schema.policy.field.title': 'Titre',
  'schema.policy.field.title.required':
    'Donnez un titre à la politique, en français et en anglais.',
  'schema.policy.field.organisation-name': 'Nom de l’organisation',
  'schema.policy.field.organisation-name.description':
    'Tel que l’organisation l’écrit, p. ex. « groupe (e)space ».',
  'schema.policy.field.organisation-name.required':
    'Indiquez le nom de l’organisation à qui appartient la politique.',
  'schema.policy.field.introduction': 'Introduction',
  'schema.policy.field.introduction.description':
    'Affichée au-dessus de la table des matières, qui est produite à partir des sections.',
  'schema.policy.field.sections': 'Sections, dans l’ordre',
  'schema.policy.field.sections.required':
    'La politique doit compter au moins une section, chacune inscrite une seule fois.',

  'schema.section.title': 'Section de la politique',
  'schema.section.untitled': 'Section sans titre',
  'schema.section.field.title': 'Titre',
  'schema.section.field.title.required': 'Donnez un titre à la section, en français et en anglais.',
  'schema.section.field.key': 'Clé stable',
  'schema.section.field.key.description':
    'Désigne cette section dans toutes les versions et les deux langues; c’est aussi son ancre sur le site (#clé). Ne la changez plus une fois qu’une version a été publiée.',
  'schema.section.field.key.required':
    'La section doit avoir une clé stable (utilisez « Générer » pour en créer une à partir du titre anglais).',
  'schema.section.field.body': 'Texte',
  'schema.section.field.body.required':
    'Le texte de la section ne peut être vide dans aucune des deux langues.',
  'schema.section-snapshot.title': 'Section telle que publiée',

  'schema.rich-text.title': 'Texte enrichi',
  'schema.rich-text.style.normal': 'Paragraphe',
  'schema.rich-text.style.h3': 'Intertitre',
  'schema.rich-text.style.h4': 'Intertitre secondaire',
  'schema.rich-text.list.bullet': 'Liste à puces',
  'schema.rich-text.list.number': 'Liste numérotée',
  'schema.rich-text.decorator.strong': 'Gras',
  'schema.rich-text.decorator.em': 'Italique',
  'schema.rich-text.link.title': 'Lien',
  'schema.rich-text.link.field.href': 'Adresse',
  'schema.rich-text.link.field.href.description':
    'Une adresse Web (https://…), une adresse courriel (mailto:…), un numéro de téléphone (tel:…) ou une partie de cette page (#…). Les liens vers d’autres sites sont signalés automatiquement aux lecteurs.',
  'schema.rich-text.link.field.href.required': 'Indiquez l’adresse du lien.',

  'links.problem.scheme':
    'Cette adresse pourrait exécuter un script ou ouvrir autre chose qu’une page : elle ne sera jamais affichée comme un lien. Utilisez une adresse Web (https://…), une adresse courriel (mailto:…), un numéro de téléphone (tel:…) ou une partie de cette page (#…).',
  'links.problem.credentials':
    'Cette adresse cache un nom d’utilisateur ou un mot de passe avant le nom du site (« …@ »), une ruse qui fait croire qu’un lien mène ailleurs. Retirez cette partie.',
  'links.problem.malformed':
    'Cette adresse est vide, illisible ou contient des caractères invisibles. Tapez-la de nouveau.',
  'links.problem.missing-https':
    'Il manque « https:// » au début de cette adresse : telle quelle, elle mènerait à une page inexistante de ce site. Écrivez {{fix}} (pour une page de ce site, commencez par « / »).',
  'links.problem.missing-mailto':
    'Il manque « mailto: » au début de cette adresse courriel : telle quelle, elle mènerait à une page inexistante de ce site. Écrivez {{fix}}',
  'links.problem.insecure':
    'Cette adresse n’est pas sécurisée (http://). Si {{host}} offre https://, utilisez-le.',
  'links.notice.outbound':
    'Mène à un autre site ({{host}}) : s’ouvre dans une nouvelle fenêtre, signalé aux lecteurs comme un autre site.',
  'links.fix.use': 'Utiliser {{fix}}',

  'presentation.location': '{{title}} ({{language}})',
  'presentation.location.untitled': 'Sans titre',
  'presentation.section.not-saved': 'Pas encore enregistrée.',
  'presentation.section.not-in-policy':
    'Pas encore dans la politique : ajoutez-la aux sections de la politique pour la voir sur le site.',
  'presentation.version.published': 'Version {{number}}',
  'presentation.version.approved': 'Version approuvée',
  'presentation.version.candidate': 'Version candidate',
  'presentation.version.preview-only':
    'Visible seulement par l’équipe de rédaction, en aperçu, jusqu’à sa publication.',

  'role.editor': 'rédaction',
  'role.legal-reviewer': 'révision juridique',

  'local-lake.strip.title': 'Serveur de contenu local',
  'local-lake.strip.signed-in': 'Session ouverte : {{name}}',
  'local-lake.strip.signed-in-with-roles': 'Session ouverte : {{name}}, {{roles}}',
  'local-lake.strip.switch-person': 'Se connecter sous un autre nom',

  'local-lake.notice.title': 'D’abord, faites confiance au serveur de contenu local',
  'local-lake.notice.why':
    'Le Studio modifie la politique conservée sur cet ordinateur par un serveur de contenu local. Ce serveur utilise un certificat créé sur cet ordinateur, auquel votre navigateur ne fait pas encore confiance : le Studio ne peut donc pas le joindre. Une fois par navigateur :',
  'local-lake.notice.step-open': 'Ouvrez <Link>{{address}}</Link> dans un nouvel onglet.',
  'local-lake.notice.step-accept':
    'Le navigateur avertit que la connexion n’est pas privée : choisissez <Em>Paramètres avancés</Em>, puis <Em>Continuer vers le site</Em> (Chrome, Edge) ou <Em>Accepter le risque et poursuivre</Em> (Firefox).',
  'local-lake.notice.step-return':
    'Revenez à cet onglet et appuyez sur « Vérifier de nouveau » : le Studio se recharge.',
  'local-lake.notice.still-stuck':
    'Le problème persiste? Assurez-vous que <Code>npm start</Code> tourne encore dans son terminal.',
  'local-lake.notice.check-again': 'Vérifier de nouveau',
  'local-lake.notice.checking': 'Vérification…',
  'local-lake.notice.hide': 'Masquer',

  'login.provider': 'Se connecter avec un jeton d’accès local',
  'login.document-title': 'Connexion · Studio · Politique de confidentialité',
  'login.heading': 'Connexion au Studio',
  'login.intro':
    'Ce Studio modifie la politique conservée sur cet ordinateur par un serveur de contenu local. Il n’y a pas de mot de passe : la personne à la rédaction et celle à la révision juridique ont chacune un jeton d’accès, créé par le serveur à son premier démarrage.',
  'login.step-find':
    'Trouvez votre jeton. Il est affiché dans le terminal où tourne <Code>npm start</Code> et conservé dans <Code>users.json</Code>, dans le dossier de données du serveur (<Code>.data/lake</Code>, sauf si <Code>LAKE_DATA_DIR</Code> en indique un autre).',
  'login.step-paste':
    'Collez-le ci-dessous. Ce navigateur le retient jusqu’à ce que vous vous déconnectiez du Studio.',
  'login.first-time':
    'Première fois dans ce navigateur? Il doit faire confiance au certificat du serveur, créé sur cet ordinateur : ouvrez <Link>{{address}}</Link> et acceptez l’avertissement (<Em>Paramètres avancés</Em>, puis <Em>Continuer vers le site</Em>).',
  'login.token-label': 'Jeton d’accès',
  'login.submit': 'Se connecter',
  'login.checking': 'Vérification…',
  'login.error.malformed':
    'Ce n’est pas un jeton d’accès : un jeton est un long mot de lettres et de chiffres qui commence par « sk ». Copiez-le en entier.',
  'login.error.unknown-token':
    'Le serveur de contenu local ne connaît pas ce jeton. Copiez-le de nouveau à partir du terminal où tourne npm start, ou du fichier users.json de son dossier de données.',
  'login.error.unreachable':
    'Ce navigateur ne peut pas joindre le serveur de contenu local. Ouvrez <Link>{{address}}</Link> une fois, acceptez l’avertissement sur le certificat, puis réessayez.',

  'startup.studio': 'Studio (pour modifier la politique) : {{address}}',
  'startup.first-time': 'La première fois dans un navigateur :',
  'startup.trust':
    '1. Faites confiance au certificat du serveur de contenu local (créé sur cet ordinateur) : ouvrez {{address}} et acceptez l’avertissement (Paramètres avancés, puis Continuer vers le site).',
  'startup.trust-file': 'Ou faites confiance à {{file}} sur cet ordinateur.',
  'startup.log-in': '2. Connectez-vous en ouvrant votre propre adresse, ci-dessous.',
  'startup.keep-private':
    'Gardez ces adresses pour vous : quiconque les ouvre est connecté à votre place. Les jetons sont conservés dans {{file}}.',
  'startup.real-project': 'Studio : {{address}} (connectez-vous avec votre compte Sanity)',
  'schema.section.field.covers': 'Éléments de la liste qu’elle couvre',
  'schema.section.field.covers.description':
    'Cochez ce que cette section dit aux lecteurs, parmi les éléments de la liste de vérification que suit la politique : la préparation d’une version montre les éléments qu’aucune section ne couvre.',
  'schema.policy.field.checklist': 'Liste de vérification (droit de la vie privée)',
  'schema.policy.field.checklist.description':
    'Ce que la loi attend de la politique, selon la loi qui s’applique à l’organisation. Une aide pour les personnes qui rédigent et révisent, pas un avis juridique.',
  'schema.checklist.title': 'Liste de vérification (droit de la vie privée)',
  'schema.checklist.description':
    'Une aide, pas un avis juridique : le produit en fournit une pour chaque loi québécoise; modifiez-la, ou rédigez la vôtre si votre organisation est hors du Québec.',
  'schema.checklist.field.title': 'Titre',
  'schema.checklist.field.act': 'Loi',
  'schema.checklist.field.act.required': 'Indiquez la loi que suit cette liste.',
  'schema.checklist.act.public-bodies':
    'Loi sur l’accès aux documents des organismes publics et sur la protection des renseignements personnels',
  'schema.checklist.act.private-sector':
    'Loi sur la protection des renseignements personnels dans le secteur privé',
  'schema.checklist.act.other': 'Une autre loi',
  'schema.checklist.field.items': 'Éléments',
  'schema.checklist.field.items.unique':
    'Deux éléments ont la même clé : les sections désignent les éléments par leur clé, chacun doit donc avoir la sienne.',
  'schema.checklist-item.title': 'Élément de la liste',
  'schema.checklist-item.field.key': 'Clé',
  'schema.checklist-item.field.key.description':
    'Les sections désignent l’élément par cette clé : gardez-la si vous reformulez l’élément.',
  'schema.checklist-item.field.key.invalid':
    'Utilisez seulement des minuscules, des chiffres et des traits d’union, par exemple person-in-charge.',
  'schema.checklist-item.field.label': 'Ce que la politique doit dire',
  'schema.checklist-item.field.reference': 'Référence légale',
  'schema.checklist-item.field.reference.description':
    'L’article d’où il vient, par exemple art. 63.4.',
  'schema.checklist-item.field.guidance': 'Conseils aux personnes qui rédigent',
  'schema.checklist-item.field.provided-by-site': 'Fourni par le site lui-même',
  'schema.checklist-item.field.provided-by-site.description':
    'Couvert quoi que disent les sections, parce que chaque page du site le donne (la date de la dernière mise à jour, par exemple).',
  'schema.checklist-coverage.title': 'Liste de vérification (droit de la vie privée)',
  'schema.checklist-coverage.field.sections': 'Sections qui le couvrent',
  'schema.checklist-coverage.field.covered': 'Couvert',
  'checklist.coverage.title': 'Liste de vérification : {{checklist}}',
  'checklist.coverage.aid':
    'Une aide pour les personnes qui rédigent et révisent, pas un avis juridique. L’organisation peut modifier ou remplacer la liste (Listes de vérification, dans le bureau).',
  'checklist.coverage.missing': 'Éléments qu’aucune section ne couvre : {{count}}',
  'checklist.coverage.item-reference': '{{label}} ({{reference}})',
  'checklist.coverage.complete': 'Tous les éléments de la liste sont couverts.',
  'checklist.coverage.covered-by': '{{label}} : {{sections}}',
  'checklist.coverage.by-site': 'fourni par le site (chaque page l’indique)',
  'checklist.covers.no-checklist':
    'La politique ne suit encore aucune liste de vérification : choisissez-en une dans la politique (Liste de vérification) pour cocher les éléments des sections.',
  'checklist.covers.unknown': '« {{tag}} », que la liste de la politique n’a plus',
  'structure.checklists.title': 'Listes de vérification',
}
