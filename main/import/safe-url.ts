/**
 * The one rule for links that may leave the app, shared by the sanitizer (which links an article
 * keeps) and the openExternal handler (which URLs reach the system browser): plain http(s) with a
 * host, and no credentials — file:, javascript:, data: and custom schemes launch or run things,
 * and `https://bank.example@evil.example/` disguises where a link really goes.
 */
export function safeHttpUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url;
}
