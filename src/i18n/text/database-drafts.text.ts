/** 2026 village plans kept on this computer (`persist/database-drafts.ts`): opening, saving, reading, their undo history. */
import type { Texts } from './text.ts';

export const databaseDraftsText: Texts = {
  'databaseDrafts.storage.unavailable': {
    zh: '浏览器不允许本页在本机保存村庄规划（{{detail}}），可能处于无痕/隐私模式。规划不会保存到本机，请用“保存数据库文件”保存。',
    en: 'The browser does not let this page keep village plans on this computer ({{detail}}); it may be in private mode. Plans are not kept here: use “Save database file”.',
  },
  'databaseDrafts.storage.tooNew': {
    zh: '本机的村庄规划由更新版本的程序保存。请刷新页面以使用新版本。',
    en: 'The village plans on this computer were saved by a newer version of the editor. Reload the page to use it.',
  },
  'databaseDrafts.list.unreadable': {
    zh: '有 {{count}} 个本机村庄规划的记录已损坏，无法列出（记录已保留，没有删除）。',
    en: '{{count}} village plan records on this computer are damaged and cannot be listed (they were kept, not deleted).',
  },
  'databaseDrafts.notFound': {
    zh: '本机找不到这个村庄规划（可能已在其他标签页中删除）。',
    en: 'This village plan is not on this computer (it may have been deleted in another tab).',
  },
  'databaseDrafts.name.empty': { zh: '请填写规划名称。', en: 'Enter a name for the plan.' },
  'databaseDrafts.read.damaged': {
    zh: '本机保存的村庄规划“{{name}}”已损坏，无法打开。记录已保留，没有删除；如有保存过的 .database.json 文件，请从文件打开。',
    en: 'The village plan “{{name}}” kept on this computer is damaged and cannot be opened. Its record was kept, not deleted; if you saved it as a .database.json file, open that file instead.',
  },
  'databaseDrafts.history.dropped': {
    zh: '本机保存的村庄规划“{{name}}”的撤销记录与规划对不上（记录已损坏，或由其他版本的程序保存），没有使用。规划本身完好，已经打开，只是此前的修改不能再撤销。',
    en: 'The undo history kept with the village plan “{{name}}” does not match the plan (it is damaged, or was saved by another version of the editor) and was not used. The plan itself is whole and open; only the earlier edits can no longer be undone.',
  },
  'databaseDrafts.read.failed': {
    zh: '读取本机村庄规划时出错（{{detail}}）。请刷新页面后重试。',
    en: 'Reading the village plans on this computer failed ({{detail}}). Reload the page and try again.',
  },
  'databaseDrafts.save.stale': {
    zh: '村庄规划“{{name}}”已在其他标签页中保存了更新的版本。为免覆盖它，本页的修改没有保存到本机，但仍在本页中：请先“保存数据库文件”，再重新打开该规划。',
    en: 'A newer version of the village plan “{{name}}” was saved in another tab. So as not to overwrite it, this page’s changes were not saved on this computer, but they are still in this page: use “Save database file”, then open the plan again.',
  },
  'databaseDrafts.write.quota': {
    zh: '磁盘空间不足：村庄规划没有保存到本机，但本页中的规划没有丢失。请先“保存数据库文件”，再在起始页删除不用的规划或草稿、清理磁盘，腾出空间后再保存。',
    en: 'The disk is full: the village plan was not saved on this computer, but the plan in this page is not lost. Use “Save database file” first, then delete plans or drafts you no longer need on the start page and free disk space before saving again.',
  },
  'databaseDrafts.write.closed': {
    zh: '本机存储已断开（程序可能在其他标签页中更新了）。本页中的规划没有丢失：请先“保存数据库文件”，再刷新页面。',
    en: 'Storage was disconnected (the app may have been updated in another tab). The plan in this page is not lost: use “Save database file”, then reload.',
  },
  'databaseDrafts.write.other': {
    zh: '村庄规划没有保存到本机（{{detail}}），本页中的规划没有丢失。请重试，或“保存数据库文件”。',
    en: 'The village plan was not saved on this computer ({{detail}}); the plan in this page is not lost. Try again, or use “Save database file”.',
  },
};
