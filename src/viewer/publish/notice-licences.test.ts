/**
 * Every published notice carries the licences of the code it bundles (MapLibre, React, the font…) and our
 * own, as hidden text in the file: readable in the source, not shown to villagers, not run, and escaped so
 * no licence text can open an element.
 */
import { describe, expect, it } from 'vitest';
import type { NoticePayload } from '../payload/payload.ts';
import { LICENCES_ELEMENT_ID, noticeHtml } from './notice-html.ts';
import { THIRD_PARTY_NOTICES } from './third-party-notices.ts';

const template = { script: 'void 0;', mapScript: 'void 0;', css: 'body{}', worker: 'void 0;' };

describe('licences in the notice HTML', () => {
  it('travel inside the file as hidden, escaped text after the scripts', async () => {
    const { html } = await noticeHtml(template, {} as NoticePayload, '测试村土地利用规划公示');
    const start = html.indexOf(`<pre hidden id="${LICENCES_ELEMENT_ID}">`);
    expect(start).toBeGreaterThan(html.indexOf('<script>'));
    const body = html.slice(start, html.indexOf('</pre>', start));
    expect(body).toContain('MIT License');
    expect(body).toMatch(/maplibre-gl@\S+ {2}BSD-3-Clause/);
    expect(body).toContain('@fontsource/noto-sans-sc@');
    expect(body).toContain('SIL Open Font License');
    // The notices hold "<" (e-mail addresses, URLs); in the file they are entities, never markup.
    expect(THIRD_PARTY_NOTICES).toContain('<');
    expect(body.slice(body.indexOf('>') + 1)).not.toContain('<');
  });
});
