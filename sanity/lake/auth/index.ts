/**
 * Who may call the lake: the local users and their tokens, and the origins browsers may call it
 * from.
 */

export {AllowedOrigins} from './origins'
export {
  Authenticator,
  currentUser,
  ensureLocalUsers,
  newToken,
  operatorUser,
  publicUser,
  readLocalUsers,
  SYSTEM_USER_ID,
  systemUser,
  usersFile,
  type LocalUser,
} from './users'
export {
  malformedPeople,
  OPERATOR_PREFIX,
  PEOPLE_PREFIX,
  PERSON_TYPE,
  PeopleDirectory,
  peopleRules,
  tokenHash,
  type PeopleAnswer,
  type PeopleCommand,
  type PersonSummary,
} from './people'
export {
  type ConfiguredServiceTokens,
  ensureServices,
  readServices,
  SERVICES_FILE,
  ServiceDirectory,
  type ServiceIdentity,
  type ServiceKind,
} from './services'
