/**
 * Stand-in for office-addin-manifest under Jest (mapped in jest.config.js): the real package drags in
 * ESM-only dependencies. office-addin-mock only needs the OfficeApp names, to tell Outlook from the rest.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
