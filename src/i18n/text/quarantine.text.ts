/** Records set aside from a draft because they could not be read back: the status bar, the panel, the confirmations. */
import type { Texts } from './text.ts';

export const quarantineText: Texts = {
  'quarantine.status': { zh: '{{count}} 个记录已隔离，待处理', en: '{{count}} record(s) set aside, to decide' },
  'quarantine.statusHint': {
    zh: '这些记录在打开草稿时无法读取，已从规划中去掉并另行保存。请逐一恢复或舍弃。',
    en: 'These records could not be read when the draft opened; they were left out of the plan and kept aside. Restore or discard each one.',
  },
  'quarantine.title': { zh: '已隔离的记录', en: 'Records set aside' },
  'quarantine.intro': {
    zh: '打开草稿时以下记录无法读取，已从规划中去掉，原始内容另行保存。恢复或舍弃都可以撤销。',
    en: 'These records could not be read when the draft opened. They are left out of the plan and kept as they were. Restoring and discarding can both be undone.',
  },
  'quarantine.empty': { zh: '没有待处理的隔离记录。', en: 'No records are waiting to be decided.' },
  'quarantine.kind.features': { zh: '要素：{{layer}}', en: 'Feature: {{layer}}' },
  'quarantine.kind.history': { zh: '撤销步骤', en: 'Undo step' },
  'quarantine.kind.planMeta': { zh: '规划基本信息', en: 'Plan details' },
  'quarantine.kind.featureNumbered': { zh: '要素：{{layer}} 编号 {{number}}', en: 'Feature: {{layer}} no. {{number}}' },
  'quarantine.layerUnknown': { zh: '图层不明', en: 'unknown layer' },
  'quarantine.setAsideAt': { zh: '隔离于 {{time}}', en: 'Set aside {{time}}' },
  'quarantine.problem.history': {
    zh: '撤销记录无法读取：这一步及更早的步骤不能再撤销，规划本身没有受影响。',
    en: 'The undo record could not be read: this step and the ones before it can no longer be undone; the plan itself is not affected.',
  },
  'quarantine.problem.planMeta': {
    zh: '规划基本信息（村名、人口、指标等）无法读取，已用默认值代替，请在“规划信息”中核对。',
    en: 'The plan details (village name, population, quotas…) could not be read and were replaced by defaults; check them under Plan details.',
  },
  'quarantine.problem.asIs': { zh: '记录可以读取，按原样恢复。', en: 'The record can be read; it is restored as it was.' },
  'quarantine.repairsIntro': { zh: '恢复时将做以下修复：', en: 'Restoring makes these repairs:' },
  'quarantine.download': { zh: '下载原始记录', en: 'Download the raw record' },
  'quarantine.restore': { zh: '恢复', en: 'Restore' },
  'quarantine.repairRestore': { zh: '修复并恢复', en: 'Repair and restore' },
  'quarantine.discard': { zh: '舍弃', en: 'Discard' },
  'quarantine.restored': { zh: '已恢复：{{what}}', en: 'Restored: {{what}}' },
  'quarantine.discarded': { zh: '已舍弃：{{what}}（可撤销）', en: 'Discarded: {{what}} (can be undone)' },
  'quarantine.readOnly': { zh: '此草稿正在其他标签页中编辑，请在那里处理隔离记录。', en: 'This draft is being edited in another tab; decide on the set-aside records there.' },
  'quarantine.confirm': {
    zh: '草稿中还有 {{count}} 个已隔离的记录没有处理（{{list}}），它们不在规划中。仍要{{action}}吗？',
    en: '{{count}} set-aside record(s) of this draft are still undecided ({{list}}) and are not in the plan. {{action}} anyway?',
  },
  'quarantine.action.exportPackage': { zh: '导出成果包', en: 'Export the package' },
  'quarantine.action.publishNotice': { zh: '发布公示', en: 'Publish the notice' },
  'quarantine.action.createVersion': { zh: '保存版本', en: 'Save the version' },
  'quarantine.restore.notAFeature': { zh: '只有要素记录可以恢复；此记录可以下载或舍弃。', en: 'Only feature records can be restored; this one can be downloaded or discarded.' },
  'quarantine.restore.nothingReadable': { zh: '记录中没有可读的要素，无法恢复；可以下载原始记录或舍弃。', en: 'The record holds no readable feature and cannot be restored; download it or discard it.' },
  'quarantine.restore.noLayer': { zh: '无法确定记录属于哪个图层，无法恢复。', en: 'Which layer the record belongs to cannot be read; it cannot be restored.' },
  'quarantine.restore.noGeometry': { zh: '记录中的图形无法读取，无法恢复。', en: 'The record’s geometry cannot be read; it cannot be restored.' },
  'quarantine.restore.invalidGeometry': {
    zh: '记录中的图形修复后仍无效（点数不足或面积为零），无法恢复。',
    en: 'The record’s geometry is still invalid after repair (too few points or no area); it cannot be restored.',
  },
  'quarantine.repair.geometry': {
    zh: '图形已修复（去除重复点、闭合环、消除自相交），面积 {{beforeM2}} → {{afterM2}} m²',
    en: 'Geometry repaired (duplicate points removed, rings closed, self-intersections resolved); area {{beforeM2}} → {{afterM2}} m²',
  },
  'quarantine.repair.field': { zh: '字段“{{field}}”的值 {{value}} 无效，改为默认值 {{fallback}}', en: 'Field “{{field}}”: value {{value}} is invalid, set to the default {{fallback}}' },
  'quarantine.repair.newId': { zh: '要素标识无法读取，已给新标识', en: 'The feature id could not be read; it gets a new one' },
  'quarantine.repair.idTaken': { zh: '要素标识已被另一要素使用，已给新标识', en: 'The feature id is used by another feature; it gets a new one' },
  'commands.restoreSetAside.label': { zh: '恢复隔离记录', en: 'Restore a set-aside record' },
  'commands.discardSetAside.label': { zh: '舍弃隔离记录', en: 'Discard a set-aside record' },
};
