import { requireWhole } from "./series";

/**
 * A small, fast, reproducible pseudo-random generator: xoshiro128** 1.0 (Blackman & Vigna, 2018;
 * reference C at prng.di.unimi.it), 32-bit state words, period 2¹²⁸ − 1, in 32-bit integer arithmetic
 * (Math.imul, >>>). The four state words are seeded from one 32-bit seed by SplitMix32 (a Weyl sequence
 * by the golden ratio 0x9E3779B9 through MurmurHash3's fmix32 finaliser), which is a bijection on
 * distinct inputs, so the state is never all zero.
 */

const TWO_32 = 0x100000000;
const INVERSE_TWO_32 = 1 / TWO_32;
/** Below 2²¹ an index draw x·n (x < 2³²) stays below 2⁵³, so it is exact in a double. */
const EXACT_PRODUCT_LIMIT = 0x200000;
/** n = 2²⁷ draws an output's 27 high bits: ⌊x·2²⁷ / 2³²⌋ = x >>> 5, never rejected. */
const HIGH_27 = 0x8000000;

/** Whether x·n is exact in a double for every 32-bit x and its draw fits 32 bits: below 2²¹, or a power of two up to 2³². */
const exactProduct = (n: number) =>
  n <= EXACT_PRODUCT_LIMIT || (n <= TWO_32 && Number.isInteger(Math.log2(n)));

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** SplitMix32's output for the counter value `state`. */
function splitMix32(state: number): number {
  let z = state | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Xoshiro128 {
  /** The four state words, in a typed array: writing an int32 to an object field would box it on the heap. */
  private readonly state = new Int32Array(4);
  /** The draws of one {@link nextUint32}, {@link nextDouble} or {@link below}. */
  private readonly draws = new Int32Array(4);
  private readonly doubles = new Float64Array(1);

  /**
   * @param seed a whole number from 0 to 4294967295; the same seed gives the same sequence
   * @example new Xoshiro128(1).nextUint32() // the same number on every run
   */
  constructor(seed: number) {
    requireWhole("seed", seed, 0, TWO_32 - 1);
    const golden = 0x9e3779b9;
    for (let k = 0; k < 4; k++) this.state[k] = splitMix32(seed + (k + 1) * golden);
  }

  /** A generator started from four explicit state words (not all zero), as in the reference code. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128 {
    const rng = new Xoshiro128(0);
    rng.state.set([s0 | 0, s1 | 0, s2 | 0, s3 | 0]);
    return rng;
  }

  /** Next 32-bit output, uniform on 0 … 2³² − 1 (n = 2³² draws the output itself, as int32 bits). */
  nextUint32(): number {
    this.fillBelow(this.draws, 1, TWO_32, 1);
    return this.draws[0] >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits (see {@link fillDoubles}). */
  nextDouble(): number {
    this.fillDoubles(this.doubles, 1);
    return this.doubles[0];
  }

  /**
   * Writes `length` (at most 2) uniforms on [0, 1) with 53 random bits into `out`, the values of as many
   * calls of nextDouble: each from two outputs, the first's 27 high bits and the second's 26.
   */
  fillDoubles(out: Float64Array, length: 1 | 2): void {
    const draws = this.draws;
    this.fillBelow(draws, 2 * length, HIGH_27, 1); // 27 high bits: ⌊x·2²⁷ / 2³²⌋ = x >>> 5
    for (let k = 0; k < length; k++)
      out[k] = (draws[2 * k] * 67108864 + (draws[2 * k + 1] >>> 1)) / 9007199254740992; // (high·2²⁶ + low) / 2⁵³
  }

  /**
   * A uniform whole number from 0 to n − 1, without bias (see {@link fillBelow}).
   * @example rng.below(6) // 0..5
   */
  below(n: number): number {
    if (!exactProduct(n)) return Math.floor(this.nextDouble() * n);
    this.fillBelow(this.draws, 1, n, 1);
    return this.draws[0];
  }

  /**
   * Writes `length` uniform whole numbers from 0 to n − 1 (n up to 2³²), each times `scale`, into
   * `out` as int32 (a value of 2³¹ or more wraps: read it with >>> 0): the draws `length` calls of
   * below(n) would give. Each draw is Lemire's multiply-and-reject ("Fast random integer generation in
   * an interval", 2019) on the generator's next output x: the high word of x·n is the draw; the rare
   * products whose low word falls below 2³² mod n are rejected and the next output is tried, which
   * removes the bias of plain ⌊x·n / 2³²⌋. Where x·n is not exact in a double (n above 2²¹ and not a
   * power of two) each draw is ⌊u·n⌋ of a 53-bit uniform u instead.
   *
   * This is the generator's only step: rotl(s1·5, 7)·9 is the output, then the xorshift state update,
   * with the state in local variables for the whole call (read and written back once).
   * @example rng.fillBelow(rows, 63, 16128, 2) // 63 random row offsets of a two-asset history
   */
  fillBelow(out: Int32Array, length: number, n: number, scale: number): void {
    if (!exactProduct(n)) {
      for (let t = 0; t < length; t++) out[t] = Math.floor(this.nextDouble() * n) * scale;
      return;
    }
    // In units of 2³², x·n is x·(n/2³²): its whole part is the draw and its fraction the low word, both
    // exact. The draw fits an int32 (| 0) except for n = 2³², where | 0 keeps x's bits.
    const scaled = n * INVERSE_TWO_32;
    const threshold = ((TWO_32 - n) % n) * INVERSE_TWO_32; // 2³² mod n, in the same units
    const state = this.state;
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    let t = 0;
    while (t < length) {
      const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const shifted = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= shifted;
      s3 = rotl(s3, 11);
      const product = x * scaled;
      const draw = product | 0;
      if (product - draw >= threshold) out[t++] = draw * scale;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
  }
}
