/**
 * PostGIS as the baseline of the coverage benchmark: a throw-away cluster in a temporary folder (Unix
 * socket only, no TCP port), the package's layers loaded with GDAL's ogr2ogr (not timed), and the queries
 * a GIS analyst would write for validity, overlaps and gaps, timed by the server (`\timing`), so process
 * start-up is not counted. Where PostgreSQL + PostGIS are not installed (`apt-get install
 * postgresql-15-postgis-3`), `startPostgis()` returns null and the bench says so and uses GEOS instead.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgis {
  readonly version: string;
  /** Loads a Shapefile (or any OGR source) into `table`, geometry column `geom`, with a GiST index. */
  load(source: string, table: string): void;
  /** Runs SQL; returns the server's execution time (sum of `\timing` lines) and the result rows. */
  query(sql: string): { ms: number; rows: string[] };
  stop(): void;
}

const PORT = 54329;

export function startPostgis(): Postgis | null {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  const version = versions.find((v) => existsSync(`/usr/share/postgresql/${v}/extension/postgis.control`));
  if (!version || spawnSync('which', ['ogr2ogr']).status !== 0) return null;
  const bin = `/usr/lib/postgresql/${version}/bin`;
  const dir = mkdtempSync(join(tmpdir(), 'vp-postgis-'));
  chmodSync(dir, 0o777);
  // initdb refuses to run as root: run the server as the postgres user the Debian package made.
  const asServer = (command: string, args: string[]) => (process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' }));
  const run = (command: string, args: string[]) => {
    const result = asServer(command, args);
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  run(`${bin}/initdb`, ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run(`${bin}/pg_ctl`, ['-D', join(dir, 'data'), '-w', '-l', join(dir, 'log'), '-o', `-k ${dir} -p ${PORT} -c listen_addresses= -c fsync=off -c shared_buffers=512MB -c work_mem=256MB`, 'start']);
  const psql = (sql: string, database = 'bench') => run('psql', ['-h', dir, '-p', String(PORT), '-U', 'postgres', '-d', database, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
  psql('CREATE DATABASE bench', 'postgres');
  psql('CREATE EXTENSION postgis');
  const postgisVersion = psql('SELECT postgis_lib_version()').trim();
  return {
    version: `PostgreSQL ${version}, PostGIS ${postgisVersion}`,
    load(source, table) {
      const out = spawnSync('ogr2ogr', ['-f', 'PostgreSQL', `PG:host=${dir} port=${PORT} user=postgres dbname=bench`, source, '-nln', table, '-lco', 'GEOMETRY_NAME=geom', '-nlt', 'PROMOTE_TO_MULTI', '-overwrite'], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`ogr2ogr ${source}: ${out.stderr}`);
      psql(`ANALYZE ${table}`);
    },
    query(sql) {
      const out = asServer('psql', ['-h', dir, '-p', String(PORT), '-U', 'postgres', '-d', 'bench', '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', '\\timing on', '-c', sql]);
      if (out.status !== 0) throw new Error(`psql: ${out.stderr}`);
      const lines = out.stdout.split('\n');
      const ms = lines.reduce((sum, line) => sum + Number(/^Time: ([\d.]+) ms/.exec(line)?.[1] ?? 0), 0);
      return { ms, rows: lines.filter((line) => line !== '' && !line.startsWith('Time:') && !line.startsWith('Timing')) };
    },
    stop() {
      asServer(`${bin}/pg_ctl`, ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The three checks of the issue, in the GK plane: invalid parcels, overlaps and gaps of at least 0.01 m², with their areas. */
export const POSTGIS_COVERAGE_SQL = {
  validity: 'SELECT count(*) FROM parcels WHERE NOT ST_IsValid(geom)',
  overlaps: `SELECT round(area::numeric, 2) FROM (
      SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM parcels a JOIN parcels b
      ON a.ogc_fid < b.ogc_fid AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, '2********')) o
    WHERE area >= 0.01 ORDER BY 1`,
  gaps: `SELECT round(ST_Area(g)::numeric, 2) FROM (
      SELECT (ST_Dump(ST_Difference(v.geom, (SELECT ST_Union(geom) FROM parcels)))).geom AS g FROM village v) d
    WHERE ST_Area(g) >= 0.01 ORDER BY 1`,
} as const;
