// Starts Swagger UI on /docs with the document the proxy serves at
// /openapi.json. Signing in uses the document's `oauth2Password` scheme:
// "Authorize" posts the form (username = email, password) to its tokenUrl,
// /auth/login, and every "Try it out" call then carries the bearer token.
'use strict';

window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    presets: [SwaggerUIBundle.presets.apis],
    deepLinking: true,
    displayRequestDuration: true,
    // The default sends the document to an online validator; this page
    // makes no request outside its own origin.
    validatorUrl: null,
    // Keep the token in memory only: closing the tab signs out.
    persistAuthorization: false,
  });
});
