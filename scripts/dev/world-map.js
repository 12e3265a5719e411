#!/usr/bin/env node
// Regenerates src/main/resources/narcosim/geo/world-50m.txt.gz (land polygons and country borders
// for the route maps) from Natural Earth 1:50m as packaged by the npm package world-atlas@2.0.2.
//
//   node scripts/dev/world-map.js            (from the repository root; needs node and npm)
//
// Steps: `npm pack world-atlas@2.0.2` into a temporary directory (the tarball's sha1 is checked),
// unpack countries-50m.json (TopoJSON), decode its arcs, simplify each arc once with Douglas-Peucker
// at TOLERANCE degrees (arcs are shared between neighbouring countries and the land outline, so
// borders still end exactly on the simplified coast), round to hundredths of a degree, and write:
//   land rings: the "land" object (the countries merged), outer rings and holes;
//   borders:    the arcs shared by two different countries (land borders, no coastline).
// The temporary directory is removed; nothing is left in the work tree but the resource.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const PACKAGE = 'world-atlas@2.0.2';
const TARBALL_SHA1 = '4bca4a578f3a413bd409c3f07f2054fe7375824f';
const TOLERANCE = 0.02; // degrees (about 2 km): under half a pixel on a 1000-pixel map of 50 degrees
const UNIT = 100; // coordinates are stored in hundredths of a degree
const MIN_AREA = 0.0005; // square degrees: smaller islands (about 2.5 x 2.5 km) are left out
const OUT = path.join(__dirname, '..', '..', 'src', 'main', 'resources', 'narcosim', 'geo', 'world-50m.txt.gz');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'world-atlas-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = path.join(tmp, 'world-atlas-2.0.2.tgz');
  const sha1 = crypto.createHash('sha1').update(fs.readFileSync(tgz)).digest('hex');
  if (sha1 !== TARBALL_SHA1) throw new Error(`${PACKAGE}: sha1 ${sha1}, expected ${TARBALL_SHA1}`);
  execFileSync('tar', ['xzf', tgz, '-C', tmp, 'package/countries-50m.json']);
  const topo = JSON.parse(fs.readFileSync(path.join(tmp, 'package', 'countries-50m.json'), 'utf8'));
  const text = convert(topo);
  const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  gz.writeUInt32LE(0, 4); // gzip header mtime: zero, so that the same input gives the same bytes
  fs.writeFileSync(OUT, gz);
  console.log(`${path.relative(process.cwd(), OUT)}: ${gz.length} bytes (${text.length} unpacked)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

function convert(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const simple = arcs.map(a => dedupe(simplify(a, TOLERANCE).map(([x, y]) => [Math.round(x * UNIT), Math.round(y * UNIT)])));
  const ring = ids => {
    const pts = [];
    for (const i of ids) {
      const a = i >= 0 ? simple[i] : simple[~i].slice().reverse();
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    const r = dedupe(pts);
    if (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop();
    return r;
  };
  const lines = [
    '# narcosim world map: land and country borders, Natural Earth 1:50m (public domain), via the npm package',
    `# ${PACKAGE} (ISC). Made by scripts/dev/world-map.js: Douglas-Peucker at ${TOLERANCE} degrees, coordinates`,
    `# in 1/${UNIT} degree, islands under ${MIN_AREA} square degrees left out. One ring or line per row:`,
    '# L = outer ring of a land polygon, H = a hole in the last L (a lake or inland sea), B = a border line;',
    '# then the first point (lon lat) and each next point as the difference from the one before.',
  ];
  let kept = 0, dropped = 0;
  for (const g of topo.objects.land.geometries) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    for (const poly of polys) {
      const outer = ring(poly[0]);
      if (outer.length < 3 || Math.abs(area(outer)) < MIN_AREA * UNIT * UNIT) { dropped++; continue; }
      kept++;
      lines.push(row('L', outer));
      for (const h of poly.slice(1)) {
        const hole = ring(h);
        if (hole.length >= 3 && Math.abs(area(hole)) >= MIN_AREA * UNIT * UNIT) lines.push(row('H', hole));
      }
    }
  }
  // arcs shared by two different countries are land borders
  const owners = new Map();
  const visit = (g, arcsOf) => {
    const walk = x => Array.isArray(x) ? x.forEach(walk) : (owners.get(x < 0 ? ~x : x) || owners.set(x < 0 ? ~x : x, new Set()).get(x < 0 ? ~x : x)).add(g);
    walk(arcsOf);
  };
  topo.objects.countries.geometries.forEach((g, k) => visit(k, g.arcs || []));
  let borders = 0;
  for (const [i, who] of [...owners.entries()].sort((a, b) => a[0] - b[0])) {
    if (who.size < 2 || simple[i].length < 2) continue;
    lines.push(row('B', simple[i]));
    borders++;
  }
  console.log(`land polygons kept ${kept}, dropped ${dropped} small islands; ${borders} border lines`);
  return lines.join('\n') + '\n';
}

function row(tag, pts) {
  const out = [tag, pts[0][0], pts[0][1]];
  for (let k = 1; k < pts.length; k++) out.push(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]);
  return out.join(' ');
}

function dedupe(pts) {
  return pts.filter((p, k) => k === 0 || p[0] !== pts[k - 1][0] || p[1] !== pts[k - 1][1]);
}

function area(r) {
  let s = 0;
  for (let k = 0; k < r.length; k++) {
    const [x0, y0] = r[k], [x1, y1] = r[(k + 1) % r.length];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

/** Douglas-Peucker keeping both ends; a closed arc (first point = last) splits at its farthest point. */
function simplify(pts, tol) {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, far = -1;
    for (let k = i + 1; k < j; k++) {
      const d = dist(pts[k], pts[i], pts[j]);
      if (d > far) { far = d; best = k; }
    }
    const closed = pts[i][0] === pts[j][0] && pts[i][1] === pts[j][1];
    if (best >= 0 && (far > tol || closed)) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

function dist(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  let t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
