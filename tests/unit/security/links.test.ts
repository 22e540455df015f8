/**
 * Links in hostile articles: only plain http(s) URLs ever reach the system browser, and only after
 * the reader clicked (or pressed Enter on a link); nothing navigates the window or opens another.
 * tests/unit/shell/handlers.test.ts covers the common schemes through the API; this file adds the
 * tricks, the click requirement (main/user-activation.ts) and the web-contents and session guards
 * of main/security.ts, with stand-ins for Electron's objects.
 */
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../main/handlers';
import { guardWebContents, hardenSession, isAppUrl } from '../../../main/security';
import { ACTIVATION_WINDOW_MS, UserActivation } from '../../../main/user-activation';

describe('safeExternalUrl', () => {
  it.each([
    ['a tab inside javascript:', 'java\tscript:alert(1)'],
    ['a newline inside javascript:', 'java\nscript:alert(1)'],
    ['javascript: after spaces', '   javascript:alert(1)'],
    ['a data: page', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a blob: URL', 'blob:app://sahifa/0d9b7a0e-1234-4a5b-9c8d-000000000000'],
    ['a file: URL on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC path', '\\\\attacker\\share\\payload.exe'],
    ['a file: URL to a share', 'file://attacker/share/payload.exe'],
    ['view-source:', 'view-source:https://example.com/'],
    ['chrome:', 'chrome://settings'],
    ['devtools:', 'devtools://devtools/bundled/inspector.html'],
    ['about:', 'about:blank'],
    ['an app link', 'zoommtg://zoom.us/join?confno=1'],
    ['an Android intent', 'intent://scan/#Intent;scheme=zxing;end'],
    ['a search-ms query', 'search-ms:query=invoice&crumb=location:\\\\attacker\\share'],
    ['an empty password', 'https://:secret@example.com/'],
    ['an encoded @ in the user name', 'https://bank.example%40evil.example@evil.example/'],
    ['a relative path', '/etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it.each([
    ['an Arabic path', 'https://example.com/أخبار/مقال?ق=1', 'https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%85%D9%82%D8%A7%D9%84?%D9%82=1'],
    ['an internationalized domain, shown as punycode', 'https://مثال.إختبار/', 'https://xn--mgbh0fb.xn--kgbechtv/'],
    ['a port', 'http://example.com:8080/a', 'http://example.com:8080/a'],
    // The browser gets the URL as parsed here, so it goes where the check saw it go.
    ['a backslash before @ (a path, not credentials)', 'https://user\\@evil.example/', 'https://user/@evil.example/'],
    ['three slashes', 'https:///example.com/path', 'https://example.com/path'],
  ])('opens %s, normalized', (_label, url, expected) => {
    expect(safeExternalUrl(url)).toBe(expected);
  });
});

describe('opening a link needs a click', () => {
  function clock(start = 1_000_000) {
    let now = start;
    return { now: () => now, advance: (ms: number) => void (now += ms) };
  }

  it('refuses when the reader did nothing', () => {
    const time = clock();
    expect(new UserActivation(ACTIVATION_WINDOW_MS, time.now).consume()).toBe(false);
  });

  it('opens one link per click, soon after it', () => {
    const time = clock();
    const activation = new UserActivation(ACTIVATION_WINDOW_MS, time.now);
    activation.noteInput({ type: 'mouseDown' });
    activation.noteInput({ type: 'mouseUp' });
    time.advance(20);
    expect(activation.consume()).toBe(true);
    // A renderer that asks again (to open ten tabs) gets nothing more from the same click.
    expect(activation.consume()).toBe(false);
  });

  it('does not accept a click from long ago', () => {
    const time = clock();
    const activation = new UserActivation(ACTIVATION_WINDOW_MS, time.now);
    activation.noteInput({ type: 'mouseUp' });
    time.advance(ACTIVATION_WINDOW_MS + 1);
    expect(activation.consume()).toBe(false);
  });

  it('accepts Enter and Space on a focused link, not typing or moving the mouse', () => {
    const time = clock();
    const activation = new UserActivation(ACTIVATION_WINDOW_MS, time.now);
    for (const input of [
      { type: 'mouseMove' },
      { type: 'mouseWheel' },
      { type: 'mouseEnter' },
      { type: 'keyDown', keyCode: 'A' },
      { type: 'char', keyCode: 'Enter' },
      { type: 'keyUp', keyCode: 'Enter' },
      { type: 'gestureScrollBegin' },
    ]) {
      activation.noteInput(input);
      expect(activation.consume(), input.type).toBe(false);
    }
    activation.noteInput({ type: 'keyDown', keyCode: 'Enter' });
    expect(activation.consume()).toBe(true);
    activation.noteInput({ type: 'rawKeyDown', keyCode: 'Space' });
    expect(activation.consume()).toBe(true);
  });
});

/** A stand-in for WebContents: records its listeners and its window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (event: unknown) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: (event: unknown) => void) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  guardWebContents(contents as unknown as WebContents);
  const fire = (name: string, fields: Record<string, unknown>) => {
    let prevented = false;
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} guard`);
    listener({ ...fields, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { fire, open: (url: string) => openHandler!({ url }).action };
}

describe('the guards on every web contents', () => {
  it.each(['https://evil.example/', 'app://sahifa/index.html', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'keep the window on its page: a navigation to %s is cancelled',
    (url) => {
      expect(fakeContents().fire('will-navigate', { url, isMainFrame: true })).toBe(true);
    },
  );

  it.each(['https://example.com/', 'javascript:alert(1)', 'app://sahifa/index.html', 'about:blank'])('open no window for %s', (url) => {
    expect(fakeContents().open(url)).toBe('deny');
  });

  it('cancel redirects away from the app, and let its own through', () => {
    const { fire } = fakeContents();
    expect(fire('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(fire('will-redirect', { url: 'app://sahifa/index.html' })).toBe(false);
  });

  it('let an article iframe show its own inline document, and nothing from elsewhere', () => {
    const { fire } = fakeContents();
    expect(fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'file:///etc/passwd', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false })).toBe(false);
  });

  it('never attach a <webview>', () => {
    expect(fakeContents().fire('will-attach-webview', {})).toBe(true);
  });
});

describe('the session', () => {
  function fakeSession() {
    const handlers: Record<string, unknown> = {};
    let beforeRequest: ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (h: unknown) => void (handlers.request = h),
      setPermissionCheckHandler: (h: unknown) => void (handlers.check = h),
      setDevicePermissionHandler: (h: unknown) => void (handlers.device = h),
      on: (name: string, h: unknown) => void (handlers[name] = h),
      webRequest: { onBeforeRequest: (h: typeof beforeRequest) => void (beforeRequest = h) },
    };
    hardenSession(session as unknown as Session);
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | null = null;
      const original = console.error;
      console.error = () => undefined;
      try {
        beforeRequest!({ url }, (a) => (answer = a));
      } finally {
        console.error = original;
      }
      return answer!.cancel;
    };
    return { handlers, cancelled };
  }

  it('refuses every permission', () => {
    const { handlers } = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | null = null;
      (handlers.request as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((handlers.check as (c: unknown, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((handlers.device as () => boolean)()).toBe(false);
  });

  it('cancels downloads', () => {
    const { handlers } = fakeSession();
    let prevented = false;
    (handlers['will-download'] as (e: { preventDefault(): void }) => void)({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it.each([
    ['an image in an article', 'https://tracker.example/pixel.gif', true],
    ['plain http', 'http://example.com/', true],
    ['a local file', 'file:///home/reader/.ssh/id_rsa', true],
    ['a look-alike origin', 'app://sahifa.evil/index.html', true],
    ['another app:// host', 'app://other/index.html', true],
    ['a WebSocket', 'wss://evil.example/', true],
    ['the app’s own files', 'app://sahifa/assets/index.js', false],
    ['an inline image', 'data:image/png;base64,iVBORw0KGgo=', false],
  ])('lets through requests only to the app: %s', (_label, url, cancel) => {
    expect(fakeSession().cancelled(url)).toBe(cancel);
    expect(isAppUrl(url)).toBe(!cancel);
  });
});
