export { StaticTokenAuthenticator, type StaticToken } from './static-token-authenticator.js';
