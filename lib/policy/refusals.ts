/**
 * Every reason the sign-off refuses something, with a stable code and its parameters, so that the
 * site's endpoints and the embedded lake say the same thing and the Studio says it in the
 * person's language. Messages are written once here, in i18next's `{{name}}` style: the Studio's
 * translation bundle is built from them, and the lake and the site fill them in with
 * `refusalMessage`.
 */
import type {Language} from './types'

export type Refusal =
  | {code: 'not-signed-in'}
  | {code: 'not-a-reviewer'}
  | {code: 'not-a-publisher'}
  | {code: 'signing-not-configured'}
  | {code: 'bad-request'; params: {detail: string}}
  | {code: 'candidate-not-found'; params: {id: string}}
  | {code: 'candidate-id-invalid'; params: {id: string}}
  | {code: 'candidate-must-be-private'; params: {id: string}}
  | {code: 'already-approved'}
  | {code: 'not-approved'}
  | {code: 'candidate-changed'}
  | {code: 'candidate-invalid'; params: {count: number}}
  | {code: 'summary-missing-fr'}
  | {code: 'summary-missing-en'}
  | {code: 'effective-date-invalid'}
  | {code: 'effective-date-past'; params: {today: string}}
  | {code: 'number-not-next'; params: {number: number; next: number}}
  | {code: 'version-exists'; params: {number: number}}
  | {code: 'chain-moved'; params: {latest: number}}
  | {code: 'candidate-stale'; params: {sections: string}}
  | {code: 'self-approval'}
  | {code: 'reviewer-authored-changes'; params: {documents: string}}
  | {code: 'prepared-by-mismatch'}
  | {code: 'approver-not-reviewer'}
  | {code: 'approval-signature-invalid'}
  | {code: 'publication-signature-invalid'}
  | {code: 'record-differs-from-approval'}
  | {code: 'link-audit-mismatch'}
  | {code: 'history-does-not-verify'; params: {number: number}}
  | {code: 'history-anomaly'; params: {id: string}}
  | {code: 'history-rolled-back'; params: {number: number}}
  | {code: 'published-immutable'; params: {number: number}}
  | {code: 'reserved-for-signing-service'}
  | {code: 'approval-changes-only-approval'}
  | {code: 'restored-version-unverified'; params: {number: number; problem: string}}
  | {code: 'version-invalid'; params: {id: string; reason: string}}

export type RefusalCode = Refusal['code']

/** The HTTP status each refusal is answered with. */
export const REFUSAL_STATUS: Record<RefusalCode, 400 | 401 | 403 | 404 | 409 | 503> = {
  'not-signed-in': 401,
  'not-a-reviewer': 403,
  'not-a-publisher': 403,
  'signing-not-configured': 503,
  'bad-request': 400,
  'candidate-not-found': 404,
  'candidate-id-invalid': 409,
  'candidate-must-be-private': 409,
  'already-approved': 409,
  'not-approved': 409,
  'candidate-changed': 409,
  'candidate-invalid': 409,
  'summary-missing-fr': 409,
  'summary-missing-en': 409,
  'effective-date-invalid': 409,
  'effective-date-past': 409,
  'number-not-next': 409,
  'version-exists': 409,
  'chain-moved': 409,
  'candidate-stale': 409,
  'self-approval': 403,
  'reviewer-authored-changes': 403,
  'prepared-by-mismatch': 403,
  'approver-not-reviewer': 403,
  'approval-signature-invalid': 409,
  'publication-signature-invalid': 409,
  'record-differs-from-approval': 409,
  'link-audit-mismatch': 409,
  'history-does-not-verify': 409,
  'history-anomaly': 409,
  'history-rolled-back': 409,
  'published-immutable': 409,
  'reserved-for-signing-service': 403,
  'approval-changes-only-approval': 403,
  'restored-version-unverified': 409,
  'version-invalid': 409,
}

export const REFUSAL_MESSAGES: Record<Language, Record<RefusalCode, string>> = {
  en: {
    'not-signed-in': 'Your session could not be confirmed. Sign in again, then try once more.',
    'not-a-reviewer': 'Only a legal reviewer can approve a version.',
    'not-a-publisher': 'Only an editor of the project can publish a version.',
    'signing-not-configured':
      'The site cannot sign approvals yet: its signing key or write token is not configured.',
    'bad-request': 'The request could not be read: {{detail}}',
    'candidate-not-found': 'There is no candidate version “{{id}}”. Someone may have withdrawn it.',
    'candidate-id-invalid':
      'A candidate version must be stored as drafts.version- followed by its number (got “{{id}}”).',
    'candidate-must-be-private':
      'A version that is not published must stay private, as drafts.version- followed by its number (got “{{id}}”).',
    'already-approved': 'A legal reviewer has already approved this version.',
    'not-approved': 'A legal reviewer has not approved this version yet.',
    'candidate-changed':
      'The candidate changed while you were reading it. Read it again before going on.',
    'candidate-invalid':
      'The candidate has {{count}} problem(s) that stop it from becoming a version. Prepare it again from the policy.',
    'summary-missing-fr':
      'Write the summary of changes in French: readers of the French history see it.',
    'summary-missing-en':
      'Write the summary of changes in English: readers of the English history see it.',
    'effective-date-invalid': 'Choose the day this version comes into force.',
    'effective-date-past':
      'A version cannot come into force in the past: choose today ({{today}}) or a later day.',
    'number-not-next': 'This version would be number {{number}}, but the next number is {{next}}.',
    'version-exists': 'Version {{number}} already exists and cannot be replaced.',
    'chain-moved':
      'Version {{latest}} was published after this candidate was prepared. Prepare a new candidate from the policy.',
    'candidate-stale':
      'The policy changed after this candidate was prepared ({{sections}}): the candidate does not hold those changes.',
    'self-approval':
      'The person who prepared this version cannot also approve it: another person, a legal reviewer, must.',
    'reviewer-authored-changes':
      'You wrote part of what this version changes ({{documents}}), so another legal reviewer must approve it.',
    'prepared-by-mismatch':
      'A candidate can only be recorded as prepared by the person who writes it.',
    'approver-not-reviewer': 'The approval does not come from a legal reviewer.',
    'approval-signature-invalid':
      'The approval’s signature does not verify with the site’s keys: it was not given through the site.',
    'publication-signature-invalid':
      'The publication’s signature does not verify with the site’s keys: it was not made through the site.',
    'record-differs-from-approval':
      'This version no longer is what was approved (its text, summary of changes, effective date or links changed). A legal reviewer must approve it again.',
    'link-audit-mismatch': 'The list of links to other sites does not match the version’s text.',
    'history-does-not-verify':
      'Version {{number}} of the published history does not verify: no new version can follow it until legal has looked into it.',
    'history-anomaly':
      'The history holds a document that is not a valid version ({{id}}): nothing is approved or published until an editor removes it and legal has looked into it.',
    'history-rolled-back':
      'Version {{number}}, which the site verified before, is missing from the content source: the history was rolled back. Nothing is approved or published until it is restored, or an operator accepts the history as it is.',
    'published-immutable': 'Version {{number}} is published and can no longer be changed.',
    'reserved-for-signing-service':
      'Approvals and publications are written only by the site, which signs them: use Approve or Publish in the Studio.',
    'approval-changes-only-approval': 'An approval cannot change anything but the approval itself.',
    'restored-version-unverified':
      'Version {{number}} does not verify ({{problem}}): it was changed after it was signed, does not follow the version before it, or was signed with a key this project does not trust. Nothing was written.',
    'version-invalid':
      '“{{id}}” would be left as a version that is not one ({{reason}}): a published version is stored as version- followed by its number, with every field of a version. Nothing was written; an editor may delete what is there.',
  },
  fr: {
    'not-signed-in': 'Votre session n’a pas pu être confirmée. Reconnectez-vous, puis réessayez.',
    'not-a-reviewer': 'Seule une personne réviseure juridique peut approuver une version.',
    'not-a-publisher': 'Seule une personne qui édite le projet peut publier une version.',
    'signing-not-configured':
      'Le site ne peut pas encore signer les approbations : sa clé de signature ou son jeton d’écriture n’est pas configuré.',
    'bad-request': 'La demande n’a pas pu être lue : {{detail}}',
    'candidate-not-found':
      'Il n’y a pas de version candidate « {{id}} ». Quelqu’un l’a peut-être retirée.',
    'candidate-id-invalid':
      'Une version candidate doit être enregistrée sous drafts.version- suivi de son numéro (reçu : « {{id}} »).',
    'candidate-must-be-private':
      'Une version non publiée doit rester privée, sous drafts.version- suivi de son numéro (reçu : « {{id}} »).',
    'already-approved': 'Une personne réviseure juridique a déjà approuvé cette version.',
    'not-approved': 'Aucune personne réviseure juridique n’a encore approuvé cette version.',
    'candidate-changed':
      'La version candidate a changé pendant votre lecture. Relisez-la avant de continuer.',
    'candidate-invalid':
      'La version candidate comporte {{count}} problème(s) qui l’empêchent de devenir une version. Préparez-la de nouveau à partir de la politique.',
    'summary-missing-fr':
      'Rédigez le résumé des modifications en français : les lecteurs de l’historique en français le voient.',
    'summary-missing-en':
      'Rédigez le résumé des modifications en anglais : les lecteurs de l’historique en anglais le voient.',
    'effective-date-invalid': 'Choisissez le jour d’entrée en vigueur de cette version.',
    'effective-date-past':
      'Une version ne peut pas entrer en vigueur dans le passé : choisissez aujourd’hui ({{today}}) ou un jour ultérieur.',
    'number-not-next':
      'Cette version porterait le numéro {{number}}, mais le prochain numéro est {{next}}.',
    'version-exists': 'La version {{number}} existe déjà et ne peut pas être remplacée.',
    'chain-moved':
      'La version {{latest}} a été publiée après la préparation de cette version candidate. Préparez une nouvelle version candidate à partir de la politique.',
    'candidate-stale':
      'La politique a changé après la préparation de cette version candidate ({{sections}}) : la version candidate ne contient pas ces modifications.',
    'self-approval':
      'La personne qui a préparé cette version ne peut pas aussi l’approuver : une autre personne, réviseure juridique, doit le faire.',
    'reviewer-authored-changes':
      'Vous avez rédigé une partie de ce que cette version modifie ({{documents}}) : une autre personne réviseure juridique doit l’approuver.',
    'prepared-by-mismatch':
      'Une version candidate ne peut être attribuée qu’à la personne qui l’enregistre.',
    'approver-not-reviewer': 'L’approbation ne provient pas d’une personne réviseure juridique.',
    'approval-signature-invalid':
      'La signature de l’approbation ne se vérifie pas avec les clés du site : elle n’a pas été donnée par le site.',
    'publication-signature-invalid':
      'La signature de la publication ne se vérifie pas avec les clés du site : elle n’a pas été faite par le site.',
    'record-differs-from-approval':
      'Cette version n’est plus celle qui a été approuvée (son texte, son résumé des modifications, sa date d’entrée en vigueur ou ses liens ont changé). Une personne réviseure juridique doit l’approuver de nouveau.',
    'link-audit-mismatch':
      'La liste des liens vers d’autres sites ne correspond pas au texte de la version.',
    'history-does-not-verify':
      'La version {{number}} de l’historique publié ne se vérifie pas : aucune nouvelle version ne peut la suivre avant que le service juridique ait examiné la situation.',
    'history-anomaly':
      'L’historique contient un document qui n’est pas une version valide ({{id}}) : rien n’est approuvé ni publié avant qu’un éditeur le retire et que le service juridique ait examiné la situation.',
    'history-rolled-back':
      'La version {{number}}, que le site avait vérifiée, manque à la source du contenu : l’historique a été ramené en arrière. Rien n’est approuvé ni publié avant qu’elle soit rétablie, ou qu’un responsable de l’exploitation accepte l’historique tel qu’il est.',
    'published-immutable': 'La version {{number}} est publiée et ne peut plus être modifiée.',
    'reserved-for-signing-service':
      'Les approbations et les publications ne sont écrites que par le site, qui les signe : utilisez Approuver ou Publier dans le Studio.',
    'approval-changes-only-approval':
      'Une approbation ne peut rien modifier d’autre que l’approbation elle-même.',
    'restored-version-unverified':
      'La version {{number}} ne se vérifie pas ({{problem}}) : elle a été modifiée après sa signature, ne suit pas la version qui la précède ou a été signée avec une clé que ce projet ne reconnaît pas. Rien n’a été enregistré.',
    'version-invalid':
      '« {{id}} » deviendrait une version qui n’en est pas une ({{reason}}) : une version publiée est enregistrée sous version- suivi de son numéro, avec tous les champs d’une version. Rien n’a été enregistré; une personne qui édite peut supprimer ce qui s’y trouve.',
  },
}

function params(refusal: Refusal): Record<string, string | number> {
  return 'params' in refusal ? refusal.params : {}
}

/** A refusal in plain words, in one language. */
export function refusalMessage(refusal: Refusal, language: Language): string {
  const values = params(refusal)
  return REFUSAL_MESSAGES[language][refusal.code].replace(
    /\{\{(\w+)\}\}/g,
    (whole, name: string) => (name in values ? String(values[name]) : whole),
  )
}

/** The JSON body of a refusal, as the site's endpoints answer it. */
export interface RefusalBody {
  error: {
    type: 'signoffRefusal'
    code: RefusalCode
    params: Record<string, string | number>
    description: string
    descriptions: Record<Language, string>
  }
}

export function refusalBody(refusal: Refusal): RefusalBody {
  return {
    error: {
      type: 'signoffRefusal',
      code: refusal.code,
      params: params(refusal),
      description: refusalMessage(refusal, 'en'),
      descriptions: {fr: refusalMessage(refusal, 'fr'), en: refusalMessage(refusal, 'en')},
    },
  }
}

/** A refusal to be thrown and answered as one: its code decides the status. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalMessage(refusal, 'en'))
    this.name = 'RefusalError'
  }

  get status(): number {
    return REFUSAL_STATUS[this.refusal.code]
  }
}

export function refuse(refusal: Refusal): never {
  throw new RefusalError(refusal)
}
