import { describe, expect, it } from 'vitest';
import { fieldNamer } from './village-fields.ts';

describe('fieldNamer', () => {
  it('renames declared fields in any case and by alias, whole or cut to 10 bytes in GBK or UTF-8', () => {
    const rename = fieldNamer('GHDLTB', ['ghdlbm', '规划地类名', '所属边', '备注']);
    expect(['ghdlbm', '规划地类名', '所属边', '备注', 'other'].map(rename)).toEqual(['GHDLBM', 'GHDLMC', 'SSBJLX', 'BZ', 'other']);
  });

  it('leaves a cut alias two fields share (UTF-8 规划地: 规划地类编码 and 规划地类名称) as it is', () => {
    expect(fieldNamer('GHDLTB', ['规划地'])('规划地')).toBe('规划地');
  });

  it('takes no alias for a field the file has under its own name, nor two aliases for one field', () => {
    expect(fieldNamer('GHDLTB', ['GHDLBM', '规划地类编码'])('规划地类编码')).toBe('规划地类编码');
    const both = fieldNamer('GHDLTB', ['规划地类编码', '规划地类编']);
    expect([both('规划地类编码'), both('规划地类编')]).toEqual(['规划地类编码', '规划地类编']);
  });

  it('reads another tool’s 用地用海 code and name fields (YDYHFLDM/YDYHFLMC) as the parcel layer’s, never a 三调 DLBM', () => {
    const rename = fieldNamer('JQDLTB', ['ydyhfldm', 'YDYHFLMC', 'DLBM']);
    expect(['ydyhfldm', 'YDYHFLMC', 'DLBM'].map(rename)).toEqual(['JQDLBM', 'JQDLMC', 'DLBM']);
    expect(fieldNamer('GHDLTB', ['GHDLBM', 'YDYHFLDM'])('YDYHFLDM')).toBe('YDYHFLDM');
  });

  it('reads aliases per layer: LSWHLXDM keeps its source alias 管控边界类型代码 there, GKBJLXDM has it in GKBJ', () => {
    expect(fieldNamer('LSWHBHQ', ['管控边界类型代码'])('管控边界类型代码')).toBe('LSWHLXDM');
    expect(fieldNamer('GKBJ', ['管控边界类型代码'])('管控边界类型代码')).toBe('GKBJLXDM');
  });
});
