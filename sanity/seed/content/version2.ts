import {li, link, p, type SectionDraft, type VersionDraft} from './portableText'
import {revise} from './revise'
import {version1} from './version1'

/**
 * Version 2, the current one: version 1 with its slips corrected (each fix below names the exact
 * words it replaces, everything else is unchanged) and two sections that version 1's list of
 * contents announced but its page never had.
 */

const before = version1.content

const commentsOrQuestions: SectionDraft = {
  key: 'comments-or-questions',
  title: {
    fr: 'Commentaires ou questions sur la politique de confidentialité',
    en: 'Comments or questions about the privacy policy',
  },
  body: {
    fr: [
      p(
        'Pour toute question ou tout commentaire sur la présente politique de confidentialité ou sur la protection de vos renseignements personnels, ou pour exercer vos droits d’accès et de rectification, veuillez communiquer avec la personne responsable de la protection des renseignements personnels du groupe (e)space :',
      ),
      li(
        'par courriel : ',
        link('confidentialite@example.org', 'mailto:confidentialite@example.org'),
        ' ;',
      ),
      li('par téléphone : ', link('514 555-0123', 'tel:+15145550123'), ' ;'),
      li(
        'par la poste : Responsable de la protection des renseignements personnels, groupe (e)space, 1000, rue de l’Exemple, Montréal (Québec) H0H 0H0.',
      ),
    ],
    en: [
      p(
        'If you have comments or questions about this privacy policy or about the protection of your personal information, or if you wish to exercise your rights of access and rectification, please contact the person in charge of the protection of personal information at groupe (e)space:',
      ),
      li(
        'by email: ',
        link('confidentialite@example.org', 'mailto:confidentialite@example.org'),
        ';',
      ),
      li('by telephone: ', link('514-555-0123', 'tel:+15145550123'), ';'),
      li(
        'by mail: Person in charge of the protection of personal information, groupe (e)space, 1000 Example Street, Montréal, Quebec H0H 0H0.',
      ),
    ],
  },
}

const learnMoreAboutPrivacy: SectionDraft = {
  key: 'learn-more-about-privacy',
  title: {
    fr: 'Pour en savoir plus sur la protection des renseignements personnels',
    en: 'To learn more about privacy',
  },
  body: {
    fr: [
      p(
        'Pour en savoir plus sur la protection des renseignements personnels et sur vos droits, consultez :',
      ),
      li(
        'le texte officiel de la ',
        link(
          'Loi sur l’accès aux documents des organismes publics et sur la protection des renseignements personnels',
          'https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1',
        ),
        ', sur LégisQuébec ;',
      ),
      li(
        'le site Web de la ',
        link('Commission d’accès à l’information du Québec', 'https://www.cai.gouv.qc.ca/'),
        ', qui veille à l’application de cette loi et à laquelle vous pouvez adresser une plainte ou une demande de révision.',
      ),
    ],
    en: [
      p(
        'To learn more about the protection of personal information and about your rights, consult:',
      ),
      li(
        'the official text of the ',
        link(
          'Act respecting Access to documents held by public bodies and the Protection of personal information',
          'https://www.legisquebec.gouv.qc.ca/en/document/cs/A-2.1',
        ),
        ', on LégisQuébec;',
      ),
      li(
        'the website of the ',
        link('Commission d’accès à l’information du Québec', 'https://www.cai.gouv.qc.ca/english/'),
        ', which oversees the application of this Act and to which you may submit a complaint or an application for review.',
      ),
    ],
  },
}

export const version2: VersionDraft = {
  number: 2,
  effectiveDate: '2026-10-01',
  publishedAt: '2026-09-15T14:00:00Z',
  changeSummary: {
    fr: 'Ajout de la section « Commentaires ou questions sur la politique de confidentialité », qui indique comment joindre la personne responsable de la protection des renseignements personnels, et de la section « Pour en savoir plus sur la protection des renseignements personnels », qui renvoie au texte de la Loi et au site de la Commission d’accès à l’information du Québec. Correction de la phrase sur la collecte de renseignements personnels : la Loi exige d’informer la personne concernée. Correction de coquilles et de formulations maladroites dans la version anglaise, dont le nom de l’organisation, désormais écrit « groupe (e)space » partout.',
    en: 'Added the section “Comments or questions about the privacy policy”, which explains how to reach the person in charge of the protection of personal information, and the section “To learn more about privacy”, with links to the text of the Act and to the website of the Commission d’accès à l’information du Québec. Corrected the sentence on the collection of personal information: the Act requires that the person concerned be informed. Corrected typos and awkward wording in the English version, including the organization’s name, now written “groupe (e)space” throughout.',
  },
  preparedAt: '2026-09-10T16:00:00Z',
  approvedAt: '2026-09-12T18:30:00Z',
  content: {
    ...before,
    // Each fix: [words of version 1, words of version 2].
    sections: [
      revise(before, 'cookies', {
        en: [
          ['no part of this control file persists', 'no part of this cookie persists'],
          ['used by Group (e)space', 'used by groupe (e)space'],
        ],
      }),
      revise(before, 'automatically-transmitted-data', {
        en: [
          [
            'cases; but are collected under the technological requirements of Internet browsing and are used only',
            'cases; it is collected because of the technological requirements of Internet browsing and is used only',
          ],
          ['the following data is the one exchanged', 'the following data is exchanged'],
          ['access the Group (e) space website', 'access the groupe (e)space website'],
          ['each time you browse Internet', 'each time you browse the Internet'],
          ['if you are in another site', 'if you are on another site'],
        ],
      }),
      revise(before, 'transmission-of-personal-information', {
        fr: [
          [
            'doit s’assurer que ces renseignements sont recueillis',
            'doit informer la personne concernée',
          ],
        ],
        en: [
          ['or by e-mail is not secure', 'or by email is not secure'],
          ['advise you than :', 'advise you that:'],
          ['within the groupe (e) space have access', 'within groupe (e)space have access'],
          [
            'They are archived or destroyed by safe processes when they are no longer needed;',
            'It is archived or destroyed by secure processes when it is no longer needed;',
          ],
          [
            'If you provide us with an application and personal information that should have been disclosed to another organization, we will inform you of the name of the organization to whom you must provide it',
            'if you send us a request and personal information that should have been sent to another organization, we will inform you of the name of the organization to which you must send it',
          ],
          [
            'Act Respecting Access to Documents Held by Public Bodies and the Protection of Personal Information',
            'Act respecting Access to documents held by public bodies and the Protection of personal information',
          ],
          ['must ensure that this information is collected', 'must inform the person concerned'],
          ['categories of persons', 'the categories of persons'],
          ['optional nature of the application', 'optional nature of the request'],
          [
            'consequences that may involve the person concerned, or in the case involving a third party, a refusal',
            'the consequences for the person concerned or, as the case may be, for the third party, of a refusal',
          ],
          [
            'rights of access and rectification provided',
            'the rights of access and rectification provided',
          ],
        ],
      }),
      revise(before, 'links-to-other-sites', {
        en: [
          [
            'In our site, you will find links to other websites, as well as partners',
            'On our site, you will find links to other websites, including those of partners',
          ],
          [
            'the sites that are connected will be presented in a new window',
            'the linked sites will open in a new window',
          ],
          [
            'When accessing other sites than the groupe (e)space,',
            'When accessing sites other than the groupe (e)space website,',
          ],
          ['this Privacy Policy.', 'this privacy policy.'],
        ],
      }),
      commentsOrQuestions,
      learnMoreAboutPrivacy,
    ],
  },
}
