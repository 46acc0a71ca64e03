import { quadraticForm, squareMatrix, symmetricEigenvalues } from "../../src/core/matrix";

describe("quadraticForm", () => {
  it("computes xᵀAy by hand: [1 2]·[[2,1],[1,3]]·[3 4]ᵀ = 1·(6+4) + 2·(3+12) = 40", () => {
    expect(quadraticForm(squareMatrix(2, Float64Array.of(2, 1, 1, 3)), [1, 2], [3, 4])).toBe(40);
  });
});

describe("symmetricEigenvalues", () => {
  it("finds 1 and 3 for [[2,1],[1,2]] (characteristic polynomial (2−λ)² − 1)", () => {
    const values = symmetricEigenvalues(squareMatrix(2, Float64Array.of(2, 1, 1, 2)));
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });

  it("finds the eigenvalues of the 3×3 equicorrelation matrix: eigenvalues 1 + 2ρ and 1 − ρ (twice)", () => {
    const r = 0.3;
    const values = symmetricEigenvalues(
      squareMatrix(3, Float64Array.of(1, r, r, r, 1, r, r, r, 1))
    );
    expect(values[0]).toBeCloseTo(1 - r, 13);
    expect(values[1]).toBeCloseTo(1 - r, 13);
    expect(values[2]).toBeCloseTo(1 + 2 * r, 13);
  });

  it("finds a negative eigenvalue 1 − 1.5 = −0.5 for [[1, 1.5], [1.5, 1]]", () => {
    expect(symmetricEigenvalues(squareMatrix(2, Float64Array.of(1, 1.5, 1.5, 1)))[0]).toBeCloseTo(
      -0.5,
      14
    );
  });
});
