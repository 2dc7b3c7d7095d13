// Registers the service worker and offers a new version when one is waiting.
// It never reloads by itself: only when the person taps "Reload" (drafts are
// written when the page is hidden, so no typing is lost then either).

// Each page but Home is a wasm chunk. For a link straight to one, fetch its
// chunks alongside the app instead of after it. post_build fills the map.
(() => {
  const chunks = __PAGE_CHUNKS__;
  const base = new URL(document.baseURI).pathname;
  // With the lock on (boot.js says so), the unlock screen comes first, whatever the address.
  const locked = document.documentElement.classList.contains('locked');
  const page = locked ? 'unlock' : location.pathname.startsWith(base) ? location.pathname.slice(base.length).split('/')[0] : '';
  for (const file of chunks[page] || []) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: file });
    document.head.append(link);
  }
})();

// What installing the app looks like here, for the app's install offer: the
// browser's own prompt ("prompt"), Safari's steps ("ios", "mac-safari"), already
// the installed app ("standalone"), or just installed ("installed"). The prompt
// comes once, often before the app has started, so it is caught and kept here.
(() => {
  const root = document.documentElement;
  const ua = navigator.userAgent;
  const standalone = matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  // Safari on a Mac; WebKitGTK on Linux (GNOME Web) says "Safari" too, but has no Dock.
  const macSafari = /Macintosh/.test(ua) && /Safari/.test(ua) && !/Chrome|Chromium|Edg|OPR|Firefox/.test(ua);
  root.dataset.install = standalone ? 'standalone' : ios ? 'ios' : macSafari ? 'mac-safari' : '';
  const set = (state) => {
    root.dataset.install = state;
    dispatchEvent(new Event('leaning-in-install'));
  };
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    window.leaningInInstallPrompt = event;
    set('prompt');
  });
  addEventListener('appinstalled', () => {
    window.leaningInInstallPrompt = null;
    set('installed');
  });
})();

(() => {
  if (!('serviceWorker' in navigator)) return;
  let reloadRequested = false;

  function offer(worker) {
    if (document.querySelector('.update-banner')) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('span');
    // The words the app left on <html> in its language (ui::language::install).
    const words = document.documentElement.dataset;
    text.textContent = words.updateReady || 'A new version is ready';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small';
    button.textContent = words.reload || 'Reload';
    button.addEventListener('click', () => {
      reloadRequested = true;
      worker.postMessage('skip-waiting');
    });
    banner.append(text, button);
    document.body.append(banner);
  }

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
  });

  window.addEventListener('load', async () => {
    // Registration can fail or be refused (some private modes, policies): the
    // app then works as a plain page, just without offline use.
    const registration = await navigator.serviceWorker.register('sw.js').catch(() => null);
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  });
})();

// A wasm trap (WebAssembly.RuntimeError) leaves the app's state unknown, so the
// page is covered with a calm note and a way to reload, never a half-working
// page. Nothing stored is touched. (Fixed words only: nothing the person wrote.)
(() => {
  const trapped = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError) || document.querySelector('.trapped')) return;
    const note = document.createElement('div');
    note.className = 'trapped';
    note.setAttribute('role', 'alertdialog');
    note.setAttribute('aria-labelledby', 'trapped-title');
    note.innerHTML = '<div class="card"><h1 id="trapped-title">Something went wrong</h1><p>The app stopped in the middle of something. What you have saved is safe on this device. Reloading the page starts it again.</p><button type="button" class="button">Reload</button></div>';
    const reload = note.querySelector('button');
    reload.onclick = () => location.reload();
    document.body.append(note);
    reload.focus();
  };
  addEventListener('error', (event) => trapped(event.error));
  addEventListener('unhandledrejection', (event) => trapped(event.reason));
})();
