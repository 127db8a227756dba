import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Router } from 'express';

/** The swagger-ui-dist files the page needs; nothing else of the package is served. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
  'swagger-ui-standalone-preset.js': 'text/javascript',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const assetFolder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/**
 * `/v2/docs`: Swagger UI over `/v2/openapi.json`, served from the swagger-ui-dist package so the
 * page works with no internet access. The start-up script is a file (not inline) so a strict
 * Content-Security-Policy can stay on.
 */
export function createDocsRouter(): Router {
  const router = Router();
  router.get(['/v2/docs', '/v2/docs/'], (req, res) => {
    res.type('html').send(page(`${req.baseUrl}/v2/docs`));
  });
  router.get('/v2/docs/initializer.js', (req, res) => {
    res.type('text/javascript').send(initializer(`${req.baseUrl}/v2/openapi.json`));
  });
  router.get('/v2/docs/:asset', (req, res, next) => {
    const type = ASSETS[req.params.asset];
    if (type === undefined) {
      next();
      return;
    }
    res.type(type).sendFile(req.params.asset, { root: assetFolder, maxAge: '1d' });
  });
  return router;
}

function page(base: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Inventory API</title>
    <link rel="stylesheet" href="${base}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${base}/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${base}/swagger-ui-bundle.js"></script>
    <script src="${base}/swagger-ui-standalone-preset.js"></script>
    <script src="${base}/initializer.js"></script>
  </body>
</html>
`;
}

function initializer(specUrl: string): string {
  return `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(specUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;
}
