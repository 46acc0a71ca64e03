/**
 * CMA templates shipped with the pane, as the CSV text a user could have written (read with the same
 * parser as a file, so a template is a worked example of the import format).
 */

export interface Template {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly csv: string;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: "stocks-bonds-cash",
    label: "Stocks, bonds and cash (example)",
    description:
      "The worked example of the design notes: returns 7% / 5% / 3%, volatilities 15% / 6% / 1%.",
    // DESIGN.md §1: ρ(stocks, bonds) −0.3, ρ(stocks, cash) −0.05, ρ(bonds, cash) 0.1; a lower triangle.
    csv: [
      "Asset,Expected return,Volatility,Stocks,Bonds,Cash",
      "Stocks,7%,15%,1,,",
      "Bonds,5%,6%,-0.3,1,",
      "Cash,3%,1%,-0.05,0.1,1",
      "",
    ].join("\n"),
  },
  {
    id: "blank",
    label: "Blank (fill in on the sheet)",
    description:
      "Three assets and cash at 0%, uncorrelated: type your own assumptions into the sheet's input cells.",
    csv: [
      "Asset,Expected return,Volatility,Asset 1,Asset 2,Asset 3,Cash",
      "Asset 1,0%,0%,1,0,0,0",
      "Asset 2,0%,0%,0,1,0,0",
      "Asset 3,0%,0%,0,0,1,0",
      "Cash,0%,0%,0,0,0,1",
      "",
    ].join("\n"),
  },
];

/** The template with this id, if any. */
export function template(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
