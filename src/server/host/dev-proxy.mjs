// The webpack dev server's `/syncml-proxy` entry (plain JS so webpack.config.js can import it):
// forwards to the sandbox CRM with X-Forwarded-* headers, from which the CRM builds RespURIs
// that lead back through the dev server (the browser never talks to the CRM's origin).
//   import { crmDevProxy } from './src/server/host/dev-proxy.mjs';
//   devServer: { proxy: [crmDevProxy()] }
// `/syncml-proxy` and `/syncml-proxy/syncml?sessionid=…` both reach the CRM's `/syncml`.

/** @param {string} [crmUrl] base URL of the sandbox CRM, default $CRM_URL or http://127.0.0.1:8085 */
export function crmDevProxy(crmUrl = process.env.CRM_URL ?? 'http://127.0.0.1:8085') {
  return {
    context: ['/syncml-proxy'],
    target: crmUrl,
    changeOrigin: true,
    xfwd: true,
    headers: { 'X-Forwarded-Prefix': '/syncml-proxy' },
    pathRewrite: (path) =>
      path.replace(/^\/syncml-proxy(\/syncml)?(?=\?|$)/, '/syncml').replace(/^\/syncml-proxy\//, '/'),
  };
}
