/** Types of dev-proxy.mjs (the webpack dev server's `/syncml-proxy` entry). */
export interface CrmDevProxy {
  readonly context: string[];
  readonly target: string;
  readonly changeOrigin: boolean;
  readonly xfwd: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly pathRewrite: (path: string) => string;
}

export function crmDevProxy(crmUrl?: string): CrmDevProxy;
