/**
 * The renderer's entry point. In Electron the preload script has already put `window.sahifa` in
 * place; in the browser mode it is missing, so the HTTP bridge is loaded first. Only then are the
 * components loaded, so that nothing can reach for the API before it exists.
 */
import './styles/fonts';
import './styles/global.css';
import { hasSahifa } from './sahifa';
import { strings } from './strings';

async function boot(): Promise<void> {
  if (!hasSahifa()) await import('./bridge-browser');
  await import('./components/sahifa-app');
}

boot().catch((error: unknown) => {
  console.error('sahifa: the interface failed to start', error);
  const message = document.createElement('p');
  message.className = 'boot-error';
  message.textContent = strings.bootFailed(error instanceof Error ? error.message : String(error));
  document.body.replaceChildren(message);
});
