import fc from "fast-check";
import { Xoshiro128 } from "../../src/core/rng";

describe("Xoshiro128", () => {
  it("reproduces the reference C xoshiro128** from state (1, 2, 3, 4) (Python port in test/fixtures/series_reference.py)", () => {
    const rng = Xoshiro128.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => {
      const rng = new Xoshiro128(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(4294967295));
  });

  it("draws die rolls evenly: 60,000 rolls of below(6) land within 5σ (σ = √(60000·(1/6)·(5/6)) ≈ 91) of 10,000 each", () => {
    const rng = new Xoshiro128(7);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[rng.below(6)]++;
    counts.forEach((c) => expect(Math.abs(c - 10000)).toBeLessThan(5 * 91.3));
  });

  it("refuses seeds that are not whole numbers from 0 to 4294967295", () => {
    expect(() => new Xoshiro128(-1)).toThrow("seed: must be a whole number from 0 to 4294967295");
    expect(() => new Xoshiro128(1.5)).toThrow("seed: must be a whole number from 0 to 4294967295");
    expect(() => new Xoshiro128(2 ** 32)).toThrow(
      "seed: must be a whole number from 0 to 4294967295"
    );
  });

  it("property: below(n) is a whole number from 0 to n − 1, also above 2²¹, and nextDouble is in [0, 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (seed, n) => {
          const rng = new Xoshiro128(seed);
          for (let i = 0; i < 20; i++) {
            const k = rng.below(n);
            const u = rng.nextDouble();
            if (!(Number.isInteger(k) && k >= 0 && k < n && u >= 0 && u < 1)) return false;
          }
          return true;
        }
      )
    );
  });
  it("property: fillBelow(out, length, n, scale) writes scale × Lemire's draws from the raw outputs, in order, and between other calls", () => {
    // The reference: Lemire's multiply-and-reject written out from nextUint32 (itself checked against
    // the reference C above): x·n's high word is the draw, kept unless its low word is below 2³² mod n.
    const lemire = (rng: Xoshiro128, n: number) => {
      for (;;) {
        const product = rng.nextUint32() * n;
        const high = Math.floor(product / 2 ** 32);
        if (product - high * 2 ** 32 >= (2 ** 32 - n) % n) return high;
      }
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 ** 21 })),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 300 }),
        (seed, n, length, scale, before) => {
          const batched = new Xoshiro128(seed);
          const reference = new Xoshiro128(seed);
          for (let k = 0; k < before; k++)
            if (batched.nextUint32() !== reference.nextUint32()) return false;
          const out = new Int32Array(length);
          batched.fillBelow(out, length, n, scale);
          for (let t = 0; t < length; t++)
            if (out[t] !== lemire(reference, n) * scale) return false;
          return (
            batched.nextUint32() === reference.nextUint32() &&
            batched.below(n) === lemire(reference, n)
          );
        }
      ),
      { seed: 20261201, numRuns: 300 }
    );
  });

  it("nextDouble is (27 high bits of one output · 2²⁶ + 26 high bits of the next) / 2⁵³, from the raw outputs", () => {
    const doubles = new Xoshiro128(11);
    const raw = new Xoshiro128(11);
    for (let k = 0; k < 1000; k++) {
      const high = raw.nextUint32() >>> 5;
      const low = raw.nextUint32() >>> 6;
      expect(doubles.nextDouble()).toBe((high * 2 ** 26 + low) / 2 ** 53);
    }
  });

  it("above 2²¹ (where x·n is no longer exact in a double), fillBelow draws ⌊u·n⌋ from 53-bit uniforms u, as below does", () => {
    const n = 3 * 2 ** 30;
    const batched = new Xoshiro128(3);
    const reference = new Xoshiro128(3);
    const out = new Int32Array(300);
    batched.fillBelow(out, 300, n, 1);
    const expected = Array.from({ length: 300 }, () => Math.floor(reference.nextDouble() * n) | 0);
    expect(Array.from(out)).toEqual(expected); // | 0: an Int32Array holds draws of 2³¹ and above wrapped
  });
});
