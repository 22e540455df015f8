import os from 'node:os';
import path from 'node:path';

/**
 * The library the desktop app uses, so the command line and the app share one by default.
 * Electron's userData for productName "Sahifa" is <appData>/Sahifa, which this mirrors.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SAHIFA_LIBRARY) return path.resolve(env.SAHIFA_LIBRARY);
  return path.join(appDataDir(env, platform), 'Sahifa', 'library.sqlite');
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = os.homedir();
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}
