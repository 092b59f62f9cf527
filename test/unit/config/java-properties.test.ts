import { describe, expect, it } from 'vitest';
import { parseJavaProperties } from '../../../src/config/java-properties.js';

const parse = (text: string) => Object.fromEntries(parseJavaProperties(text));

describe('parseJavaProperties', () => {
  it('reads key=value lines', () => {
    expect(parse('acks=all\nlinger.ms=10\n')).toEqual({ 'acks': 'all', 'linger.ms': '10' });
  });

  it('skips # and ! comment lines, indented ones too, and blank lines', () => {
    const text = '# a comment\n! another = comment\n   # indented comment\n\t! tab comment\n\n   \nacks=1\n';
    expect(parse(text)).toEqual({ acks: '1' });
  });

  it('keeps # and ! that are not at the start of a line', () => {
    expect(parse('password=abc#def!ghi\n')).toEqual({ password: 'abc#def!ghi' });
  });

  it('does not continue a comment line that ends with a backslash', () => {
    expect(parse('# comment \\\nacks=1\n')).toEqual({ acks: '1' });
  });

  it('separates key and value by =, : or white space, with white space around the separator', () => {
    expect(parse('a=1\nb:2\nc 3\nd\t4\ne = 5\nf : 6\ng   7\nh\f8\n')).toEqual({
      a: '1', b: '2', c: '3', d: '4', e: '5', f: '6', g: '7', h: '8',
    });
  });

  it('takes only the first separator: a second = or : belongs to the value', () => {
    expect(parse('a==1\nb=:2\nc : = 3\nd=x=y\nurl=http://host:80/\n')).toEqual({
      a: '=1', b: ':2', c: '= 3', d: 'x=y', url: 'http://host:80/',
    });
  });

  it('drops leading white space of the line and keeps trailing white space of the value', () => {
    expect(parse('   key = value  \n')).toEqual({ key: 'value  ' });
  });

  it('gives an empty value to a key alone, or a key with a separator and nothing after', () => {
    expect(parse('alone\nempty=\ncolon:\nspaced =   \n')).toEqual({ alone: '', empty: '', colon: '', spaced: '' });
  });

  it('unescapes \\t \\n \\r \\f and \\uXXXX in values', () => {
    expect(parse('v=a\\tb\\nc\\rd\\fe\nu=caf\\u00e9 \\u20AC\n')).toEqual({ v: 'a\tb\nc\rd\fe', u: 'café €' });
  });

  it('reads any other escaped character as itself, and \\\\ as one backslash', () => {
    expect(parse('v=\\a\\b\\#\\!\\\\\n')).toEqual({ v: 'ab#!\\' });
  });

  it('lets escaped separators and spaces be part of a key', () => {
    expect(parse('a\\=b=1\nc\\:d:2\ne\\ f 3\ng\\\\=4\n')).toEqual({ 'a=b': '1', 'c:d': '2', 'e f': '3', 'g\\': '4' });
  });

  it('unescapes \\uXXXX in keys', () => {
    expect(parse('k\\u0041y=1\n')).toEqual({ kAy: '1' });
  });

  it('rejects a malformed \\uXXXX escape', () => {
    expect(() => parseJavaProperties('v=\\u12G4\n')).toThrow(/is not a \\uxxxx escape/);
    expect(() => parseJavaProperties('v=\\u12\n')).toThrow(/is not a \\uxxxx escape/);
  });

  it('joins a line that ends with an odd number of backslashes to the next one', () => {
    expect(parse('list=a,\\\nb,\\\nc\nnext=1\n')).toEqual({ list: 'a,b,c', next: '1' });
    expect(parse('v=x\\\\\\\ny\n')).toEqual({ v: 'x\\y' }); // three backslashes: one escaped, one continues
  });

  it('does not join a line that ends with an even number of backslashes', () => {
    expect(parse('v=x\\\\\nw=y\n')).toEqual({ v: 'x\\', w: 'y' });
  });

  it('drops leading white space of continuation lines', () => {
    expect(parse('sasl.jaas.config=Module required \\\n    username="u" \\\n\t password="p";\n')).toEqual({
      'sasl.jaas.config': 'Module required username="u" password="p";',
    });
  });

  it('reads # at the start of a continuation line as data, not a comment', () => {
    expect(parse('v=a\\\n#b\n')).toEqual({ v: 'a#b' });
  });

  it('continues a key onto the next line', () => {
    expect(parse('lin\\\n  ger.ms=5\n')).toEqual({ 'linger.ms': '5' });
  });

  it('ends a continuation at a blank line', () => {
    expect(parse('v=a\\\n\nw=b\n')).toEqual({ v: 'a', w: 'b' });
  });

  it('drops a trailing continuation backslash at the end of the text', () => {
    expect(parse('v=a\\')).toEqual({ v: 'a' });
  });

  it('reads CRLF and CR line endings', () => {
    expect(parse('a=1\r\nb=2\r\n# c=3\r\nd=4\\\r\n  5\r\n')).toEqual({ a: '1', b: '2', d: '45' });
    expect(parse('a=1\rb=2\r')).toEqual({ a: '1', b: '2' });
  });

  it('reads a last line without a newline', () => {
    expect(parse('a=1\nb=2')).toEqual({ a: '1', b: '2' });
  });

  it('keeps the last value of a repeated key', () => {
    expect(parse('acks=0\nacks=1\n')).toEqual({ acks: '1' });
  });

  it('returns nothing for an empty text', () => {
    expect(parseJavaProperties('').size).toBe(0);
  });
});
