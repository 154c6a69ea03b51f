import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DUTY_LIST_LIMITS, dutyItemsFromTemplate, shippedDutyItems, normalizeDutyItems, REGION_LEADER_POST_TEMPLATE, REGION_LEADER_POSTS, RESPONSIBILITY_PRINCIPLES, SHIPPED_DUTY_TEMPLATES } from './duty-templates.js';

describe('shipped duty-list templates', () => {
  it('cover the seven typical posts from the party secretary down to the worker', () => {
    expect(SHIPPED_DUTY_TEMPLATES.map((t) => t.post['zh-CN'])).toEqual(['党委书记', '区长/县长（政府主要负责人）', '分管副职', '部门负责人', '企业主要负责人', '安全管理人员', '岗位员工']);
  });

  it('use each of the three principles 党政同责, 一岗双责 and 全员岗位责任制', () => {
    expect(new Set(SHIPPED_DUTY_TEMPLATES.map((t) => t.principle))).toEqual(new Set(RESPONSIBILITY_PRINCIPLES));
  });

  it('have unique codes, and every item a basis, two languages and a valid length', () => {
    expect(new Set(SHIPPED_DUTY_TEMPLATES.map((t) => t.code)).size).toBe(SHIPPED_DUTY_TEMPLATES.length);
    for (const template of SHIPPED_DUTY_TEMPLATES) {
      expect(template.items.length, template.code).toBeGreaterThan(0);
      for (const item of template.items) {
        expect(item.basis).toMatch(/《.+》/);
        expect(item.en.length).toBeGreaterThan(0);
        expect(normalizeDutyItems([{ text: item['zh-CN'], basis: item.basis }]).problem).toBeNull();
      }
    }
  });

  it("quote the enterprise principal's seven duties of Work Safety Law art. 21 without a verify mark", () => {
    const principal = SHIPPED_DUTY_TEMPLATES.find((t) => t.code === 'enterprise_principal')!;
    expect(principal.items).toHaveLength(7);
    expect(principal.items.every((item) => !item.verify && item.basis.includes('第二十一条'))).toBe(true);
    expect(principal.items[6]!['zh-CN']).toBe('及时、如实报告生产安全事故');
  });

  it('mark the duties paraphrased from the 2018 rules on local leaders for checking', () => {
    const secretary = SHIPPED_DUTY_TEMPLATES.find((t) => t.code === 'party_secretary')!;
    expect(secretary.items.every((item) => item.verify)).toBe(true);
  });
});

describe('a duty list from a template', () => {
  it('takes the zh-CN text and the basis of each item, in order, without the verify marks', () => {
    const items = dutyItemsFromTemplate(shippedDutyItems(SHIPPED_DUTY_TEMPLATES.find((t) => t.code === 'post_worker')!));
    expect(items[0]).toEqual({ text: '严格落实岗位安全责任，遵守本单位的安全生产规章制度和操作规程，服从管理', basis: '《安全生产法》（2021年修正） 第五十七条' });
    expect(items).toHaveLength(4);
  });
});

describe('normalizing duty items', () => {
  it('trims text and turns an empty basis into null', () => {
    expect(normalizeDutyItems([{ text: '  落实责任  ', basis: '  ' }])).toEqual({ items: [{ text: '落实责任', basis: null }], problem: null });
  });

  it.each([
    [[], 'empty', 0],
    [[{ text: '甲', basis: null }], 'too_short', 0],
    [[{ text: '落实责任', basis: null }, { text: '落实责任 ', basis: 'x' }], 'duplicate', 1],
    [[{ text: '落实责任', basis: null }, { text: '责'.repeat(DUTY_LIST_LIMITS.maxItemLength + 1), basis: null }], 'too_long', 1],
  ])('refuses %j as %s at item %i', (items, code, index) => {
    expect(normalizeDutyItems(items).problem).toEqual({ code, index });
  });

  it('accepts exactly the maximum number of items and refuses one more', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `第${i + 1}项职责`, basis: null }));
    expect(normalizeDutyItems(items(DUTY_LIST_LIMITS.maxItems)).problem).toBeNull();
    expect(normalizeDutyItems(items(DUTY_LIST_LIMITS.maxItems + 1)).problem?.code).toBe('too_many');
  });

  it('never changes the number or order of items', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: fc.string(), basis: fc.option(fc.string(), { nil: null }) }), { maxLength: 80 }), (items) => {
        const { items: out } = normalizeDutyItems(items);
        expect(out.map((item) => item.text)).toEqual(items.map((item) => item.text.trim()));
      }),
    );
  });
});

describe('region leader posts', () => {
  it('each carry the duties of a shipped template', () => {
    for (const post of REGION_LEADER_POSTS) expect(SHIPPED_DUTY_TEMPLATES.map((t) => t.code)).toContain(REGION_LEADER_POST_TEMPLATE[post]);
  });
});
