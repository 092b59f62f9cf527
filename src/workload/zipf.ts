import type { Random } from './payload.js';

/**
 * Draws k in [0, n) with probability (k + 1)^-s / H(n, s), where H(n, s) = sum over j = 1..n of j^-s: Zipf's law
 * over n ranks, rank 0 the most frequent. Exact, in constant time and memory whatever n (so a range of a billion
 * keys costs no table), by rejection-inversion: W. Hörmann and G. Derflinger, "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3), 1996 (the method of Apache Commons' sampler).
 */
export class ZipfSampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  private readonly squeeze: number;

  constructor(
    private readonly n: number,
    private readonly exponent: number,
    private readonly random: Random,
  ) {
    if (!(n >= 1) || !(exponent > 0)) throw new RangeError('zipf needs n >= 1 and an exponent above 0');
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** The next rank, 0 to n - 1. */
  next(): number {
    for (;;) {
      const u = this.hIntegralN + this.random() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      const k = Math.min(this.n, Math.max(1, Math.floor(x + 0.5)));
      // Most draws are accepted by the squeeze, without the exact test's logarithm and exponential.
      if (k - x <= this.squeeze || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }

  /** h(x) = x^-s, the unnormalized density. */
  private h(x: number): number {
    return Math.exp(-this.exponent * Math.log(x));
  }

  /** H(x), an integral of h: (x^(1-s) - 1) / (1 - s), or log(x) at s = 1. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverX((1 - this.exponent) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    const t = Math.max(-1, x * (1 - this.exponent));
    return Math.exp(log1pOverX(t) * x);
  }
}

/** log(1 + x) / x, continuous at 0. */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (e^x - 1) / x, continuous at 0. */
function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** The exact probability of rank k (0-based) among n with exponent s: for tests and documentation. */
export function zipfProbability(k: number, n: number, s: number): number {
  let total = 0;
  for (let j = 1; j <= n; j++) total += j ** -s;
  return (k + 1) ** -s / total;
}
