import { excelDate } from "../../src/core/excel-date";
import { STRESS_EPISODES } from "../../src/core/stress-episodes";

const iso = (serial: number) => {
  const { year, month, day } = excelDate(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

describe("the built-in stress episodes", () => {
  it("are DESIGN.md §8's table, in order, with each window's first and last day", () => {
    expect(STRESS_EPISODES.map((e) => [e.name, iso(e.first), iso(e.last)])).toEqual([
      ["1987 crash", "1987-08-25", "1987-12-04"],
      ["1990 recession", "1990-07-16", "1990-10-11"],
      ["1994 bond rout", "1994-02-01", "1994-11-07"],
      ["1998 LTCM", "1998-07-17", "1998-10-08"],
      ["Dot-com bust", "2000-03-24", "2002-10-09"],
      ["Global financial crisis", "2007-10-09", "2009-03-09"],
      ["2011 downgrade", "2011-04-29", "2011-10-03"],
      ["2013 taper tantrum", "2013-05-02", "2013-09-05"],
      ["2018 Q4 selloff", "2018-09-20", "2018-12-24"],
      ["COVID crash", "2020-02-19", "2020-03-23"],
      ["2022 stock-bond bear", "2022-01-03", "2022-10-12"],
      ["2020–23 Treasury bear", "2020-08-04", "2023-10-19"],
    ]);
    // Excel: =DATE(2008,… ) style check of one serial by hand: 2007-10-09 is serial 39364.
    expect(STRESS_EPISODES[5].first).toBe(39364);
  });
});
