/**
 * A workbook opened by LibreOffice itself through its Python bridge (Debian's python3-uno) and
 * stored again: with a password, as Excel, WPS and LibreOffice write a password-protected .xlsx
 * (an OLE compound file holding EncryptionInfo and EncryptedPackage); or after calculating every
 * formula, as Excel and WPS do on opening a workbook that asks for it (LibreOffice's own
 * conversion keeps the results saved in the file).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const SCRIPT = String.raw`
import os, subprocess, sys, time, uno
from com.sun.star.beans import NamedValue, PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

source, target, profile, password = sys.argv[1:5]
pipe = "bangfu_%d" % os.getpid()
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                           "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                           "--accept=pipe,name=%s;urp;" % pipe])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    remote = None
    for _ in range(300):
        try:
            remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.2)
    if remote is None:
        sys.exit("LibreOffice did not start")
    desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    if doc is None:
        sys.exit("LibreOffice could not open " + source)
    if password == "":
        doc.calculateAll()
    # The OOXML filter encrypts the package (EncryptionInfo + EncryptedPackage in an OLE file) when EncryptionData carries OOXPassword.
    def named(name, value):
        v = NamedValue()
        v.Name = name
        v.Value = value
        return v
    args = (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True))
    if password != "":
        encryption = uno.Any("[]com.sun.star.beans.NamedValue", (named("CryptoType", "StrongEncryptionDataSpace"), named("OOXPassword", password)))
        args += (prop("EncryptionData", encryption),)
    try:
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), args))
    finally:
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
finally:
    try:
        office.wait(timeout=20)
    except subprocess.TimeoutExpired:
        office.kill()
`;

/** Write `target`: `source` (an .xlsx) protected by `password`. Needs soffice and /usr/bin/python3 with uno. */
export async function encryptWithLibreOffice(source: string, target: string, password: string): Promise<void> {
  if (password === "") throw new Error("a password is needed");
  await storeWithLibreOffice(source, target, password);
  const head = fs.readFileSync(target).subarray(0, 8);
  if (!head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    throw new Error(`${target} is not an encrypted (OLE) file`);
}

/** Write `target`: `source` (an .xlsx) with every formula calculated by LibreOffice. */
export async function recalculateWithLibreOffice(source: string, target: string): Promise<void> {
  await storeWithLibreOffice(source, target, "");
}

/** Open `source` in LibreOffice and store it as `target`: encrypted with the password, or (no password) calculated first. */
async function storeWithLibreOffice(source: string, target: string, password: string): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-uno-"));
  // A copy is opened, so that no lock file is left beside the source.
  const copy = path.join(profile, "source.xlsx");
  fs.copyFileSync(source, copy);
  try {
    await promisify(execFile)("/usr/bin/python3", ["-c", SCRIPT, copy, path.resolve(target), path.join(profile, "office"), password], {
      timeout: 120_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
