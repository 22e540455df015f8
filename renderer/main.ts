/**
 * The renderer's entry point. In Electron the preload script has already put `window.sahifa` in
 * place; in the browser mode it is missing, so the HTTP bridge is loaded first. Then the settings
 * (language, theme, reading face) are applied, so the first paint is already the reader's own;
 * only then are the components loaded, so that nothing can reach for the API before it exists.
 */
import './styles/fonts';
import './styles/global.css';
import { applyInitialTheme } from './appearance';
import { hasSahifa } from './sahifa';
import { strings } from './strings';

applyInitialTheme();

async function boot(): Promise<void> {
  if (!hasSahifa()) await import('./bridge-browser');
  const { loadSettings } = await import('./settings-store');
  await loadSettings();
  await import('./components/sahifa-app');
}

boot().catch((error: unknown) => {
  console.error('sahifa: the interface failed to start', error);
  const message = document.createElement('p');
  message.className = 'boot-error';
  message.textContent = strings.bootFailed(error instanceof Error ? error.message : String(error));
  document.body.replaceChildren(message);
});
