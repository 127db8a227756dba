import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { listen } from './listen.js';

interface IssuerKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function newKey(kid: string): Promise<IssuerKey> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** A stand-in external identity provider on loopback: an RS256 key set served over HTTP, and a signer. */
export async function startLocalIssuer() {
  let keys = [await newKey('ext-1')];
  let fetches = 0;
  const app = express();
  app.get('/jwks', (_req, res) => {
    fetches += 1;
    res.json({ keys: keys.map((key) => key.publicJwk) });
  });
  const served = await listen(app);
  return {
    jwksUrl: `${served.url}/jwks`,
    close: served.close,
    fetchCount: () => fetches,
    /** Publishes a new key beside the old one and signs with it from now on. */
    rotate: async (kid: string) => {
      keys = [await newKey(kid), ...keys];
    },
    sign: async (payload: JWTPayload): Promise<string> => {
      const [current] = keys;
      if (current === undefined) throw new Error('no key');
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: current.kid }).sign(current.privateKey);
    },
  };
}
