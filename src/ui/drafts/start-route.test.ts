import { describe, expect, it } from 'vitest';
import { startRoute } from './start-route.ts';

const at = (href: string) => startRoute(new URL(href) as unknown as Location);

describe('what the URL asks to open', () => {
  it('opens a draft, a plan file on this site, the 2026 sample or a database file on this site', () => {
    expect(at('https://plan.example/?draft=d1')).toEqual({ kind: 'draft', id: 'd1' });
    expect(at('https://plan.example/?plan=/demo/a.plan.json')).toEqual({ kind: 'planFile', url: 'https://plan.example/demo/a.plan.json' });
    expect(at('https://plan.example/?database=sample')).toEqual({ kind: 'database', url: 'sample' });
    expect(at('https://plan.example/app/?database=db/v.database.json')).toEqual({ kind: 'database', url: 'https://plan.example/app/db/v.database.json' });
    expect(at('https://plan.example/')).toEqual({ kind: 'home' });
  });

  it('never fetches a plan or a database from another site named in a link', () => {
    expect(at('https://plan.example/?plan=https://elsewhere.example/a.plan.json')).toEqual({ kind: 'home' });
    expect(at('https://plan.example/?database=https://elsewhere.example/v.json')).toEqual({ kind: 'home' });
    expect(at('https://plan.example/?database=//elsewhere.example/v.json')).toEqual({ kind: 'home' });
  });
});
