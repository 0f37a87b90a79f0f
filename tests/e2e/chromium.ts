import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for the e2e journeys: Debian's package, driven by playwright-core (no browser download).
 * Order: CHROMIUM_PATH, then /usr/bin/chromium; when it is missing and we are root, Debian's
 * `chromium` is installed with apt-get; otherwise the run stops with the exact command to type.
 * Nothing is skipped silently: without a browser the e2e phase fails.
 */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function installDebianChromium(): void {
  console.log(`[e2e] Chromium non trovato: installazione del pacchetto Debian (${INSTALL_COMMAND})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
}

/** The path of the Chromium executable to drive; installs Debian's package when allowed. */
export async function findChromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} non è un eseguibile: correggere la variabile o toglierla.`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (isRoot()) {
    installDebianChromium();
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    throw new Error(`apt-get ha terminato ma ${DEBIAN_CHROMIUM} non esiste ancora.`);
  }
  throw new Error(
    `Chromium non trovato (né CHROMIUM_PATH né ${DEBIAN_CHROMIUM}). Installarlo con:\n` +
      `  sudo ${INSTALL_COMMAND.replace('&& ', '&& sudo ')}\n` +
      'oppure indicare un Chromium già installato con CHROMIUM_PATH=/percorso/di/chromium.',
  );
}

/** A headless Chromium with the project's flags (no --user-data-dir: playwright makes a temporary one). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findChromium();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
