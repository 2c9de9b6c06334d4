/* The browser preview (development and demo only; the manifest never loads it): the real task pane
 * beside a rendered workbook, both over the in-memory Excel. No office.js, no network.
 * `npm run preview` serves it on http://localhost:3001; `npm run build:preview` → dist/preview. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const PORT = Number(process.env.PREVIEW_PORT || 3001);

module.exports = (_env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      preview: './src/preview/index.tsx',
      // "Tổng hợp từ nhiều tệp" reads the files in this worker (src/consolidate/worker.ts).
      'consolidate-worker': { import: './src/consolidate/worker.ts', chunkLoading: false },
    },
    output: {
      path: path.resolve(__dirname, 'dist/preview'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      // exceljs' browser build (its package "browser" field) is one prebuilt UMD file: nothing to parse.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', moduleResolution: 'node', noEmit: false } },
          },
        },
      ],
    },
    performance: { hints: false },
    // One file per lazy import, named after it (chunks/sample.…js, chunks/exceljs.…js): the e2e test
    // checks that neither loads before it is needed.
    optimization: { splitChunks: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
        scriptLoading: 'defer',
      }),
    ],
    devServer: {
      port: PORT,
      host: 'localhost',
      server: 'http',
      static: false,
      hot: false,
      liveReload: true,
      open: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
