import {li, p, type VersionDraft} from './portableText'

/**
 * Version 1: the policy as the organisation first published it. The English is the text of
 * `../source/privacy-policy.en.txt` word for word, slips included, because a published version is
 * a historical record. The French says what that English says, in Québec French.
 *
 * The source's list of contents after “Our policy includes the following elements:” is not
 * stored: the site generates a linked table of contents from the sections in its place.
 */
export const version1: VersionDraft = {
  number: 1,
  effectiveDate: '2016-03-01',
  publishedAt: '2016-02-15T14:00:00Z',
  changeSummary: {
    fr: 'Première version publiée.',
    en: 'First published version.',
  },
  preparedAt: '2016-02-08T15:00:00Z',
  approvedAt: '2016-02-12T19:00:00Z',
  content: {
    title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
    organisationName: 'groupe (e)space',
    introduction: {
      fr: [
        p(
          'Nous vous remercions de visiter le site Web du groupe (e)space et de prendre connaissance de notre politique de confidentialité. La protection de votre vie privée est importante pour nous. Le groupe (e)space s’engage à protéger la confidentialité, la sécurité et l’exactitude des renseignements personnels qu’il recueille, utilise ou communique, conformément à la législation applicable.',
        ),
        p(
          'Nous vous invitons à lire attentivement notre politique de confidentialité et à la consulter régulièrement afin de prendre connaissance des modifications qui pourraient y être apportées.',
        ),
        p('Notre politique comprend les éléments suivants :'),
      ],
      en: [
        p(
          'Thank you for visiting the groupe (e)space website and for reading our privacy policy. The protection of your privacy is important to us. groupe (e)space is committed to protecting the confidentiality, security and accuracy of the personal information that it collects, uses or discloses in accordance with applicable legislation.',
        ),
        p(
          'We invite you to read our privacy policy carefully and to refer to it regularly for any changes that may be made.',
        ),
        p('Our policy includes the following elements:'),
      ],
    },
    sections: [
      {
        // The source gives this section no heading; its list of contents calls it “cookies”.
        key: 'cookies',
        title: {fr: 'Témoins', en: 'Cookies'},
        body: {
          fr: [
            p(
              'Un témoin temporaire est nécessaire pour faciliter la session de navigation dans toutes les pages de ce site. Ce témoin est conservé dans la mémoire vive de votre ordinateur et est automatiquement supprimé lorsque vous vous déconnectez d’Internet. De plus, aucune partie de ce fichier témoin ne persiste ni n’est utilisée par le groupe (e)space à des fins autres que celles décrites ci-dessus.',
            ),
          ],
          en: [
            p(
              'A temporary cookie is required to facilitate the browsing session in all pages of this site. This cookie is part of your computer’s RAM and is automatically deleted when you log off from the Internet. In addition, no part of this control file persists or is used by Group (e)space for purposes other than those described above.',
            ),
          ],
        },
      },
      {
        key: 'automatically-transmitted-data',
        title: {fr: 'Données transmises automatiquement', en: 'Automatically transmitted data'},
        body: {
          fr: [
            p(
              'Dès que vous accédez à notre site Web, certaines données sont transmises automatiquement entre votre ordinateur et le serveur de l’entreprise privée qui héberge notre site.',
            ),
            p(
              'Veuillez noter que ces données ne nous permettent pas de vous identifier personnellement, sauf dans des cas exceptionnels ; elles sont recueillies en raison des exigences technologiques de la navigation sur Internet et ne sont utilisées qu’à des fins statistiques.',
            ),
            p(
              'Lors d’une visite sur notre site, les données suivantes sont échangées entre votre ordinateur et le serveur qui héberge notre site :',
            ),
            li(
              'le nom de votre domaine Internet et l’adresse IP à partir de laquelle vous accédez au site Web du groupe (e)space (l’adresse IP est le numéro attribué à votre ordinateur par votre fournisseur d’accès Internet chaque fois que vous naviguez sur Internet) ;',
            ),
            li(
              'le type de navigateur et le type de système d’exploitation que vous utilisez pour accéder au site ;',
            ),
            li('la date et l’heure auxquelles vous accédez au site ;'),
            li('les pages que vous consultez ;'),
            li(
              'l’adresse du site à partir duquel vous accédez au site, si vous vous trouvez sur un autre site lorsque vous choisissez de visiter notre site (cet autre site est appelé « site référent »).',
            ),
            p(
              'Ces données sont nécessaires pour que le serveur puisse vous transmettre un fichier compatible avec votre matériel informatique. De plus, le groupe (e)space conserve de façon anonyme les renseignements dont il a besoin pour établir le nombre de visiteurs, les pages les plus consultées, la technologie utilisée, les sites référents et le pays d’origine des internautes.',
            ),
          ],
          en: [
            p(
              'As soon as you access our website, some data is transmitted automatically between your computer and the server of the private firm hosting our site.',
            ),
            p(
              'Please note that this data does not allow us to identify you personally, except in exceptional cases; but are collected under the technological requirements of Internet browsing and are used only for statistical purposes.',
            ),
            p(
              'During a visit to our site, the following data is the one exchanged between your computer and the server hosting our site:',
            ),
            li(
              'the name of your Internet domain and the IP address from which you access the Group (e) space website (the IP address is the number assigned to your computer by your ISP each time you browse Internet);',
            ),
            li(
              'the type of browser and the type of operating system that you use to access the site;',
            ),
            li('the date and time when you access the site;'),
            li('the pages you visit;'),
            li(
              'the address of the site from which you access the site, if you are in another site when you choose to visit our site (this other site is referred to as the “referring site”).',
            ),
            p(
              'This data is necessary for the server to send you a file compatible with your computer equipment. In addition, groupe (e)space anonymously keeps the information it needs to count the number of visitors, the most visited pages, the technology used, referring sites and the country of origin of Internet users.',
            ),
          ],
        },
      },
      {
        key: 'transmission-of-personal-information',
        title: {
          fr: 'Transmission de renseignements personnels',
          en: 'Transmission of personal information',
        },
        body: {
          fr: [
            p(
              'Nous tenons à attirer votre attention sur le fait que la transmission de renseignements par notre site Web ou par courriel n’est pas sécurisée. Nous vous conseillons donc de ne pas communiquer de renseignements personnels ou, si vous le faites, de prendre les mesures de sécurité appropriées.',
            ),
            p(
              'Toutefois, si vous décidez de nous transmettre des renseignements personnels (en nous envoyant un message par courriel, en vous abonnant à nos listes de diffusion ou en remplissant un formulaire que vous nous soumettez par notre site), nous tenons à vous informer que :',
            ),
            li(
              'nous n’utiliserons que les renseignements nécessaires pour répondre à votre message ; seules les personnes qui ont qualité pour les recevoir au sein du groupe (e)space ont accès à ces renseignements, et elles ne peuvent les consulter que lorsque cela est nécessaire à l’exercice de leurs fonctions ;',
            ),
            li(
              'les renseignements personnels détenus par le groupe (e)space ne sont utilisés qu’aux fins pour lesquelles ils ont été recueillis. Ils sont archivés ou détruits selon des procédés sécuritaires lorsqu’ils ne sont plus nécessaires ;',
            ),
            li(
              'les renseignements personnels que vous nous transmettez ne sont communiqués à une personne ou à un organisme que dans les cas où la loi autorise une telle communication ;',
            ),
            li(
              'si vous nous transmettez une demande et des renseignements personnels qui auraient dû être adressés à un autre organisme, nous vous indiquerons le nom de l’organisme auquel vous devez l’adresser et nous détruirons les renseignements que vous nous avez fournis.',
            ),
            p(
              'Vous pouvez en tout temps annuler votre abonnement à l’une de nos listes de diffusion.',
            ),
            p(
              'Conformément à la Loi sur l’accès aux documents des organismes publics et sur la protection des renseignements personnels, tout organisme qui demande des renseignements personnels doit s’assurer que ces renseignements sont recueillis. S’il nous arrive de vous demander des renseignements personnels, nous vous informerons :',
            ),
            li(
              'du nom et de l’adresse de l’organisme public au nom de qui la collecte est faite ;',
            ),
            li('des fins pour lesquelles ces renseignements sont recueillis ;'),
            li('des catégories de personnes qui auront accès à ces renseignements ;'),
            li('du caractère obligatoire ou facultatif de la demande ;'),
            li(
              'des conséquences, pour la personne concernée ou, selon le cas, pour le tiers, d’un refus de répondre à la demande ;',
            ),
            li('des droits d’accès et de rectification prévus par la loi.'),
          ],
          en: [
            p(
              'We wish to bring to your attention the fact that the transmission of information through our website or by e-mail is not secure. You are therefore advised not to disclose personal information, or if you do, to take appropriate security measures.',
            ),
            p(
              'However, if you decide to send us personal information (by sending us a message by email, subscribing to our mailing lists, or filling out a form that you submit to us through our site), we would like to advise you than :',
            ),
            li(
              'we will only use the information needed to respond to your message; only persons who are qualified to receive it within the groupe (e) space have access to this information and they may consult it only when it is necessary for the performance of their duties;',
            ),
            li(
              'personal information held by groupe (e)space is used solely for the purpose for which it was collected. They are archived or destroyed by safe processes when they are no longer needed;',
            ),
            li(
              'the personal information that you transmit to us is disclosed to a person or organization only in those cases where such disclosure is authorized by law;',
            ),
            li(
              'If you provide us with an application and personal information that should have been disclosed to another organization, we will inform you of the name of the organization to whom you must provide it and we will destroy the information you have provided.',
            ),
            p('At any time, you can cancel your subscription to one of our mailing lists.'),
            p(
              'In accordance with the Act Respecting Access to Documents Held by Public Bodies and the Protection of Personal Information, any organization that asks for personal information must ensure that this information is collected. If we happen to ask you for personal information, you will be informed about:',
            ),
            li('the name and address of the public body on whose behalf the collection is made;'),
            li('the purposes for which the information is collected;'),
            li('categories of persons who will have access to this information;'),
            li('the mandatory or optional nature of the application;'),
            li(
              'consequences that may involve the person concerned, or in the case involving a third party, a refusal to respond to the request;',
            ),
            li('rights of access and rectification provided by law.'),
          ],
        },
      },
      {
        key: 'links-to-other-sites',
        title: {fr: 'Liens vers d’autres sites', en: 'Links to other sites'},
        body: {
          fr: [
            p(
              'Sur notre site, vous trouverez des liens vers d’autres sites Web, ainsi que vers ceux de partenaires et de groupes d’intérêt. Lorsque vous cliquez sur ces liens, les sites liés s’affichent dans une nouvelle fenêtre. Lorsque vous consultez des sites autres que celui du groupe (e)space, veuillez garder à l’esprit qu’ils ne sont pas assujettis à la présente politique de confidentialité.',
            ),
          ],
          en: [
            p(
              'In our site, you will find links to other websites, as well as partners and interest groups. When you click on these links, the sites that are connected will be presented in a new window. When accessing other sites than the groupe (e)space, please remember that they are not subject to this Privacy Policy.',
            ),
          ],
        },
      },
    ],
  },
}
