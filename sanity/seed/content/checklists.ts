import type {ChecklistItem, ComplianceChecklist} from '../../../lib/policy/checklist'
import type {Localized} from '../../../lib/policy/types'

/**
 * The two checklists the product ships: what Québec's privacy Acts, as amended in 2021 (Law 25),
 * expect of a privacy policy published on a website, item by item with the article it comes from.
 * One for public bodies (the Act the seed's own policy cites), one for enterprises. Both use the
 * same item keys, so a section's tags mean the same thing whichever Act the organisation chooses.
 *
 * References are to the Act respecting access to documents held by public bodies and the
 * protection of personal information (CQLR c., « Loi sur l'accès ») and to the Act
 * respecting the protection of personal information in the private sector (CQLR c. P-39.1,
 * « Loi sur le privé »), and to the Commission d'accès à l'information's guidance where the Acts
 * leave the wording to the organisation. An aid, not legal advice.
 */

interface ItemText {
  label: Localized<string>
  guidance: Localized<string>
  providedBySite?: boolean
}

const ITEMS = {
  'person-in-charge': {
    label: {
      fr: 'Titre et coordonnées de la personne responsable de la protection des renseignements personnels',
      en: 'Title and contact details of the person in charge of the protection of personal information',
    },
    guidance: {
      fr: 'Nommez la fonction (pas seulement un nom) et donnez au moins un moyen de la joindre : courriel, téléphone ou adresse postale.',
      en: 'Name the position (not only a person) and give at least one way to reach it: email, telephone or postal address.',
    },
  },
  'information-collected': {
    label: {
      fr: 'Renseignements personnels recueillis',
      en: 'Personal information collected',
    },
    guidance: {
      fr: 'Dites quels renseignements sont recueillis, y compris ceux qui sont transmis automatiquement lors d’une visite.',
      en: 'Say which information is collected, including what is transmitted automatically during a visit.',
    },
  },
  'collection-means': {
    label: {
      fr: 'Moyens par lesquels les renseignements sont recueillis',
      en: 'Means by which the information is collected',
    },
    guidance: {
      fr: 'Formulaires, courriel, listes d’envoi, journaux du serveur, témoins : dites comment chaque renseignement est obtenu.',
      en: 'Forms, email, mailing lists, server logs, cookies: say how each piece of information is obtained.',
    },
  },
  'identification-technologies': {
    label: {
      fr: 'Technologies permettant d’identifier, de localiser ou de profiler la personne, et moyens de les activer',
      en: 'Technologies that can identify, locate or profile a person, and how to activate them',
    },
    guidance: {
      fr: 'Décrivez les témoins et autres technologies de ce type, et comment la personne peut activer (ou refuser) ces fonctions, désactivées par défaut.',
      en: 'Describe cookies and similar technologies, and how a person can activate (or refuse) these functions, which are off by default.',
    },
  },
  purposes: {
    label: {fr: 'Fins de la collecte', en: 'Purposes of the collection'},
    guidance: {
      fr: 'Dites à quelles fins chaque renseignement est recueilli et utilisé.',
      en: 'Say for what purposes each piece of information is collected and used.',
    },
  },
  'access-within': {
    label: {
      fr: 'Catégories de personnes qui y ont accès au sein de l’organisation',
      en: 'Categories of persons within the organisation who have access to it',
    },
    guidance: {
      fr: 'Dites quelles personnes ou quels services y ont accès, et à quelles conditions.',
      en: 'Say which persons or departments have access to it, and on what conditions.',
    },
  },
  'third-parties': {
    label: {
      fr: 'Tiers et fournisseurs de services à qui les renseignements peuvent être communiqués',
      en: 'Third parties and service providers to whom the information may be communicated',
    },
    guidance: {
      fr: 'Nommez les tiers, ou leurs catégories (hébergeur, fournisseurs de services, autres organismes), à qui les renseignements sont communiqués et pourquoi.',
      en: 'Name the third parties, or their categories (host, service providers, other bodies), to whom the information is communicated, and why.',
    },
  },
  'outside-quebec': {
    label: {
      fr: 'Communication possible à l’extérieur du Québec',
      en: 'Possible communication outside Québec',
    },
    guidance: {
      fr: 'Dites si les renseignements peuvent être communiqués, hébergés ou traités à l’extérieur du Québec.',
      en: 'Say whether the information may be communicated, hosted or processed outside Québec.',
    },
  },
  retention: {
    label: {fr: 'Durée de conservation', en: 'How long the information is kept'},
    guidance: {
      fr: 'Dites combien de temps les renseignements sont conservés, et comment ils sont détruits ou anonymisés ensuite.',
      en: 'Say how long the information is kept, and how it is destroyed or anonymized afterwards.',
    },
  },
  rights: {
    label: {
      fr: 'Droits d’accès et de rectification, et comment les exercer',
      en: 'Rights of access and rectification, and how to exercise them',
    },
    guidance: {
      fr: 'Rappelez ces droits et dites à qui et comment présenter une demande.',
      en: 'State these rights and say to whom and how a request is made.',
    },
  },
  'consent-withdrawal': {
    label: {
      fr: 'Retrait du consentement, et comment le faire',
      en: 'Withdrawing consent, and how to do it',
    },
    guidance: {
      fr: 'Dites que la personne peut retirer son consentement à l’utilisation ou à la communication de ses renseignements, et comment.',
      en: 'Say that the person may withdraw their consent to the use or communication of their information, and how.',
    },
  },
  complaints: {
    label: {
      fr: 'Comment porter plainte',
      en: 'How to make a complaint',
    },
    guidance: {
      fr: 'Dites comment porter plainte auprès de l’organisation, puis auprès de la Commission d’accès à l’information.',
      en: 'Say how to complain to the organisation, and then to the Commission d’accès à l’information.',
    },
  },
  'last-update': {
    label: {
      fr: 'Date de la dernière mise à jour, et avis des modifications',
      en: 'Date of the last update, and notice of amendments',
    },
    guidance: {
      fr: 'Le site l’indique de lui-même : chaque page donne la date d’entrée en vigueur de la version, l’historique les garde toutes et une version à venir est annoncée sur la version en vigueur.',
      en: 'The site provides it by itself: every page gives the version’s effective date, the history keeps them all, and an upcoming version is announced on the version in force.',
    },
    providedBySite: true,
  },
} satisfies Record<string, ItemText>

export type ChecklistItemKey = keyof typeof ITEMS

function item(key: ChecklistItemKey, reference: Localized<string>): ChecklistItem {
  const {label, guidance, ...rest} = ITEMS[key] as ItemText
  return {key, label, reference, guidance, ...rest}
}

export const publicBodiesChecklist: ComplianceChecklist = {
  act: 'public-bodies',
  title: {
    fr: 'Loi sur l’accès aux documents des organismes publics et sur la protection des renseignements personnels (RLRQ, c. A-2.1)',
    en: 'Act respecting access to documents held by public bodies and the protection of personal information (CQLR, c. A-2.1)',
  },
  items: [
    item('person-in-charge', {
      fr: 'Loi sur l’accès, art. 8 ; Règlement sur la diffusion de l’information et sur la protection des renseignements personnels, art. 4',
      en: 'Access Act, s. 8; Regulation respecting the distribution of information and the protection of personal information, s. 4',
    }),
    item('information-collected', {
      fr: 'Loi sur l’accès, art. 63.4 et 65',
      en: 'Access Act, ss. 63.4 and 65',
    }),
    item('collection-means', {fr: 'Loi sur l’accès, art. 65', en: 'Access Act, s. 65'}),
    item('identification-technologies', {
      fr: 'Loi sur l’accès, art. 65.0.1',
      en: 'Access Act, s. 65.0.1',
    }),
    item('purposes', {fr: 'Loi sur l’accès, art. 65', en: 'Access Act, s. 65'}),
    item('access-within', {fr: 'Loi sur l’accès, art. 62 et 65', en: 'Access Act, ss. 62 and 65'}),
    item('third-parties', {
      fr: 'Loi sur l’accès, art. 65 et 67.2',
      en: 'Access Act, ss. 65 and 67.2',
    }),
    item('outside-quebec', {
      fr: 'Loi sur l’accès, art. 65 et 70.1',
      en: 'Access Act, ss. 65 and 70.1',
    }),
    item('retention', {fr: 'Loi sur l’accès, art. 65 et 73', en: 'Access Act, ss. 65 and 73'}),
    item('rights', {
      fr: 'Loi sur l’accès, art. 65, 83 et 89',
      en: 'Access Act, ss. 65, 83 and 89',
    }),
    item('consent-withdrawal', {
      fr: 'Loi sur l’accès, art. 53 et 65.1 ; lignes directrices de la Commission d’accès à l’information sur le consentement',
      en: 'Access Act, ss. 53 and 65.1; guidelines of the Commission d’accès à l’information on consent',
    }),
    item('complaints', {
      fr: 'Loi sur l’accès, art. 63.3 et 135',
      en: 'Access Act, ss. 63.3 and 135',
    }),
    item('last-update', {fr: 'Loi sur l’accès, art. 63.4', en: 'Access Act, s. 63.4'}),
  ],
}

export const privateSectorChecklist: ComplianceChecklist = {
  act: 'private-sector',
  title: {
    fr: 'Loi sur la protection des renseignements personnels dans le secteur privé (RLRQ, c. P-39.1)',
    en: 'Act respecting the protection of personal information in the private sector (CQLR, c. P-39.1)',
  },
  items: [
    item('person-in-charge', {fr: 'Loi sur le privé, art. 3.1', en: 'Private Sector Act, s. 3.1'}),
    item('information-collected', {
      fr: 'Loi sur le privé, art. 8 et 8.2',
      en: 'Private Sector Act, ss. 8 and 8.2',
    }),
    item('collection-means', {fr: 'Loi sur le privé, art. 8', en: 'Private Sector Act, s. 8'}),
    item('identification-technologies', {
      fr: 'Loi sur le privé, art. 8.1 et 9.1',
      en: 'Private Sector Act, ss. 8.1 and 9.1',
    }),
    item('purposes', {fr: 'Loi sur le privé, art. 8', en: 'Private Sector Act, s. 8'}),
    item('access-within', {
      fr: 'Loi sur le privé, art. 8 et 20',
      en: 'Private Sector Act, ss. 8 and 20',
    }),
    item('third-parties', {
      fr: 'Loi sur le privé, art. 8 et 18.3',
      en: 'Private Sector Act, ss. 8 and 18.3',
    }),
    item('outside-quebec', {
      fr: 'Loi sur le privé, art. 8 et 17',
      en: 'Private Sector Act, ss. 8 and 17',
    }),
    item('retention', {
      fr: 'Loi sur le privé, art. 8 et 23',
      en: 'Private Sector Act, ss. 8 and 23',
    }),
    item('rights', {
      fr: 'Loi sur le privé, art. 8, 27, 28 et 30',
      en: 'Private Sector Act, ss. 8, 27, 28 and 30',
    }),
    item('consent-withdrawal', {
      fr: 'Loi sur le privé, art. 8',
      en: 'Private Sector Act, s. 8',
    }),
    item('complaints', {
      fr: 'Loi sur le privé, art. 3.2 et 42',
      en: 'Private Sector Act, ss. 3.2 and 42',
    }),
    item('last-update', {fr: 'Loi sur le privé, art. 8.2', en: 'Private Sector Act, s. 8.2'}),
  ],
}

/**
 * What each section of the seed's policy covers, as its editors would tag it. Version 1 covers
 * neither the person in charge nor complaints (its table of contents announced the sections that
 * would, and they were missing); no version says whether information leaves Québec, or how to
 * withdraw consent beyond unsubscribing from a mailing list.
 */
export const SEED_SECTION_COVERAGE: Record<string, ChecklistItemKey[]> = {
  cookies: ['identification-technologies', 'collection-means'],
  'automatically-transmitted-data': [
    'information-collected',
    'collection-means',
    'purposes',
    'third-parties',
  ],
  'transmission-of-personal-information': [
    'information-collected',
    'collection-means',
    'purposes',
    'access-within',
    'third-parties',
    'retention',
    'rights',
  ],
  'links-to-other-sites': [],
  'comments-or-questions': ['person-in-charge', 'rights'],
  'learn-more-about-privacy': ['complaints'],
}
