import { describe, expect, it } from 'vitest';
import { JaasSyntaxError, parseJaasConfig } from '../../../src/config/jaas.js';
import { thrown } from '../../support/thrown.js';

const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule';

function options(text: string): Record<string, string> {
  return Object.fromEntries(parseJaasConfig(text).options);
}

function syntaxError(text: string): JaasSyntaxError {
  return thrown(JaasSyntaxError, () => parseJaasConfig(text));
}

describe('parseJaasConfig: Java syntax, as Kafka reads it', () => {
  it('reads a login module, its control flag and its options', () => {
    const entry = parseJaasConfig(`${SCRAM} required username="alice" password="alice-secret";`);
    expect(entry.loginModule).toBe(SCRAM);
    expect(entry.controlFlag).toBe('required');
    expect(Object.fromEntries(entry.options)).toEqual({ username: 'alice', password: 'alice-secret' });
  });

  it('takes every control flag, in any case', () => {
    for (const flag of ['required', 'REQUISITE', 'Sufficient', 'optional']) {
      expect(parseJaasConfig(`M ${flag};`).controlFlag).toBe(flag.toLowerCase());
    }
  });

  it('reads quoted values with Java escapes: quotes, backslashes, \\n, \\t, octal; other escapes are the character', () => {
    expect(options(String.raw`M required a="say \"hi\"" b="back\\slash" c="l1\nl2\tx" d="\101\60" e="\q\=";`)).toEqual({
      a: 'say "hi"', b: 'back\\slash', c: 'l1\nl2\tx', d: 'A0', e: 'q=',
    });
  });

  it("reads single quotes, unquoted words, and characters that end a word only when quoted (= ; spaces)", () => {
    expect(options(`M required a='it"s' b=plain-word_1.2$ c="x=y; z" d="";`)).toEqual({ a: 'it"s', b: 'plain-word_1.2$', c: 'x=y; z', d: '' });
  });

  it('skips whitespace, line breaks and // and /* */ comments, as a properties file continuation leaves them', () => {
    const text = `${SCRAM} /* the login module */ required\n   username="u" // the user\n\tpassword="p" ;`;
    expect(options(text)).toEqual({ username: 'u', password: 'p' });
  });

  it('keeps the last value of a repeated option, as Java does', () => {
    expect(options('M required password="a" password="b";')).toEqual({ password: 'b' });
  });

  it('takes an entry without options', () => {
    expect(options('M required;')).toEqual({});
  });
});

describe('parseJaasConfig: errors say where, never quote the text', () => {
  it.each([
    ['', 'it names no login module'],
    ['  /* only a comment */ ', 'it names no login module'],
    ['M', 'the login module control flag (required, requisite, sufficient or optional) is missing'],
    ['M mandatory;', 'the login module control flag is not one of required, requisite, sufficient, optional'],
    ['"M" required;', 'entry 1 does not start with a login module class name'],
    ['M required username="u" password="p"', 'the entry does not end with a semicolon (;)'],
    ['M required username "u";', "option 'username' has no '=' after its name"],
    ['M required password=;', "option 'password' has no value"],
    ['M required password=', "option 'password' has no value"],
    ['M required "p"=x;', 'option 1 does not start with a name (key=value)'],
    ['M required password="never closed;', 'a quoted value is not closed on its line'],
    ['M required password="line\nbreak";', 'a quoted value is not closed on its line'],
    ['M required /* never closed', 'a /* comment is not closed'],
    ['A required; B required;', 'it holds 2 login modules; Kafka takes exactly 1'],
  ])('%j', (text, message) => {
    expect(syntaxError(text).message).toBe(message);
  });

  it('names an unknown option by its position, since it could be a misplaced secret', () => {
    expect(syntaxError('M required username="u" hunter2 x;').message).toBe("option 2 has no '=' after its name");
  });

  it('never holds a value of the config', () => {
    for (const text of ['M required username="u" password="s3cret-value"', 'M required password="s3cret-value" x;', 's3cret-value']) {
      expect(syntaxError(text).message).not.toContain('s3cret-value');
    }
  });
});
