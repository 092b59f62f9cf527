import { describe, expect, it } from 'vitest';
import { javaFixed, javaInt } from '../../../src/report/java-format.js';

describe('javaFixed', () => {
  it('rounds the shortest decimal form HALF_UP, as Java does, where toFixed rounds the binary value down', () => {
    expect(javaFixed(1.005, 2)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00'); // the difference that javaFixed exists for
    expect(javaFixed(0.125, 2)).toBe('0.13');
    expect(javaFixed(0.15, 1)).toBe('0.2');
    expect(javaFixed(2.675, 2)).toBe('2.68');
    expect(javaFixed(1.45, 1)).toBe('1.5');
  });

  it('leaves digits alone when rounding is not needed', () => {
    expect(javaFixed(9997.200784, 6)).toBe('9997.200784');
    expect(javaFixed(0.84, 2)).toBe('0.84');
    expect(javaFixed(1.25, 2)).toBe('1.25');
  });

  it('rounds down below a half', () => {
    expect(javaFixed(0.0049, 2)).toBe('0.00');
    expect(javaFixed(1.2344, 3)).toBe('1.234');
    expect(javaFixed(9.9949, 2)).toBe('9.99');
  });

  it('pads with zeros to the requested decimals', () => {
    expect(javaFixed(1.1, 6)).toBe('1.100000');
    expect(javaFixed(123, 6)).toBe('123.000000');
    expect(javaFixed(0, 2)).toBe('0.00');
    expect(javaFixed(184, 2)).toBe('184.00');
    expect(javaFixed(0.1, 20)).toBe('0.10000000000000000000');
  });

  it('prints whole numbers with 0 decimals, rounding HALF_UP and without a point', () => {
    expect(javaFixed(0, 0)).toBe('0');
    expect(javaFixed(2.5, 0)).toBe('3');
    expect(javaFixed(0.5, 0)).toBe('1');
    expect(javaFixed(0.49, 0)).toBe('0');
    expect(javaFixed(1234.5678, 0)).toBe('1235');
    expect(javaFixed(42, 0)).toBe('42');
  });

  it('carries a rounding into the integer part', () => {
    expect(javaFixed(99.95, 1)).toBe('100.0');
    expect(javaFixed(9.995, 2)).toBe('10.00');
    expect(javaFixed(999.9999, 3)).toBe('1000.000');
    expect(javaFixed(9.96, 1)).toBe('10.0');
    expect(javaFixed(0.96, 1)).toBe('1.0');
    expect(javaFixed(99.5, 0)).toBe('100');
  });

  it('prints tiny numbers (JavaScript exponent form) in plain decimals', () => {
    expect(javaFixed(1e-7, 2)).toBe('0.00');
    expect(javaFixed(1e-7, 6)).toBe('0.000000');
    expect(javaFixed(1e-7, 7)).toBe('0.0000001');
    expect(javaFixed(1e-7, 9)).toBe('0.000000100');
    expect(javaFixed(5e-7, 6)).toBe('0.000001');
    expect(javaFixed(1.5e-10, 10)).toBe('0.0000000002');
  });

  it('prints huge numbers (JavaScript exponent form) in plain decimals', () => {
    expect(javaFixed(1.5e21, 1)).toBe('1500000000000000000000.0');
    expect(javaFixed(1e21, 0)).toBe('1000000000000000000000');
    expect(javaFixed(1.2345e22, 2)).toBe('12345000000000000000000.00');
    expect(javaFixed(123456789012345680000, 1)).toBe('123456789012345680000.0');
  });

  it('keeps the sign of negative numbers and rounds them away from zero (HALF_UP)', () => {
    expect(javaFixed(-1.005, 2)).toBe('-1.01');
    expect(javaFixed(-0.5, 0)).toBe('-1');
    expect(javaFixed(-2.4, 0)).toBe('-2');
    expect(javaFixed(-99.95, 1)).toBe('-100.0');
    expect(javaFixed(-1e-7, 7)).toBe('-0.0000001');
    expect(javaFixed(-1.5e21, 0)).toBe('-1500000000000000000000');
  });

  it('prints a minus sign for negative zero and for negatives that round to zero, as Java does', () => {
    expect(javaFixed(-0, 2)).toBe('-0.00');
    expect(javaFixed(-0.001, 2)).toBe('-0.00');
  });

  it('prints NaN and infinities as Java does', () => {
    expect(javaFixed(Number.NaN, 2)).toBe('NaN');
    expect(javaFixed(Number.NaN, 0)).toBe('NaN');
    expect(javaFixed(Number.POSITIVE_INFINITY, 2)).toBe('Infinity');
    expect(javaFixed(Number.NEGATIVE_INFINITY, 6)).toBe('-Infinity');
  });
});

describe('javaInt', () => {
  it('truncates towards zero like a cast to long', () => {
    expect(javaInt(42.9)).toBe('42');
    expect(javaInt(-3.7)).toBe('-3');
    expect(javaInt(0)).toBe('0');
    expect(javaInt(500000)).toBe('500000');
    expect(javaInt(9007199254740991)).toBe('9007199254740991');
  });
});
