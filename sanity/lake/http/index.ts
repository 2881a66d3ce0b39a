/**
 * The HTTP surface: the routes of Sanity's HTTP API over the layers below, bodies, answers, CORS,
 * the certificate of the HTTP/2 listener and the root page.
 */

export {createLakeHandler} from './app'
export {ClientLedger} from './clients'
export {LakeState} from './context'
export {ensureCertificate} from './tls'
export {welcomePage} from './welcomePage'
export {
  OPERATOR_ACCOUNT_HEADER,
  OPERATOR_HEADER,
  openOperatorDoor,
  operatorFile,
  operatorSecret,
  peopleRoutes,
  type OperatorDoor,
} from './peopleRoutes'
