package io.vitrum.http.routes;

/** The page at {@code /}: what this node serves and where, for a person with a browser. */
final class LandingPage {
  private LandingPage() {}

  static String html() {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Vitrum</title>
        <style>
          body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:46rem;color:#1d2b36}
          h1{margin-bottom:.2rem} p.sub{margin-top:0;color:#56707f}
          code{background:#eef3f6;padding:.1rem .3rem;border-radius:3px}
          li{margin:.35rem 0}
        </style></head>
        <body>
        <h1>Vitrum</h1>
        <p class="sub">Cognitive engine for glass plants &mdash; this node is up.</p>
        <h2>REST API</h2>
        <p>Described by <a href="/api/openapi.yaml"><code>/api/openapi.yaml</code></a> (OpenAPI 3.1).
        Every <code>/api</code> call needs <code>Authorization: Bearer &lt;jwt&gt;</code>; the local
        profile writes an admin token to <code>~/.vitrum/dev-token</code>.</p>
        <ul>
          <li><a href="/api/furnaces/F1"><code>GET /api/furnaces/F1</code></a> &mdash; setpoints, autonomy mode, alarms</li>
          <li><code>POST /api/furnaces/{id}/setpoints</code> &mdash; <code>{"parameter":"crownTemperature","value":1580,"reason":"..."}</code></li>
          <li><code>PUT /api/sensors/{tag}</code> &mdash; <code>{"furnace":"F1","unit":"degC","min":0,"max":1800}</code></li>
          <li><code>POST /api/sensors/{tag}/readings</code> &mdash; <code>{"readings":[{"ts":"...","value":1520.5}]}</code></li>
          <li><a href="/api/sensors/F1.crown.T1"><code>GET /api/sensors/F1.crown.T1</code></a> &mdash; last value, window, anomaly</li>
          <li><a href="/api/twin/F1"><code>GET /api/twin/F1</code></a> &mdash; the digital twin's estimate, disturbances, recent what-ifs</li>
          <li><code>POST /api/twin/{furnace}/what-if</code> &mdash; <code>{"changes":{"crownTemperature":50},"horizonMinutes":60}</code></li>
          <li><code>GET /api/twin/{furnace}/scenarios/{id}</code> &mdash; a recent what-if with its trajectories</li>
          <li><code>POST|GET|DELETE /api/twin/{furnace}/shadow</code> &mdash; shadow mode of candidate setpoints</li>
          <li><code>GET /api/ingest/status</code>, <code>/api/quarantine</code>, <code>/api/tag-map</code> &mdash; ingest</li>
          <li><code>GET /api/audit</code> &mdash; who changed what (admin); <code>GET /api/pipeline/metrics</code> &mdash; latency per stage</li>
        </ul>
        <h2>Management (port 8558)</h2>
        <ul>
          <li><code>/ready</code>, <code>/alive</code>, <code>/cluster/members</code>, <code>/metrics</code></li>
        </ul>
        </body></html>
        """;
  }
}
