// office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest cannot load.
// The mock reads only the OfficeApp enum from it (to tell Outlook, whose load() is a no-op, from
// the other hosts); the values are office-addin-manifest's own.
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
