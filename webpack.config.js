// Builds the task pane. `--mode development` (npm start, e2e): office.js from the npm package,
// the sandbox mailbox's service worker, the SyncML proxy to the sandbox CRM. `--mode production`
// (npm run build): office.js from Microsoft's CDN, manifest URLs set to ADDIN_PUBLIC_URL.
// Configuration comes from the environment (README "Configuration").
import CopyPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import { crmDevProxy } from './src/server/host/dev-proxy.mjs';
import { FirstScreenSizePlugin } from './scripts/first-screen-size.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const DEV_URL = 'https://localhost:3000';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export default (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const publicUrl = (
    process.env.ADDIN_PUBLIC_URL ?? (production ? 'https://addin.example.com' : DEV_URL)
  ).replace(/\/+$/, '');
  const config = {
    clientId: process.env.ADDIN_CLIENT_ID ?? '',
    crmEndpoint: process.env.CRM_SYNCML_URL ?? (production ? '' : 'http://127.0.0.1:8085/syncml'),
    lockEndpoint: process.env.CRM_ENDPOINT_LOCKED === '1',
  };
  const page = (name, chunk) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: resolve(root, 'src/taskpane/taskpane.html'),
      chunks: [chunk],
      officeJs: production ? OFFICE_CDN : '/office-js/office.js',
    });
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      'auth-redirect': './src/taskpane/auth-redirect.ts',
      'auth-dialog': './src/taskpane/auth-dialog.ts',
    },
    output: {
      path: resolve(root, env.outDir ?? 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      // Sources import with ".js" suffixes (ESM); resolve them to the TypeScript files.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, loader: 'esbuild-loader', options: { target: 'es2022', jsx: 'automatic' } },
      ],
    },
    experiments: { topLevelAwait: true },
    plugins: [
      new webpack.DefinePlugin({ __ADDIN_CONFIG__: JSON.stringify(config) }),
      page('taskpane', 'taskpane'),
      page('auth-redirect', 'auth-redirect'),
      page('auth-dialog', 'auth-dialog'),
      new CopyPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().replaceAll(DEV_URL, publicUrl),
          },
          // The sandbox mailbox's service worker: development builds only.
          ...(production ? [] : [{ from: 'public/mockServiceWorker.js', to: 'mockServiceWorker.js' }]),
        ],
      }),
      new FirstScreenSizePlugin({ entry: 'taskpane', budgetKiB: 250 }),
    ],
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' } },
    devServer: {
      port: 3000,
      host: '127.0.0.1',
      hot: false,
      liveReload: false,
      static: [
        { directory: resolve(root, 'node_modules/@microsoft/office-js/dist'), publicPath: '/office-js' },
      ],
      proxy: [crmDevProxy()],
      ...(process.env.DEV_TLS_CERT && process.env.DEV_TLS_KEY
        ? {
            server: {
              type: 'https',
              options: {
                cert: readFileSync(process.env.DEV_TLS_CERT),
                key: readFileSync(process.env.DEV_TLS_KEY),
              },
            },
          }
        : {}),
    },
  };
};
