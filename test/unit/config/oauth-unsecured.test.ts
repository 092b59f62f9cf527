import { describe, expect, it } from 'vitest';
import { parseJaasConfig } from '../../../src/config/jaas.js';
import { UnsecuredTokenError, javaDouble, unsecuredExtensions, unsecuredJws } from '../../../src/config/oauth-unsecured.js';

// Every expected token below was printed by Kafka 4.1.1's OAuthBearerUnsecuredLoginCallbackHandler (on JDK 17),
// configured from the same sasl.jaas.config with its clock fixed at NOW_MS.
const NOW_MS = 1764647456789;
const MODULE = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule';
const optionsOf = (jaasOptions: string) => [...parseJaasConfig(`${MODULE} required ${jaasOptions};`).options];
const claimsOf = (token: string) => Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8');

describe('unsecured JWS tokens, byte for byte as Java builds them', () => {
  it('a principal only: the header, exp (an hour on) and iat in Java\'s number format, no signature', () => {
    expect(unsecuredJws(optionsOf('unsecuredLoginStringClaim_sub="alice"'), NOW_MS)).toBe(
      'eyJhbGciOiJub25lIn0.eyJleHAiOjEuNzY0NjUxMDU2Nzg5RTksImlhdCI6MS43NjQ2NDc0NTY3ODlFOSwic3ViIjoiYWxpY2UifQ.');
  });

  it('string, number and list claims in the order of Java\'s HashMap, a lifetime, and an extension', () => {
    const options = optionsOf('unsecuredLoginStringClaim_sub="alice" unsecuredLoginNumberClaim_n="2" unsecuredLoginListClaim_scope="|a|b" '
      + 'unsecuredLoginStringClaim_tenant="t1" unsecuredLoginLifetimeSeconds="60" unsecuredLoginExtension_traceId="123"');
    const token = unsecuredJws(options, NOW_MS);
    expect(token).toBe('eyJhbGciOiJub25lIn0.eyJleHAiOjEuNzY0NjQ3NTE2Nzg5RTksImlhdCI6MS43NjQ2NDc0NTY3ODlFOSwic2NvcGUiOlsiYSIsImIiXSwidGVuYW50IjoidDEiLCJuIjoyLjAsInN1YiI6ImFsaWNlIn0.');
    expect(claimsOf(token)).toBe('{"exp":1.764647516789E9,"iat":1.764647456789E9,"scope":["a","b"],"tenant":"t1","n":2.0,"sub":"alice"}');
    expect(unsecuredExtensions(options)).toEqual({ traceId: '123' });
  });

  it('fourteen options: the order after the HashMap grows its table', () => {
    const options = optionsOf(['unsecuredLoginStringClaim_sub="alice"', ...'abcdefghijklm'.split('').map((c) => `unsecuredLoginStringClaim_c${c}="${c}"`)].join(' '));
    expect(claimsOf(unsecuredJws(options, NOW_MS))).toBe('{"exp":1.764651056789E9,"iat":1.764647456789E9,"ck":"k","cj":"j","cm":"m","cl":"l","sub":"alice",'
      + '"ca":"a","cc":"c","cb":"b","ce":"e","cd":"d","cg":"g","cf":"f","ci":"i","ch":"h"}');
  });

  it('another principal claim name, escapes, numbers in both notations, lists with empty elements', () => {
    const options = optionsOf('unsecuredLoginStringClaim_sub="a\\\\b" unsecuredLoginNumberClaim_big="12345678901" unsecuredLoginNumberClaim_small="0.0001" '
      + 'unsecuredLoginListClaim_l=",x,,y," unsecuredLoginListClaim_e="|" unsecuredLoginPrincipalClaimName="user" unsecuredLoginStringClaim_user="bob"');
    expect(claimsOf(unsecuredJws(options, 1000))).toBe('{"exp":3601.0,"iat":1.0,"e":[],"l":["x","","y",""],"user":"bob","sub":"a\\\\b","big":1.2345678901E10,"small":1.0E-4}');
    expect(claimsOf(unsecuredJws(optionsOf('unsecuredLoginStringClaim_sub="x" unsecuredLoginListClaim_l="||a"'), NOW_MS)))
      .toBe('{"exp":1.764651056789E9,"iat":1.764647456789E9,"l":["","a",""],"sub":"x"}');
    expect(claimsOf(unsecuredJws(optionsOf('unsecuredLoginStringClaim_sub="x" unsecuredLoginNumberClaim_n=" 1e3 "'), NOW_MS)))
      .toBe('{"exp":1.764651056789E9,"iat":1.764647456789E9,"n":1000.0,"sub":"x"}');
    expect(claimsOf(unsecuredJws(optionsOf('unsecuredLoginStringClaim_sub="x" unsecuredLoginLifetimeSeconds="+5"'), NOW_MS)))
      .toBe('{"exp":1.764647461789E9,"iat":1.764647456789E9,"sub":"x"}');
  });

  it.each([
    ['no principal', 'unsecuredLoginStringClaim_user="bob"', /no principal name: set unsecuredLoginStringClaim_sub/],
    ['an empty principal', 'unsecuredLoginStringClaim_sub=" "', /no principal name/],
    ['a number principal', 'unsecuredLoginNumberClaim_sub="3"', /must be a string claim/],
    ['a number that is not one', 'unsecuredLoginStringClaim_sub="bob" unsecuredLoginNumberClaim_n="x"', /^unsecuredLoginNumberClaim_n is not a number$/],
    ['a lifetime with a space', 'unsecuredLoginStringClaim_sub="bob" unsecuredLoginLifetimeSeconds=" 60"', /unsecuredLoginLifetimeSeconds is not a whole number/],
    ['a reserved claim', 'unsecuredLoginStringClaim_exp="1"', /the 'exp' claim cannot be set/],
  ])('refuses %s, as Java does', (_name, options, message) => {
    expect(() => unsecuredJws(optionsOf(options), NOW_MS)).toThrow(UnsecuredTokenError);
    expect(() => unsecuredJws(optionsOf(options), NOW_MS)).toThrow(message);
  });

  it('refuses the extension names and values Kafka refuses', () => {
    expect(() => unsecuredExtensions(optionsOf('unsecuredLoginExtension_auth="1"'))).toThrow(/extension name 'auth' is invalid/);
    expect(() => unsecuredExtensions(optionsOf('unsecuredLoginExtension_tr1="1"'))).toThrow(/extension name 'tr1' is invalid/);
    expect(() => unsecuredExtensions(optionsOf('unsecuredLoginExtension_t="\u00e9"'))).toThrow(/value is invalid/);
  });

  it('formats numbers as Java\'s Double.toString', () => {
    expect([0, -0, 1, 3600, 0.001, 0.0001, 9999999, 1e7, 1.5e-7, -2.5, 1764647456.789, 1e21].map(javaDouble))
      .toEqual(['0.0', '-0.0', '1.0', '3600.0', '0.001', '1.0E-4', '9999999.0', '1.0E7', '1.5E-7', '-2.5', '1.764647456789E9', '1.0E21']);
  });
});
