/** The built notice viewer, made at build time by scripts/build/notice-template.ts. */
declare module 'virtual:notice-template' {
  const template: import('./notice-html.ts').NoticeTemplate;
  export default template;
}
