import { excelSerial } from "./excel-date";

/** A stress window: a name and its first and last trading day (Excel serials). */
export interface StressEpisode {
  readonly name: string;
  readonly first: number;
  readonly last: number;
}

const episode = (name: string, first: string, last: string): StressEpisode => {
  const serial = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return excelSerial(y, m, d);
  };
  return { name, first: serial(first), last: serial(last) };
};

/**
 * The built-in stress episodes of DESIGN.md §8: peak to trough of the asset named there (the S&P 500,
 * long Treasuries, or both), approximate and documented; STRESS takes its own table instead when given.
 */
export const STRESS_EPISODES: readonly StressEpisode[] = [
  episode("1987 crash", "1987-08-25", "1987-12-04"),
  episode("1990 recession", "1990-07-16", "1990-10-11"),
  episode("1994 bond rout", "1994-02-01", "1994-11-07"),
  episode("1998 LTCM", "1998-07-17", "1998-10-08"),
  episode("Dot-com bust", "2000-03-24", "2002-10-09"),
  episode("Global financial crisis", "2007-10-09", "2009-03-09"),
  episode("2011 downgrade", "2011-04-29", "2011-10-03"),
  episode("2013 taper tantrum", "2013-05-02", "2013-09-05"),
  episode("2018 Q4 selloff", "2018-09-20", "2018-12-24"),
  episode("COVID crash", "2020-02-19", "2020-03-23"),
  episode("2022 stock-bond bear", "2022-01-03", "2022-10-12"),
  episode("2020–23 Treasury bear", "2020-08-04", "2023-10-19"),
];
