/* Builds the add-in: the task pane (React + Fluent UI), the custom functions and their metadata,
 * the help page, the manifest. `npm run build` → dist/addin (source maps beside it, in
 * dist/addin-sourcemaps, never served); `npm run dev-server` serves it over https on localhost. */
const path = require('path');
const fs = require('fs');
const os = require('os');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { FunctionsLocalesPlugin } = require('./scripts/webpack/functions-locales');
const { contentSecurityPolicy, helpContentSecurityPolicy } = require('./scripts/webpack/csp');
const { productionManifest } = require('./scripts/webpack/manifest');
const { SourceMapsBesidePlugin } = require('./scripts/webpack/source-maps');
const { BundleBudgetPlugin } = require('./scripts/webpack/bundle-budget');

const DEV_URL = 'https://localhost:3000/';
const SOURCE_MAPS = path.resolve(__dirname, 'dist/addin-sourcemaps');
/** Where the production build is served from; the manifest's URLs are rewritten to it. */
const PROD_URL = process.env.ADDIN_URL || 'https://cchc-addin.example.gov.vn/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** What taskpane.html may load before the pane shows (minified JS of its entries); see tests/build. */
const INITIAL_JS_BUDGET_KIB = 450;

/** https options for the dev server: office-addin-dev-certs' certificate, read directly (see TOOLCHAIN.md). */
function httpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (fs.existsSync(file('localhost.key')) && fs.existsSync(file('localhost.crt'))) {
    return {
      key: fs.readFileSync(file('localhost.key')),
      cert: fs.readFileSync(file('localhost.crt')),
      ca: fs.existsSync(file('ca.crt')) ? fs.readFileSync(file('ca.crt')) : undefined,
    };
  }
  return undefined; // webpack-dev-server makes a self-signed certificate
}

module.exports = (_env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const url = dev ? DEV_URL : PROD_URL;
  return {
    mode: dev ? 'development' : 'production',
    // No eval in either build: the pane's CSP has no 'unsafe-eval', in development too. Production
    // maps are written beside dist/addin (hidden: no sourceMappingURL in the served files).
    devtool: dev ? 'cheap-module-source-map' : 'hidden-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
      // "Tổng hợp từ nhiều tệp" reads the files here, off the page (src/consolidate/worker.ts).
      'consolidate-worker': { import: './src/consolidate/worker.ts', chunkLoading: false },
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // Relative to dist/addin: the maps land in dist/addin-sourcemaps.
      ...(dev ? {} : { sourceMapFilename: `${path.relative(path.resolve(__dirname, 'dist/addin'), SOURCE_MAPS)}/[file].map` }),
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`'s job; ES modules here so lazy imports split.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', moduleResolution: 'node', noEmit: false } },
          },
        },
        { test: /\.(png|svg)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    // exceljs (only for reading a file in the preview) is loaded lazily and needs no Node polyfills there.
    performance: { hints: false },
    optimization: {
      // functions.js stays one self-contained file: it is the script Excel loads for the custom
      // functions. The task pane's own code splits (its lazy parts load on demand).
      // The worker is one file too (no chunk loading inside a worker).
      splitChunks: { chunks: (chunk) => chunk.name !== 'functions' && chunk.name !== 'consolidate-worker' },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new FunctionsLocalesPlugin({ source: 'functions.json', english: './src/functions/metadata.en.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: { officeJs: OFFICE_JS, csp: contentSecurityPolicy({ dev, origin: url }) },
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/help/help.html',
        chunks: [],
        inject: false,
        templateParameters: { csp: helpContentSecurityPolicy() },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icons', to: 'assets' },
          {
            // The exact file name: a glob here would make the project root a watched directory.
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : productionManifest(content.toString(), PROD_URL)),
          },
        ],
      }),
      ...(dev
        ? []
        : [
            new SourceMapsBesidePlugin({ dir: SOURCE_MAPS }),
            new BundleBudgetPlugin({
              entries: ['taskpane'],
              budgetKiB: INITIAL_JS_BUDGET_KIB,
              startChunks: ['session', 'workspace'],
            }),
          ]),
    ],
    devServer: {
      // This machine only: the development build is not for the network.
      host: 'localhost',
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: httpsOptions() },
      static: false,
      hot: false,
    },
  };
};
