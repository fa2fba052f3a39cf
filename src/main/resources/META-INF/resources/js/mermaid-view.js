// Mermaid, served by the app itself (the webjar, no CDN), rendered under our strict Content-Security-Policy: the
// library renders with securityLevel 'strict' into an SVG string, and the SVG is shown as an <img> (a data: URL).
// An image cannot run script, and the styles Mermaid puts inside the SVG apply there without any inline style in
// the page. A syntax error keeps the last good rendering on screen and reports the error instead.
const MERMAID_URL = '/webjars/mermaid/11.14.0/dist/mermaid.min.js';
let loading = null;
let counter = 0;

/** Loads the library once (a classic script that defines window.mermaid). */
export function loadMermaid() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = MERMAID_URL;
      script.onload = () => {
        window.mermaid.initialize({
          startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false },
        });
        resolve(window.mermaid);
      };
      script.onerror = () => {
        loading = null;
        reject(new Error('The diagram renderer could not be loaded; check the connection and reload the page.'));
      };
      document.head.append(script);
    });
  }
  return loading;
}

/**
 * Renders Mermaid text into an <img>; on success the image shows it, on failure it keeps what it showed.
 * Resolves to {ok: true} or {ok: false, error: message}. Renders finish in order: a late one never wins.
 */
export function diagramView(img) {
  let latest = 0;
  return async function render(text) {
    const ticket = ++latest;
    try {
      const mermaid = await loadMermaid();
      await mermaid.parse(text);
      counter += 1;
      const { svg } = await mermaid.render(`mlsd-diagram-${counter}`, text);
      if (ticket === latest) {
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        img.hidden = false;
      }
      return { ok: true };
    } catch (e) {
      // Mermaid leaves its error rendering in the page when render fails; remove it, keep our last good image.
      document.querySelectorAll('body > [id^="dmlsd-diagram-"]').forEach(n => n.remove());
      return { ok: false, error: String(e?.message ?? e).slice(0, 500) };
    }
  };
}
