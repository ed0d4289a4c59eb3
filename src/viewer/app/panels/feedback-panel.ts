/**
 * The villager's comments: write one about a tapped parcel or a dropped pin (name and phone optional), see
 * and delete the ones kept on this phone, and send them to the planner as a small file or as QR-friendly
 * text. Comments are shown with textContent only: whatever a villager types stays text.
 */
import { MAX_AUTHOR, MAX_COMMENT, MAX_PHONE, writeFeedbackFile, type FeedbackBundle, type VillagerComment } from '../../../io/feedback/feedback-file.ts';
import { writeQrText } from '../../../io/feedback/qr-text.ts';
import { el, saveFile } from '../dom.ts';
import { qrSvg } from '../qr.ts';
import type { ViewerContext } from '../viewer-state.ts';

function newId(): string {
  // crypto.getRandomValues works where randomUUID may not (a file opened outside a secure context).
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function bundle(ctx: ViewerContext): FeedbackBundle {
  const { planId, noticeId, village } = ctx.model.payload;
  return { planId, noticeId, village: village.name, comments: ctx.store.list() };
}

function commentForm(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const place = ctx.state().commentPlace;
  const comment = el('textarea', { attrs: { rows: '4', maxlength: String(MAX_COMMENT), required: '', 'data-testid': 'comment-text', 'aria-label': t('notice.feedback.comment') } });
  const author = el('input', { attrs: { type: 'text', maxlength: String(MAX_AUTHOR), autocomplete: 'name', 'data-testid': 'comment-author' } });
  const phone = el('input', { attrs: { type: 'tel', maxlength: String(MAX_PHONE), autocomplete: 'tel', 'data-testid': 'comment-phone' } });
  const problem = el('p', { className: 'problem', attrs: { role: 'alert' } });
  const form = el(
    'form',
    {
      className: 'comment-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const text = comment.value.trim();
          if (!text || !place) {
            problem.textContent = t('notice.feedback.commentNeeded');
            return;
          }
          const [lon, lat] = place.at as [number, number];
          ctx.store.add({ id: newId(), createdAt: new Date().toISOString(), at: [lon, lat], targetFeatureId: place.featureId, comment: text, author: author.value.trim() || null, phone: phone.value.trim() || null });
          ctx.update({ commentPlace: null, pinMode: false, feedbackNote: t(ctx.store.persistent ? 'notice.feedback.saved' : 'notice.feedback.savedNotKept'), qrText: null });
        },
      },
    },
    el('p', { className: 'hint' }, t(place?.featureId ? 'notice.feedback.aboutParcel' : 'notice.feedback.aboutPin')),
    el('label', {}, t('notice.feedback.comment'), comment),
    el('label', {}, t('notice.feedback.author'), author),
    el('label', {}, t('notice.feedback.phone'), phone),
    problem,
    el(
      'div',
      { className: 'buttons' },
      el('button', { className: 'primary', attrs: { type: 'submit', 'data-action': 'save-comment' } }, t('notice.feedback.save')),
      el('button', { attrs: { type: 'button' }, on: { click: () => ctx.update({ commentPlace: null, pinMode: false }) } }, t('notice.feedback.cancel')),
    ),
  );
  return form;
}

function savedComment(ctx: ViewerContext, c: VillagerComment): HTMLElement {
  const t = ctx.t();
  return el(
    'li',
    { attrs: { 'data-comment': c.id } },
    el('p', { className: 'comment-text' }, c.comment),
    el('small', {}, new Date(c.createdAt).toLocaleString(), c.author ? ` · ${c.author}` : ''),
    el('button', { className: 'link', attrs: { type: 'button' }, on: { click: () => (ctx.store.remove(c.id), ctx.update({ qrText: null })) } }, t('notice.feedback.delete')),
  );
}

function exportTools(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const { qrText } = ctx.state();
  const saveButton = el('button', {
    className: 'primary',
    attrs: { type: 'button', 'data-action': 'export-feedback' },
    on: {
      click: () => {
        const now = new Date();
        saveFile(t('notice.feedback.fileName', { village: ctx.model.payload.village.name, date: ctx.today, n: now.getTime() % 100000 }), writeFeedbackFile(bundle(ctx), now.toISOString()), 'application/json');
        ctx.update({ feedbackNote: t('notice.feedback.exported') });
      },
    },
  }, t('notice.feedback.export'));
  const qrButton = el('button', { attrs: { type: 'button', 'data-action': 'show-qr' }, on: { click: () => ctx.update({ qrText: writeQrText(bundle(ctx)) }) } }, t('notice.feedback.showQr'));
  const parts: HTMLElement[] = [el('div', { className: 'buttons' }, saveButton, qrButton)];
  if (qrText) {
    const text = el('textarea', { attrs: { readonly: '', rows: '4', 'data-testid': 'qr-text', 'aria-label': t('notice.feedback.qrText') } });
    text.value = qrText;
    const copy = el('button', {
      attrs: { type: 'button' },
      on: {
        click: () => {
          text.select();
          void navigator.clipboard?.writeText(qrText).catch(() => undefined);
          ctx.update({ feedbackNote: t('notice.feedback.copied') });
        },
      },
    }, t('notice.feedback.copy'));
    const svg = qrSvg(qrText);
    parts.push(el('p', { className: 'hint' }, t('notice.feedback.qrHint')), ...(svg ? [el('div', { className: 'qr' }, svg)] : [el('p', { className: 'hint' }, t('notice.feedback.qrTooLong'))]), text, copy);
  }
  return el('div', { className: 'export' }, ...parts);
}

export function feedbackPanel(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const { commentPlace, pinMode, feedbackNote } = ctx.state();
  const comments = ctx.store.list();
  const body = el('div', { className: 'panel-body feedback' });
  if (feedbackNote) body.append(el('p', { className: 'note', attrs: { role: 'status' } }, feedbackNote));
  if (!ctx.store.persistent) body.append(el('p', { className: 'problem' }, t('notice.feedback.notKept')));
  if (commentPlace) body.append(commentForm(ctx));
  else {
    body.append(
      el('p', { className: 'hint' }, t(pinMode ? 'notice.feedback.tapToPin' : 'notice.feedback.howTo')),
      el('button', { className: pinMode ? 'toggle on' : 'primary', attrs: { type: 'button', 'data-action': 'drop-pin', 'aria-pressed': String(pinMode) }, on: { click: () => ctx.update({ pinMode: !pinMode, feedbackNote: null }) } }, t('notice.feedback.dropPin')),
    );
  }
  body.append(el('h3', {}, t('notice.feedback.mine', { count: comments.length })));
  if (comments.length) {
    body.append(el('ul', { className: 'comments', attrs: { 'data-testid': 'my-comments' } }, ...comments.map((c) => savedComment(ctx, c))), exportTools(ctx));
  } else body.append(el('p', { className: 'hint' }, t('notice.feedback.none')));
  return body;
}
