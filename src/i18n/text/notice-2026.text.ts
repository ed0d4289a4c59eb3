/**
 * The public notice of a 2026 村庄规划: the villagers' viewer (its sentence, legend and notice text; the
 * viewer carries this file) and publishing it from the database view.
 */
import { zhejiang2026NoticeText } from '../../profiles/zhejiang-2026/text/notice.text.ts';
import type { Texts } from './text.ts';

export const notice2026Text: Texts = {
  'notice2026.title': { zh: '{{village}}村庄规划公示', en: '{{village}} village plan: public notice' },
  'notice2026.text.intro': { zh: '根据村庄规划编制要求，现将《{{village}}村庄规划》草案（{{version}}）予以公示，广泛听取村民和社会各界意见。', en: 'The draft village plan of {{village}} ({{version}}) is posted for public notice so that villagers and the public can give their views.' },
  'notice2026.text.period': { zh: '规划期限：{{period}}', en: 'Plan period: {{period}}' },
  'notice2026.legend.hint': { zh: '点地图上的任意地块，就能看到那里规划做什么用。', en: 'Tap any plot on the map to see what the plan makes of it.' },
  'notice2026.legend.constructionBoundary': { zh: '村庄建设边界（可以安排建设的范围）', en: 'Village construction boundary (where building may be planned)' },
  'notice2026.legend.pbf': { zh: '永久基本农田（不能建房）', en: 'Permanent basic farmland (no building)' },
  'notice2026.legend.redLine': { zh: '生态保护红线（严格保护）', en: 'Ecological protection red line (strictly protected)' },
  'notice2026.legend.class': { zh: '{{name}}（{{code}}）', en: '{{name}} ({{code}})' },
  // A name the code list gives in both languages (a 管控边界 type), passed as it is.
  'notice2026.named': { zh: '{{zh}}', en: '{{en}}' },
  // The plain words for a parcel's class are the profile's, spread here because the viewer carries this file.
  ...zhejiang2026NoticeText,

  'notice2026.tap.parcel': { zh: '这里规划为{{plain}}（{{name}}，{{code}}），面积约 {{m2}} 平方米（{{mu}} 亩）。{{pbf}}{{redLine}}{{boundary}}', en: 'Planned here: {{plain}} ({{name}}, {{code}}), about {{m2}} m² ({{mu}} mu). {{pbf}}{{redLine}}{{boundary}}' },
  'notice2026.tap.inPbf': { zh: '这里是永久基本农田，不能建房。', en: 'This is permanent basic farmland: no building is allowed. ' },
  'notice2026.tap.inRedLine': { zh: '这里在生态保护红线内，严格保护。', en: 'This lies within the ecological protection red line and is strictly protected. ' },
  'notice2026.tap.inConcentrated': { zh: '这里在村庄建设边界内（村庄集中建设区）。', en: 'This lies within the village construction boundary (concentrated construction area).' },
  'notice2026.tap.inFlexible': { zh: '这里在村庄建设边界内（村庄弹性发展区）。', en: 'This lies within the village construction boundary (flexible development area).' },
  'notice2026.tap.inConstructionBoundary': { zh: '这里在村庄建设边界内。', en: 'This lies within the village construction boundary.' },
  'notice2026.tap.outsideConstructionBoundary': { zh: '这里在村庄建设边界外。', en: 'This lies outside the village construction boundary.' },

  'notice2026.ui.open': { zh: '发布公示…', en: 'Publish notice…' },
  'notice2026.ui.openHint': { zh: '生成村民用手机查看的公示文件（一个 HTML 文件）', en: 'Make the notice file villagers open on a phone (one HTML file)' },
  'notice2026.ui.title': { zh: '发布村庄规划公示', en: 'Publish the village plan notice' },
  'notice2026.ui.hint': { zh: '公示文件是一个 HTML 文件，可以发到村民群或放在村网站上；手机离线也能打开。公示期不少于 30 日；检查有错误的规划不能公示。', en: 'The notice is one HTML file to share in the villagers’ chat or on the village website; it opens on a phone offline. The notice runs for at least 30 days; a plan whose checks find errors cannot be published.' },
  'notice2026.ui.versionName': { zh: '方案名称', en: 'Draft name' },
  'notice2026.ui.defaultVersion': { zh: '公示稿', en: 'Public notice draft' },
  'notice2026.ui.notChecked': { zh: '检查和表格尚未算完，请稍候。', en: 'The checks and tables are still being computed: please wait.' },
};
