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

  /** Next 32-bit output, uniform on 0 … 2³² − 1: rotl(s1·5, 7)·9, then the xorshift state update. */
  nextUint32(): number {
    const state = this.state;
    const s0 = state[0];
    const s1 = state[1];
    const s2 = state[2] ^ s0;
    const s3 = state[3] ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    state[0] = s0 ^ s3;
    state[1] = s1 ^ s2;
    state[2] = s2 ^ (s1 << 9);
    state[3] = rotl(s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits (two outputs: 27 high bits and 26 low bits). */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992; // (high·2²⁶ + low) / 2⁵³
  }

  /**
   * A uniform whole number from 0 to n − 1, without bias: Lemire's multiply-and-reject ("Fast random
   * integer generation in an interval", 2019). The high word of x·n is the draw; the rare products whose
   * low word falls below 2³² mod n are rejected, which removes the bias of plain ⌊x·n / 2³²⌋.
   * @example rng.below(6) // 0..5
   */
  below(n: number): number {
    if (n > EXACT_PRODUCT_LIMIT) return Math.floor(this.nextDouble() * n);
    // The words of x·n in floating point (exact below 2⁵³; faster than ToUint32 of a large double).
    let product = this.nextUint32() * n;
    let high = Math.floor(product * INVERSE_TWO_32);
    let low = product - high * TWO_32;
    if (low < n) {
      const threshold = (TWO_32 - n) % n; // 2³² mod n
      while (low < threshold) {
        product = this.nextUint32() * n;
        high = Math.floor(product * INVERSE_TWO_32);
        low = product - high * TWO_32;
      }
    }
    return high;
  }
}
